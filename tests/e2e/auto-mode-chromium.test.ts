/**
 * Auto reader mode in headless Chromium (Debian's /usr/bin/chromium, playwright-core), with dist/ loaded unpacked.
 * One browser for the file; the tests run in order and the second one turns auto mode on as a user does (the later
 * ones turn it on themselves when run alone). Every request that is not to 127.0.0.1 (or the extension) is aborted
 * and recorded. The journeys themselves are shared with Firefox (harness/auto-mode-journeys.ts); the service worker
 * restart is Chromium's own.
 *
 * Turning auto mode on is a real click on the options page's "News articles on any site". Chromium cannot answer
 * the permission prompt that asks for headless, so the test first grants `<all_urls>` on chrome://extensions
 * through that page's own API (harness/auto-mode.ts, allowOnAllSitesLikeAUser); the options page's
 * `permissions.request({origins:['<all_urls>']})` is then granted without a prompt.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ITWIRE_ARTICLE, itwire } from './harness/assertions.js';
import {
  allowOnAllSitesLikeAUser,
  AutoModeRun,
  playwrightTab,
  readerText,
  stopServiceWorker,
  withServiceWorker,
} from './harness/auto-mode.js';
import { autoModeJourneys } from './harness/auto-mode-journeys.js';
import { type ChromiumSession, launchChromium } from './harness/chromium.js';
import { startServer, type TestServer } from './harness/server.js';

describe('Clearpage auto mode in Chromium', () => {
  let server: TestServer | undefined;
  let chrome: ChromiumSession | undefined;
  let auto: AutoModeRun | undefined;

  function browser(): ChromiumSession {
    if (!chrome) throw new Error('Chromium did not start (see beforeAll)');
    return chrome;
  }
  function origin(): TestServer {
    if (!server) throw new Error('the test server did not start (see beforeAll)');
    return server;
  }
  function run(): AutoModeRun {
    if (!auto) throw new Error('Chromium did not start (see beforeAll)');
    return auto;
  }

  beforeAll(async () => {
    server = await startServer();
    const session = await launchChromium();
    chrome = session;
    auto = new AutoModeRun({
      network: session.network,
      newTab: async (name) => playwrightTab(await session.context.newPage(), name),
      async openOptionsPage() {
        const page = await session.context.newPage();
        await page.goto(session.extensionUrl('options.html'), { waitUntil: 'load' });
        return playwrightTab(page, 'options page');
      },
      preparePermissionGrant: () => allowOnAllSitesLikeAUser(session),
    });
  });

  afterEach(async () => {
    await auto?.closeTabs();
  });

  afterAll(async () => {
    if (auto) console.info('Chromium auto-open latency:', auto.timings);
    await chrome?.close();
    await server?.close();
  });

  autoModeJourneys({ browserName: 'chromium', run, origin });

  // Chromium only: Firefox has an event page, not a service worker.
  it('after a service worker restart, a news story still opens by itself', async () => {
    await run().ensureAutoMode();
    type Marked = { e2eMark?: boolean };
    // A global in the running instance: a fresh instance does not have it.
    await withServiceWorker(browser(), (worker) =>
      worker.evaluate(() => {
        (globalThis as Marked).e2eMark = true;
      }, undefined),
    );
    await stopServiceWorker(browser());

    const tab = await run().expectAutoOpen(origin().url(`/${ITWIRE_ARTICLE}.html`), 'iTWire story after service worker restart');
    expect((await readerText(tab.surface)).title, 'reader title').toBe(itwire.title);
    const mark = await withServiceWorker(browser(), (worker) =>
      worker.evaluate(() => (globalThis as Marked).e2eMark ?? null, undefined),
    );
    expect(mark, 'the global of the stopped instance (a fresh instance answered)').toBeNull();
    run().expectNoLeaks();
  });
});
