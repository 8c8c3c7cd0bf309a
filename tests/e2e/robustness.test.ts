/**
 * Hostile and huge pages (issue 6): each one gives a correct reader view or a clear popup state, never an
 * uncaught error, a hung tab or a lost page. Every journey is the real one (toolbar click, popup, "Open reader
 * view"); the big pages are generated here and served by the test server, never committed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectItwireReader, firstDifference, ITWIRE_ARTICLE, itwire } from './harness/assertions.js';
import { pageSurface } from './harness/chromium.js';
import { FIXTURES } from './harness/paths.js';
import { PopupView } from './harness/popup.js';
import { READER_HOST, ReaderView } from './harness/reader.js';
import { chromiumReaderSuite } from './harness/reader-suite.js';
import type { TestServer } from './harness/server.js';

/** Declared for functions that run in the service worker (see harness/chromium.ts). */
declare const chrome: {
  tabs: { sendMessage(tabId: number, message: object, options: { frameId: number }): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

const TITLE = 'Harbour authority approves the new ferry terminal';
const PARAGRAPH =
  'The harbour authority voted on Tuesday to build a new ferry terminal on the east pier, ending a debate that ' +
  'has divided the town for more than a decade and settling where the boats to the islands will dock.';
const TOO_LARGE = /too large to simplify/i;

/** A plain news story; `head` and `body` add hostile parts around it. */
function story({ head = '', before = '', after = '', paragraphs = 8 } = {}): string {
  const text = Array.from({ length: paragraphs }, (_, i) => `<p>${i + 1}. ${PARAGRAPH}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE} - Harbour News</title>
<meta property="og:type" content="article"><meta name="author" content="Jo Smith">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">${head}</head>
<body>${before}<main><article><h1>${TITLE}</h1><p class="byline">By Jo Smith</p>
<div class="story">${text}</div></article></main>${after}</body></html>`;
}

/** The same story as XHTML (served as application/xhtml+xml: an XML parse, case and namespaces matter). */
function xhtmlStory(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
${story().replace('<!doctype html><html lang="en">', '<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" lang="en">').replace('<meta charset="utf-8">', '<meta charset="utf-8"/>').replace(/(<meta [^>]*?)>/g, (m, start: string) => (m.endsWith('/>') ? m : `${start}/>`))}`;
}

/** A 1x1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

function definePages(server: TestServer): void {
  // 200,000 elements: the story, then a hidden "sitemap" of 200,000 empty spans (hidden: the test measures the
  // extension, not the layout of 200,000 boxes).
  server.define('/robust-200k-nodes.html', story({ after: `<footer hidden>${'<span></span>'.repeat(200_000)}</footer>` }));
  // 5,000 nested divs around the story (the HTML parser caps the depth it builds; the page still says 5,000).
  server.define('/robust-deep.html', story({ before: '<div>'.repeat(5000), after: '</div>'.repeat(5000) }));
  // 20 MB: the story, then 200 hidden blocks of 100 kB text each.
  const block = `<pre hidden>${'x'.repeat(99_000)}\n</pre>`;
  server.define('/robust-20mb.html', story({ after: block.repeat(200) }));
  // No body: the page removes its own <body> before the popup asks.
  server.define('/robust-no-body.html', story({ head: '<script>addEventListener("DOMContentLoaded", () => document.body.remove());</script>' }));
  server.define('/robust-frameset.html', `<!doctype html><html><head><title>Frames</title></head>
<frameset cols="50%,50%"><frame src="/robust-plain.txt"><frame src="/${ITWIRE_ARTICLE}.html"></frameset></html>`);
  server.define('/robust-xhtml.xhtml', xhtmlStory(), { contentType: 'application/xhtml+xml; charset=utf-8' });
  server.define('/robust-plain.txt', `${TITLE}\n\n${Array.from({ length: 8 }, () => PARAGRAPH).join('\n\n')}\n`, {
    contentType: 'text/plain; charset=utf-8',
  });
  server.define('/robust-image.png', PNG, { contentType: 'image/png' });
  server.define('/robust-iframe.html', `<!doctype html><html><head><title>Framed story</title></head>
<body><iframe title="story" src="/${ITWIRE_ARTICLE}.html" width="800" height="600"></iframe></body></html>`);
  server.define('/robust-shadow.html', `<!doctype html><html><head><title>${TITLE}</title></head>
<body><story-card></story-card><script>
document.querySelector('story-card').attachShadow({ mode: 'open' }).append(
  Object.assign(document.createElement('article'), { textContent: ${JSON.stringify(`${TITLE}. ${PARAGRAPH.repeat(8)}`)} }));
</script></body></html>`);
  // The iTWire story under a CSP that forbids every style and script of its own.
  server.define('/robust-csp.html', readFileSync(path.join(FIXTURES, `${ITWIRE_ARTICLE}.html`), 'utf8'), {
    headers: { 'content-security-policy': "default-src 'none'; style-src 'none'" },
  });
  server.define(
    '/robust-prototypes.html',
    story({
      head: `<script>
const boom = (name) => function () { throw new Error('page world: ' + name + ' is poisoned'); };
for (const name of ['appendChild', 'removeChild', 'insertBefore', 'replaceChild', 'cloneNode', 'contains']) Node.prototype[name] = boom(name);
for (const name of ['querySelectorAll', 'querySelector', 'getElementsByTagName']) { Element.prototype[name] = boom(name); Document.prototype[name] = boom(name); }
for (const name of ['append', 'prepend', 'remove', 'attachShadow', 'getAttribute']) Element.prototype[name] = boom(name);
Array.prototype.map = boom('Array.prototype.map');
Array.from = boom('Array.from');
JSON.stringify = boom('JSON.stringify');
window.poisoned = true;
</script>`,
    }),
  );
  server.define(
    '/robust-remover.html',
    story({
      head: `<script>
// Removes every child of <html> it does not know, as long as window.hostile is not false.
window.removed = 0;
new MutationObserver(() => {
  if (window.hostile === false) return;
  for (const child of Array.from(document.documentElement.children)) {
    if (child !== document.head && child !== document.body) { child.remove(); window.removed++; }
  }
}).observe(document.documentElement, { childList: true });
</script>`,
    }),
  );
  server.define(
    '/robust-mutating.html',
    story({
      after: `<div id="ticker"></div><script>
window.ticks = 0;
setInterval(() => {
  const ticker = document.getElementById('ticker');
  ticker.append(Object.assign(document.createElement('span'), { textContent: 'tick ' + window.ticks++ }));
  if (ticker.children.length > 5) ticker.firstElementChild.remove();
}, 10);
</script>`,
    }),
  );
}

describe('Robustness: hostile and huge pages', () => {
  const suite = chromiumReaderSuite(definePages);

  /** Uncaught errors and console errors of the page, the popup and the service worker, since the test began. */
  let errors: string[] = [];
  beforeEach(() => {
    errors = [];
    const { context, serviceWorker } = suite.browser();
    const onWebError = (e: { error(): Error }): void => void errors.push(`uncaught: ${e.error().message}`);
    // Console errors count when the extension logs them (popup, content script): the pages' own complaints (their
    // third-party requests blocked by the harness, inline code refused by their CSP) are not ours.
    const onConsole = (m: ConsoleMessage): void => {
      const where = m.location().url;
      if (m.type() === 'error' && where.startsWith('chrome-extension://')) errors.push(`console.error (${where}): ${m.text()}`);
    };
    const onWorkerConsole = (m: ConsoleMessage): void => {
      if (m.type() === 'error') errors.push(`service worker console.error: ${m.text()}`);
    };
    context.on('weberror', onWebError);
    context.on('console', onConsole);
    serviceWorker.on('console', onWorkerConsole);
    return () => {
      context.off('weberror', onWebError);
      context.off('console', onConsole);
      serviceWorker.off('console', onWorkerConsole);
    };
  });

  async function open(path: string): Promise<Page> {
    const page = await suite.open(suite.origin().url(path));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    return page;
  }

  /** Toolbar click; the popup's settled state and what it says. */
  async function popupOf(page: Page): Promise<{ popup: PopupView; state: string; status: string | null }> {
    const popup = new PopupView(await suite.browser().clickAction(page));
    const state = await popup.settled();
    return { popup, state, status: (await popup.card()).status };
  }

  /** No uncaught or console error anywhere, and the tab answers within 2 s. */
  async function expectHealthy(page: Page): Promise<void> {
    const answer = await Promise.race([
      page.evaluate(() => 1),
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 2000)),
    ]);
    expect(answer, 'the tab answers page.evaluate within 2 s').toBe(1);
    expect(errors, 'uncaught errors, and console errors of the extension').toEqual([]);
  }

  /** Opens the reader from the popup and checks it shows the generated story. */
  async function expectStoryReader(page: Page, popup: PopupView): Promise<ReaderView> {
    await popup.openReader();
    const reader = new ReaderView(pageSurface(page));
    await reader.waitOpen();
    const snap = await reader.snapshot();
    expect(snap.title, 'reader title').toBe(TITLE);
    expect(snap.contentText ?? '', 'reader content').toContain(PARAGRAPH.slice(0, 60));
    return reader;
  }

  it.each([
    ['a 200,000-element page', '/robust-200k-nodes.html'],
    ['a 20 MB page', '/robust-20mb.html'],
  ])('%s: the reader, or "too large to simplify", and the tab stays responsive', async (_kind, path) => {
    const page = await open(path);
    const { popup, state, status } = await popupOf(page);
    console.info(`${page.url()}: popup state ${state}`);
    if (state === 'article') {
      await expectStoryReader(page, popup);
    } else {
      expect(state, 'popup state').toBe('unsupported');
      expect(status ?? '').toMatch(TOO_LARGE);
    }
    await expectHealthy(page);
  });

  it('a page with more elements than the budget: the popup says it is too large, and opens nothing', async () => {
    // 320,000 elements: over the 300,000 the budget allows on a page (core/budget.ts).
    suite.origin().define('/robust-320k-nodes.html', story({ after: `<footer hidden>${'<i></i>'.repeat(320_000)}</footer>` }));
    const page = await open('/robust-320k-nodes.html');
    const { state, status, popup } = await popupOf(page);
    expect(state, 'popup state').toBe('unsupported');
    expect(status ?? '', 'popup message').toMatch(TOO_LARGE);
    expect((await popup.card()).openReaderVisible, 'no "Open reader view" button').toBe(false);
    expect(await new ReaderView(pageSurface(page)).isOpen()).toBe(false);
    await expectHealthy(page);
  });

  it('5,000 nested elements around the story: the reader shows it', async () => {
    const page = await open('/robust-deep.html');
    const { popup, state } = await popupOf(page);
    expect(state, 'popup state').toBe('article');
    await expectStoryReader(page, popup);
    await expectHealthy(page);
  });


  it.each([
    ['a page whose script removed its <body>', '/robust-no-body.html'],
    ['a frameset', '/robust-frameset.html'],
    ['an image document', '/robust-image.png'],
    ['an SVG document', '/images/pump-station.svg'],
    ['a story inside a same-origin iframe', '/robust-iframe.html'],
    ['a story inside an open shadow root', '/robust-shadow.html'],
  ])('%s: a clear popup state, no error', async (_what, path) => {
    const page = await open(path);
    const { state, status } = await popupOf(page);
    expect(['not-article', 'unsupported'], `popup state on ${path}`).toContain(state);
    expect(status ?? '', 'the popup says why').not.toBe('');
    await expectHealthy(page);
  });

  it('a plain-text document: the reader shows its text', async () => {
    const page = await open('/robust-plain.txt');
    expect(await page.evaluate(() => document.contentType)).toBe('text/plain');
    const { popup, state } = await popupOf(page);
    expect(state, 'popup state').toBe('article');
    await popup.openReader();
    const reader = new ReaderView(pageSurface(page));
    // A text document has no <title> and no headline: the reader's title may be empty, so wait for its content.
    await page.waitForFunction(
      ([host, text]) => document.querySelector(host)?.shadowRoot?.querySelector('[data-cp="content"]')?.textContent?.includes(text),
      [READER_HOST, PARAGRAPH.slice(0, 60)] as const,
    );
    const snap = await reader.snapshot();
    expect(snap.contentText ?? '', 'reader content').toContain(TITLE);
    await reader.closeWithEscape();
    await expectHealthy(page);
  });

  it('an XHTML page served as application/xhtml+xml: the reader shows the story', async () => {
    const page = await open('/robust-xhtml.xhtml');
    expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
    const { popup, state } = await popupOf(page);
    expect(state, 'popup state').toBe('article');
    await expectStoryReader(page, popup);
    await expectHealthy(page);
  });

  it("under `default-src 'none'; style-src 'none'` the reader is still styled (constructable stylesheets)", async () => {
    const plain = await open(`/${ITWIRE_ARTICLE}.html`);
    const styled = await suite.openReader(plain);
    const titleStyle = (hostSelector: string): { font: string; size: string; weight: string; lineHeight: string } => {
      const title = document.querySelector(hostSelector)?.shadowRoot?.querySelector('[data-cp="title"]');
      if (!title) throw new Error('no reader title');
      const s = getComputedStyle(title);
      return { font: s.fontFamily, size: s.fontSize, weight: s.fontWeight, lineHeight: s.lineHeight };
    };
    const expected = await styled.surface.evaluate(titleStyle, READER_HOST);

    const url = suite.origin().url('/robust-csp.html');
    const page = await suite.open(url);
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    const reader = await suite.openReader(page);
    expectItwireReader(await reader.snapshot(), url);
    const actual = await reader.surface.evaluate(titleStyle, READER_HOST);
    expect(actual, 'reader title style under the CSP').toEqual(expected);
    // And that style is not what an unstyled <h1> gets in this page.
    const unstyled = await page.evaluate(() => {
      const h1 = document.documentElement.appendChild(document.createElement('h1'));
      const s = getComputedStyle(h1);
      const out = { font: s.fontFamily, size: s.fontSize };
      h1.remove();
      return out;
    });
    expect({ font: actual.font, size: actual.size }).not.toEqual(unstyled);
    await expectHealthy(page);
  });

  it('a page that poisons Node.prototype, Element.prototype and Array.prototype.map: the content script is unaffected', async () => {
    const page = await open('/robust-prototypes.html');
    expect(await page.evaluate(() => (window as unknown as { poisoned?: boolean }).poisoned), 'the page script ran').toBe(true);
    // The harness's page objects run in the page's world, which this page poisoned: the test reads the reader from
    // an isolated world of its own, as the content script does.
    const cdp = await page.context().newCDPSession(page);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'robustness-test' });
    const readReader = async (): Promise<{ title: string | null; content: string | null }> => {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId: executionContextId,
        returnByValue: true,
        expression: `(() => {
          const root = document.querySelector(${JSON.stringify(READER_HOST)})?.shadowRoot;
          const text = (sel) => root?.querySelector(sel)?.textContent.replace(/\\s+/g, ' ').trim() ?? null;
          return { title: text('[data-cp="title"]'), content: text('[data-cp="content"]') };
        })()`,
      });
      return result.value as { title: string | null; content: string | null };
    };

    const { popup, state } = await popupOf(page);
    expect(state, 'popup state').toBe('article');
    await popup.openReader();
    await expect.poll(async () => (await readReader()).title, { timeout: 10_000, message: 'reader title' }).toBe(TITLE);
    expect((await readReader()).content ?? '', 'reader content').toContain(PARAGRAPH.slice(0, 60));
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readReader()).title, { message: 'the reader closes on Esc' }).toBeNull();
    await cdp.detach();
    await expectHealthy(page);
  });

  it('a page that removes the overlay: the reader counts as closed (badge cleared), and opening again works', async () => {
    const page = await open('/robust-remover.html');
    const { popup, state } = await popupOf(page);
    expect(state).toBe('article');
    await popup.openReader();
    await page.waitForFunction(() => (window as unknown as { removed: number }).removed > 0);
    const reader = new ReaderView(pageSurface(page));
    expect(await reader.isOpen(), 'the page removed the overlay').toBe(false);

    const tabId = await suite.browser().tabIdOf(page.url());
    const badge = (): Promise<string> => suite.browser().serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge, { timeout: 5000, message: 'toolbar badge once the overlay is gone' }).toBe('');
    const readerState = await suite.browser().serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'reader-state' }, { frameId: 0 }),
      tabId,
    );
    expect(readerState, 'the content script knows the reader is closed').toEqual({ ok: true, open: false });

    // The page calms down; the user opens the reader again from the toolbar.
    await page.evaluate(() => {
      (window as unknown as { hostile: boolean }).hostile = false;
    });
    const again = await popupOf(page);
    expect(again.state).toBe('article');
    await expectStoryReader(page, again.popup);
    await expect.poll(badge, { timeout: 5000, message: 'toolbar badge with the reader open' }).not.toBe('');
    await expectHealthy(page);
  });

  it('a page that mutates its DOM every 10 ms: extraction and the reader work, closing gives the page back', async () => {
    const page = await open('/robust-mutating.html');
    const article = (): Promise<string> => page.evaluate(() => document.querySelector('article')?.outerHTML ?? '');
    const before = await article();
    const { popup, state } = await popupOf(page);
    expect(state).toBe('article');
    const reader = await expectStoryReader(page, popup);
    const ticks = (): Promise<number> => page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    const during = await ticks();
    await reader.closeWithEscape();
    expect(await article(), 'the story is as it was').toBe(before);
    await expect.poll(ticks, { message: 'the page keeps ticking' }).toBeGreaterThan(during);
    expect(await page.evaluate(() => document.documentElement.children.length), '<html> holds head and body only').toBe(2);
    await expectHealthy(page);
  });

  it('50 open/close cycles on iTWire leave the page byte-identical, and no listeners or nodes behind', async () => {
    const url = suite.origin().url(`/${ITWIRE_ARTICLE}.html`);
    const page = await suite.open(url);
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    const html = (): Promise<string> => page.evaluate(() => document.documentElement.outerHTML);
    const before = await html();

    // The first open goes through the popup (it injects the content script); the rest through the shortcut's message.
    const reader = await suite.openReader(page);
    expect((await reader.snapshot()).title).toBe(itwire.title);
    const tabId = await suite.browser().tabIdOf(url);
    const toggle = (): Promise<unknown> =>
      suite.browser().serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'toggle-reader' }, { frameId: 0 }), tabId);
    await toggle();
    await reader.waitClosed();

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async (): Promise<{ listeners: number; nodes: number }> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const get = (name: string): number => list.find((m) => m.name === name)?.value ?? Number.NaN;
      return { listeners: get('JSEventListeners'), nodes: get('Nodes') };
    };
    // An image whose fetch is still in flight keeps itself, and through its parents the closed reader, alive until
    // the fetch ends: read the counts once they stop falling (a leak never falls), for at most about 3 s.
    const settledMetrics = async (): Promise<{ listeners: number; nodes: number }> => {
      let last = await metrics();
      for (let i = 0; i < 30; i++) {
        await page.waitForTimeout(100);
        const next = await metrics();
        if (next.nodes >= last.nodes && next.listeners >= last.listeners) return next;
        last = next;
      }
      return last;
    };
    // Measured after one full cycle: the first one loads what every later one reuses (fonts, stylesheets, caches).
    const start = await settledMetrics();

    for (let i = 0; i < 49; i++) {
      expect(await toggle(), `open ${i + 2}`).toEqual({ ok: true, open: true });
      await reader.waitOpen();
      expect(await toggle(), `close ${i + 2}`).toEqual({ ok: true, open: false });
      await reader.waitClosed();
    }
    const end = await settledMetrics();
    await cdp.detach();

    console.info('50 cycles, after a forced GC:', { start, end });
    expect(firstDifference(before, await html()), 'document.documentElement.outerHTML after 50 cycles').toBeNull();
    // A leak of even one listener or node per cycle would add 49. The tolerance covers what Chromium itself may
    // still hold right after a forced GC (a few nodes of the last focus/selection and accessibility bookkeeping).
    expect(end.listeners - start.listeners, `JSEventListeners ${start.listeners} -> ${end.listeners}`).toBeLessThanOrEqual(3);
    expect(end.nodes - start.nodes, `Nodes ${start.nodes} -> ${end.nodes}`).toBeLessThanOrEqual(20);
    await expectHealthy(page);
  }, 120_000);
});
