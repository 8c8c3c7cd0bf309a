import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { CdpTargetSurface } from './cdp-target.js';
import { NetworkLog } from './network.js';
import { assertBuilt, DIST } from './paths.js';
import { playwrightSurface } from './playwright-surface.js';
import type { Surface } from './surface.js';

/**
 * The only part of the extension API the tests call from the service worker. Declared here, module-local, because
 * functions passed to `sw.evaluate` run there, not in Node.
 */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } };
};

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface ChromiumSession {
  readonly context: BrowserContext;
  readonly serviceWorker: Worker;
  readonly extensionId: string;
  readonly network: NetworkLog;
  /** `chrome-extension://ID/<file>` */
  extensionUrl(file: string): string;
  /** A new tab at `url`, loaded. */
  openPage(url: string): Promise<Page>;
  /**
   * The real toolbar click: CDP `Extensions.triggerAction` on the page's TAB target. It opens the real default_popup
   * and grants activeTab for that tab (until it navigates). Returns the popup, attached over raw CDP.
   */
  clickAction(page: Page): Promise<CdpTargetSurface>;
  /**
   * The tab id the extension sees for the tab showing `url` (looked up from the service worker). The extension has
   * no `tabs` permission, so the URL is only visible for a tab that got activeTab (call `clickAction` first).
   */
  tabIdOf(url: string): Promise<number>;
  /** `popup.html?tabId=N` opened as a normal tab. */
  openPopupTab(tabId: number): Promise<Page>;
  /** `chrome.storage.sync`, read from the service worker. */
  readSyncStorage(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<ChromiumSession> {
  assertBuilt();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'clearpage-e2e-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: { width: 1280, height: 900 },
      args: [
        `--disable-extensions-except=${DIST}`,
        `--load-extension=${DIST}`,
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-sync',
        '--disable-background-networking',
        '--disable-component-update',
        // Belt and braces under the request routing below: no host name but 127.0.0.1 resolves at all.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    return await attach(context, userDataDir);
  } catch (err) {
    await context?.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

async function attach(context: BrowserContext, userDataDir: string): Promise<ChromiumSession> {
  const network = new NetworkLog();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return network.decide(url) ? route.continue() : route.abort('blockedbyclient');
  });
  context.on('requestfinished', (request) => network.finished(request.url()));

  const isOurWorker = (w: Worker): boolean => w.url().startsWith('chrome-extension://');
  const serviceWorker =
    context.serviceWorkers().find(isOurWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurWorker, timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;

  const browser = context.browser();
  // A persistent context has a browser object in Chromium; keep the check for the type system.
  if (!browser) throw new Error('launchPersistentContext gave no Browser: cannot open a browser CDP session');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const popups = new Set<CdpTargetSurface>();

  const extensionUrl = (file: string): string => `chrome-extension://${extensionId}/${file}`;

  async function targets(filter?: { type: string }[]): Promise<TargetInfo[]> {
    const { targetInfos } = await cdp.send('Target.getTargets', filter ? { filter } : {});
    return targetInfos;
  }

  // Target events drive waitForTarget (no polling): created, and changed (a popup starts as about:blank).
  await cdp.send('Target.setDiscoverTargets', { discover: true });

  async function waitForTarget(match: (t: TargetInfo) => boolean, what: string, timeoutMs = 15_000): Promise<TargetInfo> {
    let onEvent: ((e: { targetInfo: TargetInfo }) => void) | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<TargetInfo>((resolve, reject) => {
        onEvent = (e) => {
          if (match(e.targetInfo)) resolve(e.targetInfo);
        };
        cdp.on('Target.targetCreated', onEvent);
        cdp.on('Target.targetInfoChanged', onEvent);
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
        targets().then((all) => {
          const found = all.find(match);
          if (found) resolve(found);
        }, reject);
      });
    } finally {
      clearTimeout(timer);
      if (onEvent) {
        cdp.off('Target.targetCreated', onEvent);
        cdp.off('Target.targetInfoChanged', onEvent);
      }
    }
  }

  return {
    context,
    serviceWorker,
    extensionId,
    network,
    extensionUrl,

    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },

    async clickAction(page) {
      await page.bringToFront();
      const url = page.url();
      const tab = (await targets([{ type: 'tab' }])).find((t) => t.type === 'tab' && t.url === url);
      if (!tab) throw new Error(`no tab target shows ${url}`);
      const popupPrefix = extensionUrl('popup.html');
      const isPopup = (t: TargetInfo): boolean => t.type === 'page' && t.url.startsWith(popupPrefix);
      const before = new Set((await targets()).filter(isPopup).map((t) => t.targetId));
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      const popup = await waitForTarget(
        (t) => isPopup(t) && !before.has(t.targetId) && !t.url.includes('tabId='),
        `the action popup of ${url}`,
      );
      const surface = await CdpTargetSurface.attach(cdp, popup.targetId, `action popup (${url})`);
      popups.add(surface);
      await surface.waitFor(() => document.readyState === 'complete', undefined, 'the popup to load');
      return surface;
    },

    async tabIdOf(url) {
      const id = await serviceWorker.evaluate(
        (u) => chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === u)?.id ?? null),
        url,
      );
      if (id === null) {
        throw new Error(`the extension sees no tab with url ${url} (it only sees URLs of tabs it got activeTab for)`);
      }
      return id;
    },

    async openPopupTab(tabId) {
      const page = await context.newPage();
      await page.goto(extensionUrl(`popup.html?tabId=${tabId}`), { waitUntil: 'load' });
      return page;
    },

    readSyncStorage: () => serviceWorker.evaluate(() => chrome.storage.sync.get(null)),

    async close() {
      for (const popup of popups) await popup.detach();
      await cdp.detach().catch(() => undefined);
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A Playwright page as a Surface. */
export function pageSurface(page: Page, name = page.url()): Surface {
  return playwrightSurface(page, name);
}
