/**
 * The setup every reader suite in Chromium shares: one test server and one browser for the file, each test's
 * tabs closed after it, and the reader opened the way a user does (toolbar click, then "Open reader view").
 * Call `chromiumReaderSuite()` inside a `describe`: it registers the hooks and returns the accessors.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type ChromiumSession, launchChromium, pageSurface } from './chromium.js';
import { PopupView } from './popup.js';
import { ReaderView } from './reader.js';
import { startServer, type TestServer } from './server.js';

export interface ReaderSuite {
  /** The browser, or a clear failure if beforeAll could not start it. */
  browser(): ChromiumSession;
  /** The test server, or a clear failure if it did not start. */
  origin(): TestServer;
  /** A new tab on `url`, closed after the test. */
  open(url: string): Promise<Page>;
  /** Closes `page` after the test too (a tab opened some other way). */
  track(page: Page): void;
  /** Toolbar click, "Open reader view" in the popup, the reader rendered, the tab in front. */
  openReader(page: Page): Promise<ReaderView>;
}

/** `setup` runs once the server is up, before the browser starts (to define extra pages). */
export function chromiumReaderSuite(setup?: (server: TestServer) => void): ReaderSuite {
  let server: TestServer | undefined;
  let chrome: ChromiumSession | undefined;
  let opened: Page[] = [];

  beforeAll(async () => {
    server = await startServer();
    setup?.(server);
    chrome = await launchChromium();
  });

  afterEach(async () => {
    for (const page of opened) await page.close().catch(() => undefined);
    opened = [];
  });

  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  const suite: ReaderSuite = {
    browser() {
      if (!chrome) throw new Error('Chromium did not start (see beforeAll)');
      return chrome;
    },
    origin() {
      if (!server) throw new Error('the test server did not start (see beforeAll)');
      return server;
    },
    async open(url) {
      const page = await suite.browser().openPage(url);
      opened.push(page);
      return page;
    },
    track(page) {
      opened.push(page);
    },
    async openReader(page) {
      const popup = new PopupView(await suite.browser().clickAction(page));
      expect(await popup.settled(), `popup body[data-state] on ${page.url()}`).toBe('article');
      await popup.openReader();
      const reader = new ReaderView(pageSurface(page, page.url()));
      await reader.waitOpen();
      await page.bringToFront();
      return reader;
    },
  };
  return suite;
}
