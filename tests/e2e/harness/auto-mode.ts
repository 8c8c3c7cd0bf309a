/**
 * Auto reader mode in the end-to-end tests, for both browsers: turning it on as a user does, watching the detector's
 * registration, tabs that navigate (link, back, reload), and the two outcomes a page can have (the reader opens by
 * itself, or it stays closed).
 *
 * Everything that runs in a browser goes through a Surface (see surface.ts): functions passed to `evaluate` are
 * self-contained. On extension pages the extension API is `browser` in Firefox and `chrome` in Chromium; the
 * evaluated functions take whichever exists.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { expect } from 'vitest';
import { CdpTargetSurface } from './cdp-target.js';
import type { ChromiumSession } from './chromium.js';
import type { NetworkLog } from './network.js';
import { OptionsView } from './options.js';
import { playwrightSurface } from './playwright-surface.js';
import { puppeteerSurface } from './puppeteer-surface.js';
import { READER_HOST, ReaderView } from './reader.js';
import type { TestServer } from './server.js';
import type { Surface } from './surface.js';

/** The two stories of tests/e2e/pages/spa.html: headline and one sentence found only in that story. */
export const SPA = {
  first: {
    title: 'Harbourside ferry returns to an hourly timetable',
    sentence: 'Skipper Joe Penrose, who has worked the route for nineteen years,',
  },
  second: {
    title: 'Town library reopens after a year of repairs to its leaking roof',
    sentence: 'Librarian Nadia Fenwick said more than four thousand books had been moved to a church hall',
  },
} as const;

/** tests/e2e/pages/spa.html, at a unique address. */
export function spaUrl(server: TestServer): string {
  return server.url('/spa.html');
}

/** tests/e2e/pages/search-results.html at a unique address with the query in it, as a site search serves it. */
export function searchUrl(server: TestServer, query = 'kaspersky sanctions'): string {
  const url = new URL(server.url('/search-results.html'));
  url.searchParams.set('q', query);
  return url.href;
}

/** The detector's registration id (src/shared/auto-access.ts). */
export const DETECTOR_ID = 'clearpage-auto-detector';
/** The optional host permission "News articles on any site" asks for. */
export const ALL_URLS = '<all_urls>';

/**
 * How long a page that must NOT open by itself is watched after its load event. The detector runs at
 * document_idle (at the latest right after load), its verdict takes a few milliseconds, and the background then
 * injects the reader bundle and opens the reader. Measured on this 2-core machine over several runs (Chromium 156,
 * Firefox 153; the tests print it): usually 0.2 to 0.7 s from load to an open reader, 1.4 s at the slowest (a
 * service worker that had to start, a busy CPU). 2.5 s is well over that, so a reader that would open is seen.
 */
export const NO_AUTO_OPEN_WAIT_MS = 2500;
/** Upper bound for a reader that must open by itself (generous: a service worker may have to start first). */
export const AUTO_OPEN_TIMEOUT_MS = 10_000;

/** What `scripting.getRegisteredContentScripts` says about the detector. */
export interface DetectorRegistration {
  js: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: string | null;
  persistAcrossSessions: boolean | null;
}

/**
 * The parts of the extension API the functions below call on an extension page. Type-only: the functions find the
 * real object at run time (`browser` in Firefox, `chrome` in Chromium).
 */
interface ExtensionApi {
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
  };
  storage: {
    sync: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<
      { id: string; js?: string[]; matches?: string[]; excludeMatches?: string[]; runAt?: string; persistAcrossSessions?: boolean }[]
    >;
  };
}
type ExtensionGlobals = { browser?: ExtensionApi; chrome?: ExtensionApi };

/** A tab the tests navigate, with its reader view. */
export interface BrowserTab {
  readonly surface: Surface;
  readonly reader: ReaderView;
  /** Navigates (a normal navigation, like following a link) and waits for the load event. */
  goto(url: string): Promise<void>;
  /** The browser's Back button, waiting for the previous page. */
  back(): Promise<void>;
  /** The browser's Reload button, waiting for the load event. */
  reload(): Promise<void>;
  /** Makes this the foreground tab (real clicks and key presses go there). */
  front(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export function playwrightTab(page: PlaywrightPage, name: string): BrowserTab {
  const surface = playwrightSurface(page, name);
  return {
    surface,
    reader: new ReaderView(surface),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    back: async () => {
      await page.goBack({ waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    front: () => page.bringToFront(),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

export function puppeteerTab(page: PuppeteerPage, name: string): BrowserTab {
  const surface = puppeteerSurface(page, name);
  return {
    surface,
    reader: new ReaderView(surface),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    back: async () => {
      await page.goBack({ waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    front: () => page.bringToFront(),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
  };
}

/** Polls `read` from Node until `ok` holds; returns the last value, or throws with `what` after `timeoutMs`. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last value: ${JSON.stringify(last)})`, {
    cause: lastError,
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The detector's current registration, asked from an extension page; null when it is not registered. */
export function detectorRegistration(extensionPage: Surface): Promise<DetectorRegistration | null> {
  return extensionPage.evaluate(async (id) => {
    const g = globalThis as unknown as ExtensionGlobals;
    const api = (g.browser ?? g.chrome) as ExtensionApi;
    const [script] = await api.scripting.getRegisteredContentScripts({ ids: [id] });
    if (!script) return null;
    return {
      js: script.js ?? [],
      matches: script.matches ?? [],
      excludeMatches: script.excludeMatches ?? [],
      runAt: script.runAt ?? null,
      persistAcrossSessions: script.persistAcrossSessions ?? null,
    };
  }, DETECTOR_ID);
}

/** Waits until the detector's registration satisfies `ok` (the background updates it asynchronously). */
export function waitForDetector(
  extensionPage: Surface,
  ok: (registration: DetectorRegistration | null) => boolean,
  what: string,
): Promise<DetectorRegistration | null> {
  return pollUntil(() => detectorRegistration(extensionPage), ok, what);
}

/** Whether the extension holds access to every site (`permissions.contains`), asked from an extension page. */
export function hasAllSitesAccess(extensionPage: Surface): Promise<boolean> {
  return extensionPage.evaluate((origin) => {
    const g = globalThis as unknown as ExtensionGlobals;
    return (g.browser ?? g.chrome as ExtensionApi).permissions.contains({ origins: [origin] });
  }, ALL_URLS);
}

export function readSyncStorage(extensionPage: Surface): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(() => {
    const g = globalThis as unknown as ExtensionGlobals;
    return (g.browser ?? g.chrome as ExtensionApi).storage.sync.get(null);
  }, undefined);
}

/** Writes settings to storage.sync from an extension page, as the options page does. */
export async function writeSyncStorage(extensionPage: Surface, items: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate((values) => {
    const g = globalThis as unknown as ExtensionGlobals;
    return (g.browser ?? g.chrome as ExtensionApi).storage.sync.set(values);
  }, items);
}

/**
 * Turns auto mode on as a user does: a real click on the options page's "News articles on any site" radio
 * (`input[name="auto-mode"][value="news"]`), whose change handler calls `permissions.request({origins:['<all_urls>']})`
 * at once (Firefox accepts the request only inside a user input handler) and, when it is granted, stores
 * `autoMode: 'news'`. Resolves once the setting is stored; fails with the page's access line when it is not.
 *
 * The browser must be able to answer the permission request headless: Firefox through the harness pref
 * `extensions.webextOptionalPermissionPrompts=false`, Chromium after `allowOnAllSitesLikeAUser`. `optionsPage` must
 * show options.html in the foreground (the click is a real one).
 */
export async function enableAutoMode(optionsPage: Surface): Promise<void> {
  const options = new OptionsView(optionsPage);
  await options.ready();
  await optionsPage.click('input[name="auto-mode"][value="news"]');
  try {
    await pollUntil(() => readSyncStorage(optionsPage), (s) => s.autoMode === 'news', "autoMode 'news' in storage.sync");
  } catch (err) {
    const line = await optionsPage.evaluate(() => document.querySelector('#access-text')?.textContent ?? null, undefined);
    throw new Error(`auto mode was not turned on (the options page says: ${JSON.stringify(line)})`, { cause: err });
  }
}

/**
 * Sets the options page's "Strip ads and promotions" checkbox with a real click (the page saves on change), and
 * waits until storage.sync holds the new value. `optionsPage` must show options.html in the foreground.
 */
export async function setStripAds(optionsPage: Surface, on: boolean): Promise<void> {
  const checked = await optionsPage.evaluate(
    () => (document.querySelector('input#strip-ads') as HTMLInputElement | null)?.checked ?? null,
    undefined,
  );
  if (checked === null) throw new Error(`${optionsPage.name}: no input#strip-ads (is it options.html?)`);
  if (checked !== on) await optionsPage.click('input#strip-ads');
  await pollUntil(() => readSyncStorage(optionsPage), (s) => s.stripAds === on, `storage.sync stripAds === ${on}`);
}

/**
 * Waits for the reader to open by itself in `tab` and returns how long it took since `since` (a Date.now() taken
 * before the navigation started).
 */
export async function waitForAutoOpen(tab: BrowserTab, since: number): Promise<number> {
  await tab.reader.waitOpen(AUTO_OPEN_TIMEOUT_MS);
  return Date.now() - since;
}

/**
 * Asserts that the reader does NOT open by itself in `tab`: from the page's load event on, it is watched for
 * NO_AUTO_OPEN_WAIT_MS (see there for why that is long enough), failing as soon as the overlay appears.
 */
export async function expectStaysClosed(tab: BrowserTab, what: string): Promise<void> {
  await tab.surface.waitFor(() => document.readyState === 'complete', undefined, `${what}: the load event`);
  const deadline = Date.now() + NO_AUTO_OPEN_WAIT_MS;
  let open = false;
  while (!open && Date.now() < deadline) {
    await sleep(100);
    open = await tab.reader.isOpen();
  }
  expect(open, `${what}: the reader opened by itself`).toBe(false);
}

/** The page without the reader overlay: its markup with the host taken out of a copy, and its scroll position. */
export interface PageBehindReader {
  html: string;
  scrollX: number;
  scrollY: number;
}

/** What the page is underneath the overlay (or the page itself when no reader is open). */
export function pageBehindReader(surface: Surface): Promise<PageBehindReader> {
  return surface.evaluate((host) => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector(`:scope > ${host}`)?.remove();
    return { html: copy.outerHTML, scrollX: window.scrollX, scrollY: window.scrollY };
  }, READER_HOST);
}

/** The reader's title and content text, whitespace-normalised. */
export function readerText(surface: Surface): Promise<{ title: string | null; content: string; siteHref: string | null }> {
  return surface.evaluate((hostSelector) => {
    const norm = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
    const root = document.querySelector(hostSelector)?.shadowRoot ?? null;
    const title = root?.querySelector('[data-cp="title"]');
    const site = root?.querySelector<HTMLAnchorElement>('a[data-cp="site"]');
    return {
      title: title ? norm(title.textContent) : null,
      content: norm(root?.querySelector('[data-cp="content"]')?.textContent),
      siteHref: site?.href ?? null,
    };
  }, READER_HOST);
}

/** What to wait for in the open reader: any of a title, text the content must hold, text it must not hold. */
export interface ReaderTextCondition {
  title?: string;
  contains?: string;
  lacks?: string;
}

/** Waits until the open reader's title and content meet `want` (the reader re-renders in place). */
export function waitForReaderText(surface: Surface, want: ReaderTextCondition, what: string): Promise<void> {
  return surface.waitFor(
    ({ host, want: w }) => {
      const norm = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
      const root = document.querySelector(host)?.shadowRoot;
      const content = root?.querySelector('[data-cp="content"]');
      if (!root || !content) return false;
      const text = norm(content.textContent);
      if (w.title !== undefined && norm(root.querySelector('[data-cp="title"]')?.textContent) !== w.title) return false;
      if (w.contains !== undefined && !text.includes(w.contains)) return false;
      if (w.lacks !== undefined && text.includes(w.lacks)) return false;
      return true;
    },
    { host: READER_HOST, want },
    what,
  );
}

/**
 * Leaves a mark in the page's own JavaScript world; `hasPageMark` is true only while the same document lives (a
 * reload or a navigation to another document loses it).
 */
export async function setPageMark(surface: Surface): Promise<void> {
  await surface.evaluate(() => {
    (window as unknown as { e2eMark?: boolean }).e2eMark = true;
  }, undefined);
}

export function hasPageMark(surface: Surface): Promise<boolean> {
  return surface.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark === true, undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// One browser's auto-mode test run

/** What `AutoModeRun` needs from a browser harness (harness/chromium.ts or harness/firefox.ts). */
export interface AutoModeBrowser {
  readonly network: NetworkLog;
  /** A new tab (with the request guard), not navigated yet or on about:blank. */
  newTab(name: string): Promise<BrowserTab>;
  /** A new tab showing the extension's options.html, loaded. */
  openOptionsPage(): Promise<BrowserTab>;
  /** Whatever the browser needs before `permissions.request` can be answered headless (see `enableAutoMode`). */
  preparePermissionGrant(): Promise<void>;
}

/**
 * The bookkeeping the auto-mode tests share in both browsers: one options page kept open as the tests' window into
 * the extension, the tabs a test opened (closed after each test), and how long each auto-open took.
 */
export class AutoModeRun {
  /** Per auto-opened page: time from the start of navigation and from the load event to the open reader. */
  readonly timings: Record<string, string> = {};
  private options: BrowserTab | undefined;
  private opened: BrowserTab[] = [];

  constructor(private readonly browser: AutoModeBrowser) {}

  /** The options page (opened on first use). */
  async extensionPage(): Promise<BrowserTab> {
    this.options ??= await this.browser.openOptionsPage();
    return this.options;
  }

  /** A new tab navigated to `url`; returns it once loaded, with the times the navigation started and loaded. */
  async openTab(url: string, name: string): Promise<{ tab: BrowserTab; started: number; loaded: number }> {
    const tab = await this.browser.newTab(name);
    this.opened.push(tab);
    const started = Date.now();
    await tab.goto(url);
    return { tab, started, loaded: Date.now() };
  }

  /** Opens `url` in a new tab and waits for the reader to open by itself; records how long that took. */
  async expectAutoOpen(url: string, name: string): Promise<BrowserTab> {
    const { tab, started, loaded } = await this.openTab(url, name);
    const total = await waitForAutoOpen(tab, started);
    this.timings[name] = `${total} ms from navigation start, ${total - (loaded - started)} ms after load`;
    return tab;
  }

  /** The user path that turns auto mode on, checked step by step; waits for the detector's registration. */
  async turnOnAutoMode(): Promise<DetectorRegistration | null> {
    const ext = await this.extensionPage();
    await this.browser.preparePermissionGrant();
    await ext.front();
    await enableAutoMode(ext.surface);
    expect(await hasAllSitesAccess(ext.surface), 'permissions.contains(<all_urls>)').toBe(true);
    await new OptionsView(ext.surface).waitForAccess('granted');
    return waitForDetector(ext.surface, (r) => r !== null, 'the detector to be registered');
  }

  /**
   * Auto mode as the test that turns it on leaves it, for a test run alone (vitest -t): a no-op when the detector
   * is registered already.
   */
  async ensureAutoMode(): Promise<void> {
    if (await detectorRegistration((await this.extensionPage()).surface)) return;
    await this.turnOnAutoMode();
  }

  expectNoLeaks(): void {
    expect(this.browser.network.leaked, 'requests that reached a host other than 127.0.0.1').toEqual([]);
  }

  /** Closes the tabs the current test opened (call it in afterEach). */
  async closeTabs(): Promise<void> {
    for (const tab of this.opened) await tab.close().catch(() => undefined);
    this.opened = [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium only

/** The extensions page's own private API (chrome://extensions), behind its "Site access" controls. */
declare const chrome: {
  developerPrivate: {
    addHostPermission(extensionId: string, host: string): Promise<void>;
  };
};

/**
 * Chromium cannot show (so nobody can answer) the permission prompt headless: `permissions.request` just waits.
 * What it does not prompt for is access the user already granted on the extensions page: `permissions.request`
 * skips the prompt for optional permissions that are in the extension's runtime-granted set (see
 * PermissionsRequestFunction::Run in Chromium's permissions_api.cc). This adds `<all_urls>` to that set through
 * the extensions page's own API (`developerPrivate.addHostPermission`, what its "Site access" controls call). It
 * does not make the permission active: `permissions.contains` stays false until the extension asks
 * (`enableAutoMode`), and then the request resolves true at once.
 *
 * Checked on Chromium 156: `developerPrivate.updateExtensionConfiguration({hostAccess:'ON_ALL_SITES'})` is no
 * help for this extension (its host access is optional only, so Chromium already reports ON_ALL_SITES and grants
 * nothing), and neither is adding the pattern for every http and https page: only the exact pattern the extension
 * requests skips the prompt.
 */
export async function allowOnAllSitesLikeAUser(session: ChromiumSession): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto('chrome://extensions/', { waitUntil: 'load' });
    await page.evaluate(
      ({ extensionId, host }) => chrome.developerPrivate.addHostPermission(extensionId, host),
      { extensionId: session.extensionId, host: ALL_URLS },
    );
  } finally {
    await page.close();
  }
}

interface CdpTargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The extension's service worker targets, from a browser CDP session. */
export async function serviceWorkerTargets(session: ChromiumSession): Promise<CdpTargetInfo[]> {
  const browser = session.context.browser();
  if (!browser) throw new Error('no Browser object for a CDP session');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', {})) as { targetInfos: CdpTargetInfo[] };
    const prefix = `chrome-extension://${session.extensionId}/`;
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(prefix));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Runs `fn` with the extension's running service worker, attached over raw CDP (harness/cdp-target.ts). Playwright's
 * own Worker object is no use across a restart: it keeps the stopped instance, and an evaluate on it never settles.
 * Waits up to 10 s for a worker to run.
 */
export async function withServiceWorker<R>(session: ChromiumSession, fn: (worker: Surface) => Promise<R>): Promise<R> {
  const [target] = await pollUntil(
    () => serviceWorkerTargets(session),
    (targets) => targets.length > 0,
    'a running service worker of the extension',
  );
  if (!target) throw new Error('unreachable: pollUntil returned no target');
  const browser = session.context.browser();
  if (!browser) throw new Error('no Browser object for a CDP session');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const worker = await CdpTargetSurface.attach(cdp, target.targetId, 'service worker');
    try {
      return await fn(worker);
    } finally {
      await worker.detach();
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Stops the extension's service worker as the browser does when it is idle: CDP `Target.closeTarget` on its
 * target (Playwright would otherwise keep it alive forever). The next extension event starts a fresh instance with
 * no globals. Resolves once the target is gone. Afterwards `ChromiumSession.serviceWorker` is stale (see
 * `withServiceWorker`).
 */
export async function stopServiceWorker(session: ChromiumSession): Promise<void> {
  const [worker] = await serviceWorkerTargets(session);
  if (!worker) throw new Error('the extension has no running service worker');
  const browser = session.context.browser();
  if (!browser) throw new Error('no Browser object for a CDP session');
  const cdp = await browser.newBrowserCDPSession();
  try {
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  await pollUntil(
    () => serviceWorkerTargets(session),
    (targets) => targets.length === 0,
    'the service worker to stop',
  );
}
