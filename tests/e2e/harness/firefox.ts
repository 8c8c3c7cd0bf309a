import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { NetworkLog } from './network.js';
import { assertBuilt, DIST } from './paths.js';
import { puppeteerSurface } from './puppeteer-surface.js';
import type { Surface } from './surface.js';

export const FIREFOX = process.env.E2E_FIREFOX ?? '/usr/bin/firefox-esr';
/** `browser_specific_settings.gecko.id` in manifest.json. */
export const GECKO_ID = 'clearpage@clearpage.dev';

/** The extension API as seen from an extension page; module-local, for functions evaluated there. */
declare const browser: {
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
  };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
};

export interface FirefoxSession {
  readonly browser: Browser;
  readonly uuid: string;
  readonly network: NetworkLog;
  extensionUrl(file: string): string;
  /** A new tab at `url` (request guard on), loaded. */
  openPage(url: string): Promise<Page>;
  /** Navigates `page` (a new tab if omitted) to an extension page and waits until it has loaded. */
  openExtensionPage(file: string, page?: Page): Promise<Page>;
  /** The user path that gives the extension access to the local test pages; see grantLocalHostPermission. */
  grantLocalHostPermission(extensionPage: Page): Promise<boolean>;
  /** The tab id the extension sees for the tab showing `url`, asked from an extension page. */
  tabIdOf(extensionPage: Page, url: string): Promise<number>;
  close(): Promise<void>;
}

/** The origin pattern the tests ask for: the local test server, any port. */
export const LOCAL_ORIGIN = 'http://127.0.0.1/*';

export async function launchFirefox(): Promise<FirefoxSession> {
  assertBuilt();
  const uuid = randomUUID();
  const network = new NetworkLog();
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // Without it, WebDriver BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Pin the moz-extension:// UUID so the tests know the extension's origin.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // permissions.request() (still only from a user input handler) is accepted without showing a doorhanger,
      // which a headless browser could never answer. See grantLocalHostPermission.
      'extensions.webextOptionalPermissionPrompts': false,
      // Belt and braces under the request interception: everything but localhost goes to a dead proxy port.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.allow_hijacking_localhost': false,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
    },
  });
  try {
    await ff.installExtension(DIST);
  } catch (err) {
    await ff.close().catch(() => undefined);
    throw err;
  }
  const extensionUrl = (file: string): string => `moz-extension://${uuid}/${file}`;

  async function guard(page: Page): Promise<Page> {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      void (network.decide(request.url()) ? request.continue() : request.abort('blockedbyclient')).catch(
        () => undefined,
      );
    });
    page.on('requestfinished', (request) => network.finished(request.url()));
    return page;
  }

  return {
    browser: ff,
    uuid,
    network,
    extensionUrl,

    async openPage(url) {
      const page = await guard(await ff.newPage());
      await page.goto(url, { waitUntil: 'load' });
      // The tab the user works in is the foreground one; a background tab may have no layout yet (scrolling is a no-op).
      await page.bringToFront();
      return page;
    },

    async openExtensionPage(file, existing) {
      const page = existing ?? (await guard(await ff.newPage()));
      const url = extensionUrl(file);
      // page.goto() to a moz-extension:// URL never resolves although the navigation happens (recipe): fire it
      // without awaiting and wait for the document instead.
      void page.goto(url).catch(() => undefined);
      await puppeteerSurface(page, url).waitFor(
        (u) => location.href === u && document.readyState === 'complete',
        url,
        `${url} to load`,
      );
      return page;
    },

    /**
     * Firefox has no activeTab grant without a real toolbar click, and the extension has no host permissions (only
     * `optional_host_permissions: ["<all_urls>"]`). A temporarily installed add-on does NOT get optional host
     * permissions granted (checked: permissions.contains() is false after installExtension). What a user can do is
     * grant one when the extension asks: `permissions.request()` from a user input handler on an extension page.
     * We take that path for the local test origin only: a button on the extension page whose click handler calls
     * `browser.permissions.request({origins:['http://127.0.0.1/*']})`, clicked with a real (trusted) BiDi click.
     * Firefox rejects the call outside a user input handler; with the pref
     * `extensions.webextOptionalPermissionPrompts=false` it accepts without the doorhanger (which nobody could
     * click headless). This exercises the extension's real, permission-based injection path in Firefox.
     */
    async grantLocalHostPermission(extensionPage) {
      await extensionPage.evaluate((origin) => {
        const button = document.createElement('button');
        button.id = 'e2e-grant-host-permission';
        button.textContent = 'Allow on 127.0.0.1';
        button.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;width:240px;height:48px';
        button.addEventListener('click', () => {
          const result = browser.permissions.request({ origins: [origin] });
          (window as unknown as { e2eGrant: Promise<boolean> }).e2eGrant = result;
          button.remove();
        });
        document.body.append(button);
      }, LOCAL_ORIGIN);
      await puppeteerSurface(extensionPage, 'extension page').click('#e2e-grant-host-permission');
      return extensionPage.evaluate(async (origin) => {
        const granted = await (window as unknown as { e2eGrant: Promise<boolean> }).e2eGrant;
        return granted && (await browser.permissions.contains({ origins: [origin] }));
      }, LOCAL_ORIGIN);
    },

    async tabIdOf(extensionPage, url) {
      const id = await extensionPage.evaluate(
        (u) => browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === u)?.id ?? null),
        url,
      );
      if (id === null) throw new Error(`the extension sees no tab with url ${url}`);
      return id;
    },

    async close() {
      await ff.close().catch(() => undefined);
    },
  };
}

export function firefoxSurface(page: Page, name = page.url()): Surface {
  return puppeteerSurface(page, name);
}
