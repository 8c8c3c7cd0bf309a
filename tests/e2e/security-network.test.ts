/**
 * The extension makes no network requests: a full journey in headless Chromium (popup on the iTWire story, the
 * reader opened, the theme changed in the "Aa" menu, a Markdown export, the options page with a setting toggled,
 * the reader closed) with every request of every extension context recorded over CDP, and none may be to
 * http(s) or ws(s). chrome-extension:// (the extension's own files, fonts included) is not the network.
 *
 * Recording: a browser CDP session of our own discovers every target and attaches to it when it is created (the
 * action popup is attached while still about:blank, before popup.html loads), then turns on `Network` there.
 * A request belongs to the extension when its target is an extension context (service worker, popup, options
 * page) or, in a web page, when a script of the extension started it (the content script's isolated world: its
 * initiator stack names a chrome-extension:// script). The page's own requests are the page's.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ITWIRE_ARTICLE } from './harness/assertions.js';
import { READER_HOST } from './harness/reader.js';
import { chromiumReaderSuite } from './harness/reader-suite.js';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface CallFrame {
  url: string;
}
interface StackTrace {
  callFrames: CallFrame[];
  parent?: StackTrace;
}
interface RequestWillBeSent {
  documentURL?: string;
  request: { url: string };
  initiator: { type: string; url?: string; stack?: StackTrace };
}

interface Recorded {
  /** The target's URL when the request was seen (an extension page, the worker, or a web page). */
  target: string;
  url: string;
  /** Scripts on the initiator stack, and the initiator URL. */
  initiators: string[];
  documentURL: string;
}

/** Every request seen in every top-level target from attach time on, over raw CDP (flatten:false, as CdpTargetSurface). */
class RequestRecorder {
  readonly requests: Recorded[] = [];
  /** Targets attached to, by type (to prove the extension's contexts were covered). */
  readonly attached: TargetInfo[] = [];
  private readonly sessions = new Map<string, TargetInfo>();
  private readonly seen = new Set<string>();
  private nextId = 1;

  private constructor(private readonly cdp: CDPSession) {}

  static async start(cdp: CDPSession): Promise<RequestRecorder> {
    const recorder = new RequestRecorder(cdp);
    cdp.on('Target.targetCreated', (e: { targetInfo: TargetInfo }) => void recorder.attach(e.targetInfo));
    // A target's URL changes as it navigates (the popup starts as an untyped blank target): keep it current.
    cdp.on('Target.targetInfoChanged', (e: { targetInfo: TargetInfo }) => recorder.update(e.targetInfo));
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => recorder.onMessage(e));
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = await cdp.send('Target.getTargets');
    await Promise.all((targetInfos as TargetInfo[]).map((t) => recorder.attach(t)));
    return recorder;
  }

  private update(info: TargetInfo): void {
    for (const known of this.sessions.values()) {
      if (known.targetId === info.targetId) Object.assign(known, { url: info.url, type: info.type });
    }
  }

  private async attach(original: TargetInfo): Promise<void> {
    // "other": the action popup is created as an untyped target and becomes a page as popup.html loads.
    if (!['page', 'other', 'service_worker', 'worker', 'shared_worker'].includes(original.type) || this.seen.has(original.targetId)) return;
    this.seen.add(original.targetId);
    const info = { ...original };
    try {
      const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      this.sessions.set(sessionId, info);
      await this.cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: this.nextId++, method: 'Network.enable', params: {} }),
      });
      this.attached.push(info);
    } catch {
      // The target closed before we got to it (a tab closed by an earlier test): nothing to record there.
    }
  }

  private onMessage(e: { sessionId: string; message: string }): void {
    const info = this.sessions.get(e.sessionId);
    if (!info) return;
    const msg = JSON.parse(e.message) as { method?: string; params?: unknown };
    if (msg.method !== 'Network.requestWillBeSent') return;
    const p = msg.params as RequestWillBeSent;
    const initiators: string[] = [];
    if (p.initiator.url) initiators.push(p.initiator.url);
    for (let s: StackTrace | undefined = p.initiator.stack; s; s = s.parent) initiators.push(...s.callFrames.map((f) => f.url));
    this.requests.push({ target: info.url, url: p.request.url, initiators, documentURL: p.documentURL ?? '' });
  }
}

/**
 * Runs fetch(url) in the content script's isolated world of `page` (found over CDP by its extension origin), from
 * a script named `<extension>/content.js`, as a frame of the real content script is named on an initiator stack.
 */
async function contentScriptFetch(page: Page, extensionOrigin: string, url: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    session.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => contexts.push(e.context));
    await session.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && extensionOrigin.startsWith(c.origin));
    if (!world) throw new Error(`no content script world among ${JSON.stringify(contexts)}`);
    await session.send('Runtime.evaluate', {
      contextId: world.id, awaitPromise: true, returnByValue: true,
      expression: `fetch(${JSON.stringify(url)}).catch(() => undefined)\n//# sourceURL=${extensionOrigin}content.js`,
    });
  } finally {
    await session.detach().catch(() => undefined);
  }
}

const isNetwork = (url: string): boolean => /^(?:https?|wss?):/i.test(url);

describe('No network requests from the extension (Chromium)', () => {
  const suite = chromiumReaderSuite();

  it('a full journey: popup, reader, theme, Markdown export, options page, close: no http(s)/ws(s) request from the extension', async () => {
    const chrome = suite.browser();
    const browser = chrome.context.browser();
    if (!browser) throw new Error('no Browser object for the persistent context');
    const cdp = await browser.newBrowserCDPSession();
    try {
      const recorder = await RequestRecorder.start(cdp);
      const extensionOrigin = `chrome-extension://${chrome.extensionId}/`;

      // Popup on the story, then the reader.
      const page = await suite.open(suite.origin().url(`/${ITWIRE_ARTICLE}.html`));
      const reader = await suite.openReader(page);
      const shadow = (selector: string) => page.locator(READER_HOST).locator(selector);

      // Theme in the Aa menu.
      await shadow('button[data-cp="appearance"]').click();
      await shadow('input[name="cp-theme"][value="dark"]').check();
      await expect.poll(() => page.locator(READER_HOST).getAttribute('data-theme')).toBe('dark');
      await page.keyboard.press('Escape'); // closes the menu, not the reader

      // Markdown export (a real download).
      await shadow('button[data-cp="export"]').click();
      const [download] = await Promise.all([page.waitForEvent('download'), shadow('button[data-cp="export-save"]').click()]);
      expect(download.suggestedFilename()).toMatch(/\.md$/);

      // Options page: toggle a setting and see it stored. The tab is opened blank and recorded before it loads.
      const attachedBefore = recorder.attached.length;
      const options = await chrome.context.newPage();
      await expect.poll(() => recorder.attached.length, { message: 'the recorder attached to the new tab' }).toBeGreaterThan(attachedBefore);
      await options.goto(chrome.extensionUrl('options.html'), { waitUntil: 'load' });
      const before = await options.isChecked('#strip-comments');
      await options.click('#strip-comments');
      await expect.poll(() => options.isChecked('#strip-comments')).toBe(!before);
      await expect.poll(async () => JSON.stringify(await chrome.readSyncStorage())).toContain('"stripComments"');
      // The extension pages' CSP (connect-src 'none') stops a fetch before it reaches the network, even to the
      // reachable test server: the worker and the options page cannot send anything even if code tried.
      const probe = (name: string): string => suite.origin().url(`/probe-from-${name}`);
      const workerFetch = await chrome.serviceWorker.evaluate((u) => fetch(u).then(() => 'sent', (e: unknown) => String(e)), probe('worker'));
      const optionsFetch = await options.evaluate((u) => fetch(u).then(() => 'sent', (e: unknown) => String(e)), probe('options'));
      expect([workerFetch, optionsFetch], 'fetch from the service worker and the options page').toEqual([
        expect.stringMatching(/TypeError/), expect.stringMatching(/TypeError/),
      ]);
      expect(suite.origin().requests.filter((path) => path.startsWith('/probe-from-')), 'probes that reached the server').toEqual([]);
      await options.close();

      // Close the reader.
      await page.bringToFront();
      await reader.closeWithButton();

      // The check can see a content-script request: a fetch run in the content script's isolated world, from a
      // script named like the content script's file (as a real frame of content.js is), must be counted.
      const csProbe = 'http://probe.invalid/from-content-script';
      await contentScriptFetch(page, extensionOrigin, csProbe);
      await expect.poll(() => recorder.requests.some((r) => r.url === csProbe), { message: 'the probe was recorded' }).toBe(true);

      const fromExtension = recorder.requests.filter(
        (r) => r.target.startsWith(extensionOrigin) || r.documentURL.startsWith(extensionOrigin) ||
          r.initiators.some((u) => u.startsWith(extensionOrigin)),
      );
      expect(fromExtension.map((r) => r.url), 'the content-script probe is counted as the extension\'s').toContain(csProbe);
      const leaks = fromExtension.filter((r) => isNetwork(r.url) && r.url !== csProbe);
      expect(leaks.map((r) => `${r.url} (from ${r.target}, initiators ${r.initiators.join(' ')})`), 'http(s)/ws(s) requests by the extension').toEqual([]);

      // The recording reached every context of the journey: the popup (attached when created, before popup.html
      // loads: the CDP round trip is far shorter than starting the popup's renderer), the options page, the
      // service worker, and the reader's fetches of extension files in the page.
      const seenFrom = (pattern: RegExp): boolean => recorder.requests.some((r) => pattern.test(r.url));
      expect(seenFrom(new RegExp(`^${extensionOrigin}popup\\.(?:html|js)`)), 'the popup loading its own files').toBe(true);
      expect(seenFrom(new RegExp(`^${extensionOrigin}options\\.(?:html|js)`)), 'the options page loading its own files').toBe(true);
      expect(recorder.attached.some((t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin)), 'the service worker attached').toBe(true);
      expect(
        recorder.requests.some((r) => r.target.startsWith('http://127.0.0.1') && r.url.startsWith(`${extensionOrigin}fonts/`)),
        'the reader in the page fetching its bundled fonts',
      ).toBe(true);
      // And the page's own third-party requests (its <base> points at itwire.com) were seen and are not counted.
      expect(recorder.requests.some((r) => r.target.startsWith('http://127.0.0.1') && /itwire\.com/.test(r.url)), 'the page\'s own requests').toBe(true);
      expect(chrome.network.leaked, 'requests that reached a host other than 127.0.0.1').toEqual([]);
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  });
});
