/**
 * `npm run demo`: the whole product path, headless, on this machine only.
 * Serves the iTWire fixture on 127.0.0.1, loads dist/ into headless Chromium (playwright-core with the
 * system's /usr/bin/chromium), aborts every request that does not go to 127.0.0.1, clicks the toolbar
 * button for real (CDP Extensions.triggerAction on the tab target, which opens the popup and grants
 * activeTab), clicks "Open reader view" in the popup, and writes:
 *   demo/reader.png    the reader view (viewport, 1280x900)
 *   demo/popup.png     the popup card
 *   demo/article.json  the extraction result the popup showed (without contentHtml)
 * Then it closes the reader with Esc and checks the page came back unchanged.
 *
 * Last, the README's screenshots: the reader in the light, dark and sepia themes (set in the extension's
 * settings storage, `storage.sync` key `appearance`, before each opening) on the iTWire story and on our long
 * sectioned article (scrolled to its table and code), written to .github/readme/reader-{itwire,long}-{theme}.png.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { DEMO_PAGE, startFixtureServer } from './serve.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXTENSION_DIR = resolve(ROOT, 'dist');
const OUT_DIR = resolve(ROOT, 'demo');
const README_DIR = resolve(ROOT, '.github/readme');
/** The README's screenshots: each page in each theme. `scrollTo` names a heading to scroll the reader to. */
const README_PAGES = [
  { name: 'itwire', file: DEMO_PAGE },
  { name: 'long', file: 'long-sectioned-article.html', scrollTo: 'The numbers, district by district' },
] as const;
const README_THEMES = ['light', 'dark', 'sepia'] as const;
const CHROMIUM = '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 900 };
/** Generous upper bounds for conditions we wait on (never fixed sleeps). */
const TIMEOUT_MS = 20_000;

/** Drives a target Playwright does not expose as a Page (the toolbar popup) over the browser CDP session. */
class AttachedTarget {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly browserSession: CDPSession, private readonly sessionId: string) {
    browserSession.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter || message.id === undefined) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  static async attach(browserSession: CDPSession, targetId: string): Promise<AttachedTarget> {
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
    return new AttachedTarget(browserSession, sessionId);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
    void this.browserSession.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return result;
  }

  /** Evaluates an expression (awaiting promises) and returns its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const response = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true },
    );
    if (response.exceptionDetails) {
      throw new Error(response.exceptionDetails.exception?.description ?? response.exceptionDetails.text);
    }
    return response.result.value as T;
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface TargetInfo { targetId: string; type: string; url: string }

/** The real toolbar click on `page` (CDP Extensions.triggerAction on its tab target); returns the popup it opened. */
async function clickToolbarButton(cdp: CDPSession, extensionId: string, page: Page): Promise<AttachedTarget> {
  const pageUrl = page.url();
  const { targetInfos: tabs } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] }) as { targetInfos: TargetInfo[] };
  const tab = tabs.find((t) => t.url === pageUrl);
  if (!tab) throw new Error(`The tab of ${pageUrl} has no tab target`);
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const { targetInfos: before } = await cdp.send('Target.getTargets') as { targetInfos: TargetInfo[] };
  const earlier = new Set(before.filter((t) => t.url.startsWith(popupUrl)).map((t) => t.targetId));
  await cdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: extensionId, targetId: tab.targetId } as never);
  const popupTarget = await waitFor('the popup', async () => {
    const { targetInfos } = await cdp.send('Target.getTargets') as { targetInfos: TargetInfo[] };
    return targetInfos.find((t) => t.url.startsWith(popupUrl) && !earlier.has(t.targetId));
  });
  return AttachedTarget.attach(cdp, popupTarget.targetId);
}

/** Waits for the popup card, then clicks the button that opens the reader; returns the popup's state. */
async function openReaderFromPopup(popup: AttachedTarget): Promise<string> {
  const state = await waitFor('the popup card', async () => {
    const s = await popup.evaluate<string | undefined>('document.body?.dataset.state');
    return s && s !== 'loading' ? s : undefined;
  });
  const button = state === 'article' ? '#open-reader' : '#try-anyway';
  await popup.evaluate(`document.querySelector('${button}').click()`);
  return state;
}

/** The reader's theme, written where the extension keeps it (merged into the stored appearance). */
async function setTheme(worker: Worker, theme: string): Promise<void> {
  // A string, not a function: tsx would wrap it in a `__name` call the service worker does not have.
  await worker.evaluate(`chrome.storage.sync.get('appearance').then(({ appearance }) =>
    chrome.storage.sync.set({ appearance: { ...(appearance ?? {}), theme: ${JSON.stringify(theme)} } }))`);
}

/** Waits until the open reader has its fonts and every image in the article decoded (or failed). */
async function readerSettled(page: Page): Promise<void> {
  await page.locator('#clearpage-reader-host [data-cp="content"]').waitFor({ timeout: TIMEOUT_MS });
  await page.evaluate(`(async () => {
    const root = document.getElementById('clearpage-reader-host')?.shadowRoot;
    await Promise.all(Array.from(root?.querySelectorAll('img') ?? [], (img) => img.decode().catch(() => undefined)));
    await document.fonts.ready;
  })()`);
}

/** The six README screenshots: every page of README_PAGES in every theme of README_THEMES. */
async function readmeScreenshots(context: BrowserContext, cdp: CDPSession, worker: Worker, extensionId: string,
  url: (file: string) => string): Promise<string[]> {
  mkdirSync(README_DIR, { recursive: true });
  const written: string[] = [];
  for (const theme of README_THEMES) {
    await setTheme(worker, theme);
    for (const shot of README_PAGES) {
      const page = await context.newPage();
      await page.goto(`${url(shot.file)}?demo=${Date.now()}`, { waitUntil: 'load' });
      await page.bringToFront();
      await openReaderFromPopup(await clickToolbarButton(cdp, extensionId, page));
      await readerSettled(page);
      const shown = await page.evaluate<string | null>(`document.getElementById('clearpage-reader-host')?.getAttribute('data-theme') ?? null`);
      if (shown !== theme) throw new Error(`The reader shows theme ${shown}, not ${theme}`);
      if ('scrollTo' in shot) {
        await page.evaluate(`(() => {
          const host = document.getElementById('clearpage-reader-host');
          const heading = Array.from(host.shadowRoot.querySelectorAll('h2'))
            .find((h) => h.textContent.trim() === ${JSON.stringify(shot.scrollTo)});
          if (!heading) throw new Error('no heading ' + ${JSON.stringify(shot.scrollTo)});
          host.scrollTop += heading.getBoundingClientRect().top - 24;
        })()`);
      }
      const file = join(README_DIR, `reader-${shot.name}-${theme}.png`);
      await page.screenshot({ path: file, caret: 'initial' });
      written.push(file);
      await page.close();
    }
  }
  return written;
}

async function launch(): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'clearpage-demo-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
      '--disable-background-networking', '--disable-component-update',
    ],
  });
  context.on('close', () => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // A Chromium helper may still be writing the profile; it is a temporary directory either way.
    }
  });
  // Only this machine: the fixture names real ad, font and analytics hosts.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || !/^https?:$/.test(url.protocol);
    return local ? route.continue() : route.abort('blockedbyclient');
  });
  return context;
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const server = await startFixtureServer();
  const context = await launch();
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const pageUrl = `${server.url(DEMO_PAGE)}?demo=${Date.now()}`;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pageUrl, { waitUntil: 'load' });
    console.log(`Serving ${pageUrl}`);

    // The real toolbar click: CDP Extensions.triggerAction on the tab target opens the popup.
    const browser = context.browser();
    const cdp = browser ? await browser.newBrowserCDPSession() : await context.newCDPSession(page);
    const popup = await clickToolbarButton(cdp, extensionId, page);
    const state = await waitFor('the popup card', async () => {
      const s = await popup.evaluate<string | undefined>('document.body?.dataset.state');
      return s && s !== 'loading' ? s : undefined;
    });
    const card = await popup.evaluate<Record<string, string | null>>(`(() => {
      const text = (s) => document.querySelector(s)?.hidden ? null : document.querySelector(s)?.textContent?.trim() || null;
      const time = document.querySelector('time[data-cp="published"]');
      return { state: document.body.dataset.state, status: text('[data-cp="status"]'), site: text('[data-cp="site"]'),
        title: text('[data-cp="title"]'), byline: text('[data-cp="byline"]'), published: text('time[data-cp="published"]'),
        publishedIso: time?.getAttribute('datetime') ?? null, publishedTitle: time?.getAttribute('title') ?? null,
        readingTime: text('[data-cp="reading-time"]'), removed: text('[data-cp="removed"]') };
    })()`);
    console.log(`Popup (${state}):`);
    for (const [key, value] of Object.entries(card)) if (value) console.log(`  ${key.padEnd(15)} ${value}`);

    const shot = await popup.send<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
    writeFileSync(join(OUT_DIR, 'popup.png'), Buffer.from(shot.data, 'base64'));

    // What the popup showed, from the content script's cache (the same extraction; no test hook needed).
    const analysis = await popup.evaluate<{ ok: boolean; article?: Record<string, unknown>; detection?: unknown; error?: string }>(`(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      return chrome.tabs.sendMessage(tab.id, { type: 'analyze' }, { frameId: 0 });
    })()`);
    if (!analysis.ok || !analysis.article) throw new Error(`analyze failed: ${analysis.error ?? 'no article'}`);
    writeFileSync(join(OUT_DIR, 'article.json'), `${JSON.stringify({ ...analysis.article, detection: analysis.detection }, null, 2)}\n`);

    const before = await page.evaluate(() => ({ html: new XMLSerializer().serializeToString(document), y: scrollY }));
    const button = state === 'article' ? '#open-reader' : '#try-anyway';
    await popup.evaluate(`document.querySelector('${button}').click()`);

    await page.locator('#clearpage-reader-host [data-cp="content"]').waitFor({ timeout: TIMEOUT_MS });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // caret 'initial': Playwright's default caret hiding leaves `style=""` on the page's inputs.
    await page.screenshot({ path: join(OUT_DIR, 'reader.png'), caret: 'initial' });

    // A string, not a function: tsx would wrap named helpers in a `__name` call the page does not have.
    const reader = await page.evaluate<{ theme: string | null; title: string | null; byline: string | null; published: string | null; words: number }>(`(() => {
      const root = document.getElementById('clearpage-reader-host')?.shadowRoot;
      const text = (s) => root?.querySelector(s)?.textContent?.trim() ?? null;
      return { theme: root?.host.getAttribute('data-theme') ?? null, title: text('[data-cp="title"]'), byline: text('[data-cp="byline"]'),
        published: text('[data-cp="published"]'), words: text('[data-cp="content"]')?.split(/\\s+/).length ?? 0 };
    })()`);
    console.log(`Reader: "${reader.title}" by ${reader.byline ?? '?'}, ${reader.published ?? 'no date'}, ${reader.words} words, theme ${reader.theme}`);

    await page.keyboard.press('Escape');
    await page.locator('#clearpage-reader-host').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    const after = await page.evaluate(() => ({ html: new XMLSerializer().serializeToString(document), y: scrollY }));
    const restored = after.html === before.html && after.y === before.y;
    console.log(restored ? 'Closed with Esc: page restored (same DOM, same scroll position).' : 'Closed with Esc: PAGE DIFFERS after closing!');

    for (const file of ['reader.png', 'popup.png', 'article.json']) console.log(`Wrote ${relative(process.cwd(), join(OUT_DIR, file))}`);
    if (!restored) process.exitCode = 1;

    const shots = await readmeScreenshots(context, cdp, worker, extensionId, (file) => server.url(file));
    for (const file of shots) console.log(`Wrote ${relative(process.cwd(), file)}`);
  } finally {
    await context.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error('demo failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
