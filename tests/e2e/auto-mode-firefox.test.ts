/**
 * Auto reader mode in headless Firefox ESR (/usr/bin/firefox-esr), driven by puppeteer-core over WebDriver BiDi,
 * with dist/ installed as a temporary add-on. The same journeys as auto-mode-chromium.test.ts (Firefox has an
 * event page, not a service worker, so there is no worker restart to test). One browser for the file; the second
 * test turns auto mode on as a user does (the later ones turn it on themselves when run alone). Every request that
 * is not to 127.0.0.1 (or the extension) is aborted and recorded.
 *
 * Turning auto mode on is a real click on the options page's "News articles on any site"; the harness sets
 * `extensions.webextOptionalPermissionPrompts=false`, so its `permissions.request({origins:['<all_urls>']})` is
 * granted without the doorhanger nobody could answer headless (see harness/firefox.ts, grantLocalHostPermission,
 * for the same path with one origin).
 */
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import {
  AutoModeRun,
  puppeteerTab,
} from './harness/auto-mode.js';
import { autoModeJourneys } from './harness/auto-mode-journeys.js';
import { type FirefoxSession, launchFirefox } from './harness/firefox.js';
import { startServer, type TestServer } from './harness/server.js';

describe('Clearpage auto mode in Firefox', () => {
  let server: TestServer | undefined;
  let firefox: FirefoxSession | undefined;
  let auto: AutoModeRun | undefined;

  function origin(): TestServer {
    if (!server) throw new Error('the test server did not start (see beforeAll)');
    return server;
  }
  function run(): AutoModeRun {
    if (!auto) throw new Error('Firefox did not start (see beforeAll)');
    return auto;
  }

  beforeAll(async () => {
    server = await startServer();
    const session = await launchFirefox();
    firefox = session;
    auto = new AutoModeRun({
      network: session.network,
      // A new tab with the request guard, in front (as the tab a user opens is).
      newTab: async (name) => puppeteerTab(await session.openPage('about:blank'), name),
      openOptionsPage: async () => puppeteerTab(await session.openExtensionPage('options.html'), 'options page'),
      // The harness pref answers the request: nothing to do.
      preparePermissionGrant: async () => undefined,
    });
  });

  afterEach(async () => {
    await auto?.closeTabs();
  });

  afterAll(async () => {
    if (auto) console.info('Firefox auto-open latency:', auto.timings);
    await firefox?.close();
    await server?.close();
  });

  autoModeJourneys({ browserName: 'firefox', run, origin });
});
