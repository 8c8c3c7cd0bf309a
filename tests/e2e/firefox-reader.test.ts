/**
 * The popup → reader → close journey in headless Firefox ESR (/usr/bin/firefox-esr), driven by puppeteer-core over
 * WebDriver BiDi, with dist/ installed as a temporary add-on. Every request that is not to 127.0.0.1 (or the
 * extension) is aborted and recorded.
 *
 * Access to the page: Firefox gives activeTab only for a real toolbar click, which automation cannot make, so the
 * test grants the extension's optional host permission for http://127.0.0.1/* the way a user would, through
 * permissions.request() from a click on an extension page (see FirefoxSession.grantLocalHostPermission).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectItwireCard, expectItwireReader, expectRestored, ITWIRE_ARTICLE } from './harness/assertions.js';
import { type FirefoxSession, firefoxSurface, launchFirefox } from './harness/firefox.js';
import { artifactPath } from './harness/paths.js';
import { PopupView } from './harness/popup.js';
import { capturePageState, ReaderView, scrollPageTo } from './harness/reader.js';
import { startServer, type TestServer } from './harness/server.js';

describe('Clearpage in Firefox', () => {
  let server: TestServer | undefined;
  let firefox: FirefoxSession | undefined;
  let opened: Page[] = [];

  function browser(): FirefoxSession {
    if (!firefox) throw new Error('Firefox did not start (see beforeAll)');
    return firefox;
  }
  let extensionPage: Page | undefined;
  /**
   * An extension tab that holds the host permission grant (asked once per browser, as a user would answer the
   * prompt once), navigated to popup.html?tabId=N for each journey.
   */
  async function popupTabFor(url: string): Promise<PopupView> {
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await browser().openExtensionPage('options.html');
      expect(await browser().grantLocalHostPermission(extensionPage), 'host permission for 127.0.0.1').toBe(true);
    }
    const tabId = await browser().tabIdOf(extensionPage, url);
    await browser().openExtensionPage(`popup.html?tabId=${tabId}`, extensionPage);
    return new PopupView(firefoxSurface(extensionPage, 'popup tab'));
  }
  function origin(): TestServer {
    if (!server) throw new Error('the test server did not start (see beforeAll)');
    return server;
  }

  beforeAll(async () => {
    server = await startServer();
    firefox = await launchFirefox();
  });

  afterEach(async () => {
    for (const page of opened) await page.close().catch(() => undefined);
    opened = [];
  });

  afterAll(async () => {
    await extensionPage?.close().catch(() => undefined);
    await firefox?.close();
    await server?.close();
  });

  it('popup (as a tab) on a news story: card, reader view, close restores the page', async () => {
    const url = origin().url(`/${ITWIRE_ARTICLE}.html`);
    const page = await browser().openPage(url);
    opened.push(page);
    const pageSurface = firefoxSurface(page, 'article tab');
    await scrollPageTo(pageSurface, 400);
    const before = await capturePageState(pageSurface);

    const popup = await popupTabFor(url);
    expect(await popup.settled(), 'popup body[data-state]').toBe('article');
    expectItwireCard(await popup.card());

    await popup.openReader();
    await page.bringToFront();
    const reader = new ReaderView(pageSurface);
    await reader.waitOpen();
    expectItwireReader(await reader.snapshot(), url);
    await page.screenshot({ path: artifactPath('firefox-reader.png') });

    await reader.closeWithButton();
    expectRestored(await capturePageState(pageSurface), before);

    expect(browser().network.blockedTo('www.itwire.com').length, 'blocked requests to itwire.com').toBeGreaterThan(0);
    expect(browser().network.leaked, 'requests that reached a host other than 127.0.0.1').toEqual([]);
  });

  it('closing the reader with Escape gives the page back: DOM, typed input, scroll position, focus', async () => {
    const url = origin().url('/restore-form.html');
    const page = await browser().openPage(url);
    opened.push(page);
    const surface = firefoxSurface(page, 'form page');
    await page.type('input#note', 'pier rebuild, typed by the test');
    await scrollPageTo(surface, 400);
    const before = await capturePageState(surface);
    expect(before.focus, 'focus is in the input').toBe('note');
    expect(before.values.note).toBe('pier rebuild, typed by the test');

    const popup = await popupTabFor(url);
    expect(await popup.settled(), 'popup body[data-state]').toBe('article');
    await popup.openReader();
    await page.bringToFront();
    const reader = new ReaderView(surface);
    await reader.waitOpen();
    expect((await reader.snapshot()).title).toBe('Wellmere votes to rebuild its old timber pier');
    await reader.closeWithEscape();

    expectRestored(await capturePageState(surface), before);
    expect(browser().network.leaked, 'requests that reached a host other than 127.0.0.1').toEqual([]);
  });
});
