/**
 * The reader's appearance in headless Chromium with the built extension: the "Aa" menu (keyboard and mouse, Esc
 * closing the menu before the reader), a theme that applies at once and is still there when the reader reopens, the
 * bundled faces really rendering, print media showing the article alone, a page with hostile CSS that can neither
 * change the reader nor be changed by it, wide tables and right-to-left articles, and axe-core in every theme.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ITWIRE_ARTICLE } from './harness/assertions.js';
import { AXE_SOURCE, type AxeViolation } from './harness/axe.js';
import type { ChromiumSession } from './harness/chromium.js';
import { artifactPath, E2E_PAGES } from './harness/paths.js';
import { READER_HOST, type ReaderView } from './harness/reader.js';
import { chromiumReaderSuite } from './harness/reader-suite.js';
import type { TestServer } from './harness/server.js';

/** The extension API in the service worker; module-local, as in the harness (these functions run there). */
declare const chrome: { storage: { sync: { clear(): Promise<void>; set(items: object): Promise<void> } } };

const THEMES = ['light', 'sepia', 'dark', 'system', 'contrast'] as const;
/** The hostile page without its hostile <style>: the same article on a plain page. */
const HOSTILE_HTML = readFileSync(path.join(E2E_PAGES, 'hostile-css.html'), 'utf8');
const PLAIN_HTML = HOSTILE_HTML.replace(/<style id="hostile">[\s\S]*?<\/style>/, '');

/** A right-to-left article (Hebrew), served inline. */
const RTL_HTML = `<!doctype html><html lang="he" dir="rtl"><head><meta charset="utf-8">
<title>מועצת העיר אישרה את בניית הגשר החדש</title><meta property="og:type" content="article">
<meta property="article:published_time" content="2023-02-01T09:00:00+00:00"><meta name="author" content="דנה לוי"></head>
<body><main><article><h1>מועצת העיר אישרה את בניית הגשר החדש</h1>
${Array.from({ length: 14 }, (_, i) => `<p>חברי המועצה הצביעו בעד התוכנית לאחר דיון ארוך, והעבודות צפויות להתחיל בסתיו הקרוב, כך נמסר בישיבה מספר ${i + 1}.</p>`).join('\n')}
<blockquote><p>זה יום גדול לעיר ולכל תושביה.</p></blockquote>
<p>ראש העיר אמרה כי הגשר ייפתח לתנועה בתוך שנתיים, אם מזג האוויר יאפשר זאת.</p></article></main></body></html>`;

interface ReaderLook {
  hostRect: { x: number; y: number; width: number; height: number };
  hostDisplay: string;
  hostBackground: string;
  title: { fontSize: string; color: string; fontFamily: string; transform: string; lineHeight: string };
  paragraph: { fontSize: string; color: string; fontFamily: string; display: string; lineHeight: string; letterSpacing: string };
  close: { visible: boolean; width: number; height: number; display: string };
  appearanceButton: { visible: boolean; width: number; height: number };
}

/** Computed styles of the reader's key parts (runs in the page). */
function readerLook(hostSelector: string): ReaderLook {
  const host = document.querySelector(hostSelector) as HTMLElement;
  const root = host.shadowRoot as ShadowRoot;
  const pick = (el: Element | null, props: string[]): Record<string, string> => {
    if (!el) throw new Error('missing element');
    const cs = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  };
  const box = (el: Element | null): { visible: boolean; width: number; height: number } => {
    if (!(el instanceof HTMLElement)) throw new Error('missing element');
    const r = el.getBoundingClientRect();
    return { visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }), width: r.width, height: r.height };
  };
  const r = host.getBoundingClientRect();
  const title = pick(root.querySelector('[data-cp="title"]'), ['font-size', 'color', 'font-family', 'transform', 'line-height']);
  const p = pick(root.querySelector('[data-cp="content"] p'), ['font-size', 'color', 'font-family', 'display', 'line-height', 'letter-spacing']);
  return {
    hostRect: { x: r.x, y: r.y, width: r.width, height: r.height },
    hostDisplay: getComputedStyle(host).display,
    hostBackground: getComputedStyle(host).backgroundColor,
    title: { fontSize: title['font-size'] ?? '', color: title.color ?? '', fontFamily: title['font-family'] ?? '', transform: title.transform ?? '', lineHeight: title['line-height'] ?? '' },
    paragraph: {
      fontSize: p['font-size'] ?? '', color: p.color ?? '', fontFamily: p['font-family'] ?? '', display: p.display ?? '',
      lineHeight: p['line-height'] ?? '', letterSpacing: p['letter-spacing'] ?? '',
    },
    close: { ...box(root.querySelector('button[data-cp="close"]')), display: getComputedStyle(root.querySelector('button[data-cp="close"]') as Element).display },
    appearanceButton: box(root.querySelector('button[data-cp="appearance"]')),
  };
}

/** Computed styles of the page's own elements (runs in the page). */
function pageLook(): Record<string, Record<string, string>> {
  const props = ['color', 'background-color', 'font-size', 'font-family', 'display', 'transform', 'visibility', 'margin-top', 'line-height'];
  const targets: Record<string, Element | null> = {
    html: document.documentElement, body: document.body, h1: document.querySelector('h1'), p: document.querySelector('article p'),
    article: document.querySelector('article'), header: document.querySelector('header'), blockquote: document.querySelector('blockquote'),
  };
  const out: Record<string, Record<string, string>> = {};
  for (const [name, el] of Object.entries(targets)) {
    if (!el) continue;
    const cs = getComputedStyle(el);
    out[name] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  }
  return out;
}

describe('Reader appearance in Chromium', () => {
  const suite = chromiumReaderSuite((server) => {
    server.define('/plain-css.html', PLAIN_HTML);
    server.define('/rtl-article.html', RTL_HTML);
  });
  const browser = (): ChromiumSession => suite.browser();
  const origin = (): TestServer => suite.origin();
  const open = (url: string): Promise<Page> => suite.open(url);
  const openReader = (page: Page): Promise<ReaderView> => suite.openReader(page);
  async function storedAppearance(): Promise<Record<string, unknown> | undefined> {
    return (await browser().readSyncStorage()).appearance as Record<string, unknown> | undefined;
  }
  /** The stored appearance patched in storage.sync, as the options page would write it. */
  async function storeAppearance(appearance: Record<string, unknown>): Promise<void> {
    await browser().serviceWorker.evaluate((a) => chrome.storage.sync.set({ appearance: a }), appearance);
  }
  const shadow = (page: Page, selector: string) => page.locator(READER_HOST).locator(selector);
  /** A description of what has focus inside the reader: `data-cp`, or `name=value` for radios. */
  const focused = (page: Page): Promise<string | null> => page.evaluate((hostSelector) => {
    const active = document.querySelector(hostSelector)?.shadowRoot?.activeElement;
    if (!active) return null;
    if (active instanceof HTMLInputElement) return `${active.name}=${active.value}`;
    return active.getAttribute('data-cp') ?? active.localName;
  }, READER_HOST);
  const hostTheme = (page: Page): Promise<string | null> =>
    page.evaluate((hostSelector) => document.querySelector(hostSelector)?.getAttribute('data-theme') ?? null, READER_HOST);
  const hostBackground = (page: Page): Promise<string> =>
    page.evaluate((hostSelector) => getComputedStyle(document.querySelector(hostSelector) as Element).backgroundColor, READER_HOST);

  beforeEach(async () => {
    await browser().serviceWorker.evaluate(() => chrome.storage.sync.clear());
  });

  it('the Aa menu by keyboard and mouse: a theme applies at once, persists, and Esc closes the menu before the reader', async () => {
    const page = await open(origin().url(`/${ITWIRE_ARTICLE}.html`));
    const reader = await openReader(page);
    expect(await hostTheme(page), 'default theme').toBe('system');
    const systemBackground = await hostBackground(page);

    // Keyboard: Tab reaches the button first, Enter opens the menu and puts focus on the checked theme.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('appearance');
    await page.keyboard.press('Enter');
    expect(await shadow(page, 'button[data-cp="appearance"]').getAttribute('aria-expanded')).toBe('true');
    expect(await shadow(page, '[data-cp="appearance-menu"]').isVisible(), 'the menu is shown').toBe(true);
    expect(await focused(page)).toBe('cp-theme=system');
    // Arrow keys move through the theme radio group and apply each theme at once.
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('cp-theme=light');
    await page.waitForFunction((h) => document.querySelector(h)?.getAttribute('data-theme') === 'light', READER_HOST);

    // Mouse: the dark theme.
    await shadow(page, 'input[name="cp-theme"][value="dark"]').check();
    await page.waitForFunction((h) => document.querySelector(h)?.getAttribute('data-theme') === 'dark', READER_HOST);
    const darkBackground = await hostBackground(page);
    expect(darkBackground, 'the dark palette is in force').toBe('rgb(28, 27, 34)');
    expect(darkBackground).not.toBe(systemBackground);
    await expect.poll(async () => (await storedAppearance())?.theme, { message: 'stored theme', timeout: 10_000 }).toBe('dark');
    await page.screenshot({ path: artifactPath('reader-appearance-menu.png') });

    // Text size: + twice from the default 19 px, both applied to the body text and stored.
    const size = (): Promise<string> => page.evaluate((h) =>
      getComputedStyle(document.querySelector(h)?.shadowRoot?.querySelector('[data-cp="content"] p') as Element).fontSize, READER_HOST);
    expect(await size()).toBe('19px');
    await shadow(page, '[data-cp="cp-font-size"] button[data-step="up"]').click();
    await shadow(page, '[data-cp="cp-font-size"] button[data-step="up"]').click();
    await expect.poll(size, { message: 'body text size after two clicks on +' }).toBe('22px');
    await expect.poll(async () => (await storedAppearance())?.fontSize, { message: 'stored text size' }).toBe(22);
    expect(await shadow(page, '[data-cp="cp-font-size"] output').textContent()).toMatch(/22/);

    // Esc closes the menu, gives focus back to the button, and leaves the reader open; a second Esc closes the reader.
    await shadow(page, 'input[name="cp-theme"][value="dark"]').focus();
    await page.keyboard.press('Escape');
    expect(await shadow(page, '[data-cp="appearance-menu"]').isVisible(), 'the menu is hidden after Esc').toBe(false);
    expect(await shadow(page, 'button[data-cp="appearance"]').getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('appearance');
    expect(await reader.isOpen(), 'the first Esc leaves the reader open').toBe(true);
    await reader.closeWithEscape();

    // Reopened: still dark, still 22 px.
    await openReader(page);
    expect(await hostTheme(page)).toBe('dark');
    expect(await hostBackground(page)).toBe('rgb(28, 27, 34)');
    expect(await size()).toBe('22px');
    await page.screenshot({ path: artifactPath('reader-appearance-dark.png') });
  });

  it('the serif and legible fonts are the bundled faces, loaded from the extension, not the network', async () => {
    const page = await open(origin().url(`/${ITWIRE_ARTICLE}.html`));
    await openReader(page);
    const loaded = (family: string): Promise<boolean> => page.evaluate((f) =>
      [...document.fonts].some((face) => face.family.replace(/"/g, '') === f && face.status === 'loaded'), family);
    // serif is the default: Literata is there without any choice being made.
    await expect.poll(() => loaded('Clearpage Literata'), { message: 'Clearpage Literata in document.fonts' }).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('16px "Clearpage Literata"'))).toBe(true);
    expect(await loaded('Clearpage Atkinson Hyperlegible'), 'the legible face is loaded only when chosen').toBe(false);

    // The face actually renders the article: Chromium's own account of the fonts used for the title's text.
    const cdp = await page.context().newCDPSession(page);
    const renderedFonts = async (): Promise<string[]> => {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `document.querySelector(${JSON.stringify(READER_HOST)}).shadowRoot.querySelector('[data-cp="content"] p')`,
      });
      await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.requestNode', { objectId: result.objectId ?? '' });
      await cdp.send('CSS.enable');
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((f) => f.familyName);
    };
    await expect.poll(renderedFonts, { message: 'fonts Chromium used for the first paragraph' }).toContain('Literata');

    await shadow(page, 'button[data-cp="appearance"]').click();
    await shadow(page, 'input[name="cp-font"][value="legible"]').check();
    await expect.poll(() => loaded('Clearpage Atkinson Hyperlegible'), { message: 'the legible face after choosing it' }).toBe(true);
    await expect.poll(renderedFonts, { message: 'fonts used after choosing "legible"' }).toContain('Atkinson Hyperlegible');
    await expect.poll(async () => (await storedAppearance())?.font).toBe('legible');
    await cdp.detach();

    const fontRequests = browser().network.allowed.filter((u) => u.endsWith('.woff2'));
    expect(fontRequests.length, 'font files were requested').toBeGreaterThan(0);
    expect(fontRequests.every((u) => u.startsWith(`chrome-extension://${browser().extensionId}/fonts/`)), fontRequests.join('\n')).toBe(true);
    expect(browser().network.leaked, 'requests that reached a host other than 127.0.0.1').toEqual([]);
  });

  it('the options page preview shows the bundled faces too (by URL: its CSP allows fonts from the extension, not fetch)', async () => {
    const page = await open(browser().extensionUrl('options.html'));
    const loaded = (family: string): Promise<boolean> => page.evaluate((f) =>
      [...document.fonts].some((face) => face.family.replace(/"/g, '') === f && face.status === 'loaded'), family);
    await expect.poll(() => loaded('Clearpage Literata'), { message: 'Literata for the default serif preview' }).toBe(true);
    await page.selectOption('#font', 'legible');
    await expect.poll(() => loaded('Clearpage Atkinson Hyperlegible'), { message: 'Atkinson Hyperlegible after choosing it' }).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#preview') as Element).fontFamily)).toMatch(/^"Clearpage Atkinson Hyperlegible"/);
    await expect.poll(async () => (await storedAppearance())?.font).toBe('legible');
  });

  it('print shows the article alone (title, byline, date, source address), black on white; closing gives the page back', async () => {
    const url = origin().url(`/${ITWIRE_ARTICLE}.html`);
    const page = await open(url);
    const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
    await storeAppearance({ theme: 'dark' });
    const reader = await openReader(page);
    expect(await hostTheme(page)).toBe('dark');

    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate((hostSelector) => {
      const host = document.querySelector(hostSelector) as HTMLElement;
      const root = host.shadowRoot as ShadowRoot;
      const shown = (sel: string): boolean => {
        const el = root.querySelector(sel);
        return el instanceof HTMLElement && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      };
      const footerLink = root.querySelector('.cp-footer a') as Element;
      return {
        bodyDisplay: getComputedStyle(document.body).display,
        hostPosition: getComputedStyle(host).position,
        hostOverflow: getComputedStyle(host).overflowY,
        hostBackground: getComputedStyle(host).backgroundColor,
        textColor: getComputedStyle(root.querySelector('[data-cp="content"] p') as Element).color,
        title: shown('[data-cp="title"]'), byline: shown('[data-cp="byline"]'), date: shown('[data-cp="published"]'),
        content: shown('[data-cp="content"]'),
        toolbar: shown('.cp-bar'), close: shown('button[data-cp="close"]'), appearance: shown('button[data-cp="appearance"]'),
        sourceAfter: getComputedStyle(footerLink, '::after').content,
      };
    }, READER_HOST);
    expect(printed.bodyDisplay, 'the page behind the reader does not print').toBe('none');
    expect(printed.hostPosition, 'the reader flows over the pages instead of covering one viewport').toBe('static');
    expect(printed.hostOverflow).toBe('visible');
    expect(printed.hostBackground, 'white paper, even in the dark theme').toBe('rgb(255, 255, 255)');
    expect(printed.textColor, 'black text').toBe('rgb(0, 0, 0)');
    expect({ title: printed.title, byline: printed.byline, date: printed.date, content: printed.content }).toEqual({ title: true, byline: true, date: true, content: true });
    expect({ toolbar: printed.toolbar, close: printed.close, appearance: printed.appearance }).toEqual({ toolbar: false, close: false, appearance: false });
    expect(printed.sourceAfter, 'the source address follows the footer link').toContain(url);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length, 'Chromium prints a PDF of it').toBeGreaterThan(1000);

    await page.emulateMedia({ media: 'screen' });
    expect(await page.evaluate(() => document.adoptedStyleSheets.length), 'the print rule is adopted while open').toBe(sheetsBefore + 1);
    await reader.closeWithButton();
    expect(await page.evaluate(() => document.adoptedStyleSheets.length), 'and removed on close').toBe(sheetsBefore);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.body).display), 'after closing, the page prints itself again').not.toBe('none');
    await page.emulateMedia({ media: null });
  });

  it('a page with hostile CSS changes nothing in the reader, and the reader changes nothing on the page', async () => {
    expect(PLAIN_HTML, 'the plain twin has the article without the hostile CSS').not.toContain('#ff00ff');
    expect(PLAIN_HTML).toContain('<h1>Harbour trust buys');
    const plain = await open(origin().url('/plain-css.html'));
    const plainReader = await openReader(plain);
    const expected = await plain.evaluate(readerLook, READER_HOST);
    await plainReader.closeWithButton();

    const hostile = await open(origin().url('/hostile-css.html'));
    const before = await hostile.evaluate(pageLook);
    expect(before.p?.color, 'the hostile CSS is in force on the page').toBe('rgb(255, 0, 0)');
    const hostileReader = await openReader(hostile);
    const actual = await hostile.evaluate(readerLook, READER_HOST);
    await hostile.screenshot({ path: artifactPath('reader-appearance-hostile.png') });

    expect(actual).toEqual(expected);
    // And what that means, in case both pages were somehow wrong the same way.
    expect(actual.hostRect).toEqual({ x: 0, y: 0, width: 1280, height: 900 });
    expect(actual.title.fontSize).toBe('38px');
    expect(actual.paragraph.fontSize).toBe('19px');
    expect(actual.close).toMatchObject({ visible: true, width: 40, height: 40, display: 'flex' });

    expect(await hostile.evaluate(pageLook), 'the page\'s own styles while the reader is open').toEqual(before);
    await hostileReader.closeWithButton();
    expect(await hostile.evaluate(pageLook), 'the page\'s own styles after the reader closed').toEqual(before);
  });

  it('typography: a wide table scrolls in a focusable named region; a right-to-left article reads right to left', async () => {
    const page = await open(origin().url('/plain-css.html'));
    await openReader(page);
    const table = await page.evaluate((hostSelector) => {
      const root = document.querySelector(hostSelector)?.shadowRoot as ShadowRoot;
      const wrap = root.querySelector('.cp-table-wrap') as HTMLElement;
      const pre = root.querySelector('[data-cp="content"] pre') as HTMLElement;
      return {
        overflows: wrap.scrollWidth > wrap.clientWidth, tabindex: wrap.getAttribute('tabindex'), role: wrap.getAttribute('role'),
        label: wrap.getAttribute('aria-label'), articleWidth: (root.querySelector('.cp-article') as HTMLElement).scrollWidth,
        articleClient: (root.querySelector('.cp-article') as HTMLElement).clientWidth,
        preWhiteSpace: getComputedStyle(pre).whiteSpace, preOverflow: getComputedStyle(pre).overflowX,
        supFontSize: getComputedStyle(root.querySelector('sup') as Element).fontSize,
        notesFontSize: getComputedStyle(root.querySelector('hr ~ ol') as Element).fontSize,
      };
    }, READER_HOST);
    expect(table.overflows, 'the twelve-column table is wider than the column').toBe(true);
    expect(table.articleWidth, 'the article itself does not overflow').toBeLessThanOrEqual(table.articleClient);
    expect({ tabindex: table.tabindex, role: table.role, label: table.label }).toEqual({
      tabindex: '0', role: 'region', label: 'Visitors to the harbour by season, in thousands',
    });
    expect(table.preWhiteSpace).toBe('pre');
    expect(table.preOverflow).toBe('auto');
    expect(parseFloat(table.supFontSize)).toBeLessThan(19);
    expect(parseFloat(table.notesFontSize), 'the notes are in smaller text').toBeLessThan(19);
    // Keyboard users can scroll the table: focus it and press the right arrow.
    await shadow(page, '.cp-table-wrap').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((h) => ((document.querySelector(h)?.shadowRoot?.querySelector('.cp-table-wrap') as HTMLElement).scrollLeft > 0), READER_HOST);

    const rtl = await open(origin().url('/rtl-article.html'));
    await openReader(rtl);
    const dir = await rtl.evaluate((hostSelector) => {
      const root = document.querySelector(hostSelector)?.shadowRoot as ShadowRoot;
      const article = root.querySelector('.cp-article') as HTMLElement;
      const quote = getComputedStyle(root.querySelector('blockquote') as Element);
      const p = root.querySelector('[data-cp="content"] p') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(p);
      const text = range.getBoundingClientRect();
      const column = p.getBoundingClientRect();
      return {
        dir: article.getAttribute('dir'), direction: getComputedStyle(article).direction,
        quoteRight: quote.borderRightWidth, quoteLeft: quote.borderLeftWidth,
        // The first line starts at the right edge of the column.
        rightAligned: Math.abs(text.right - column.right) < 2,
      };
    }, READER_HOST);
    expect(dir).toEqual({ dir: 'rtl', direction: 'rtl', quoteRight: '3px', quoteLeft: '0px', rightAligned: true });
  });

  it('forced colours (high contrast mode): every theme, high contrast included, takes the system colours', async () => {
    const page = await open(origin().url(`/${ITWIRE_ARTICLE}.html`));
    await storeAppearance({ theme: 'contrast' });
    await openReader(page);
    await shadow(page, 'button[data-cp="appearance"]').click();
    const colours = (): Promise<Record<string, string>> => page.evaluate((hostSelector) => {
      const host = document.querySelector(hostSelector) as HTMLElement;
      const root = host.shadowRoot as ShadowRoot;
      const cs = (sel: string): CSSStyleDeclaration => getComputedStyle(root.querySelector(sel) as Element);
      return {
        bgVariable: getComputedStyle(host).getPropertyValue('--cp-bg').trim(),
        background: getComputedStyle(host).backgroundColor,
        text: cs('[data-cp="content"] p').color,
        link: cs('[data-cp="content"] a').color,
        menuShadow: cs('.cp-popover').boxShadow,
        buttonBorder: cs('button[data-cp="close"]').borderTopStyle,
      };
    }, READER_HOST);
    const normal = await colours();
    expect(normal.bgVariable).toBe('#ffffff');
    await page.emulateMedia({ forcedColors: 'active' });
    const seen: Record<string, Record<string, string>> = {};
    for (const theme of THEMES) {
      await storeAppearance({ theme });
      await page.waitForFunction(([h, t]) => document.querySelector(h as string)?.getAttribute('data-theme') === t, [READER_HOST, theme]);
      seen[theme] = await colours();
    }
    await page.emulateMedia({ forcedColors: null });
    expect(seen.contrast?.bgVariable, 'the system colour Canvas').toBe('Canvas');
    expect(seen.contrast?.menuShadow, 'no shadow that forced colours would drop anyway').toBe('none');
    expect(seen.contrast?.buttonBorder, 'controls keep a border where their background vanished').toBe('solid');
    for (const theme of THEMES) expect(seen[theme], `theme ${theme} under forced colours`).toEqual(seen.contrast);
  });

  it('axe-core finds no violations in the reader in any theme, with the menu open too', async () => {
    const page = await open(origin().url(`/${ITWIRE_ARTICLE}.html`));
    await openReader(page);
    await page.evaluate(`${AXE_SOURCE}\n;true`);
    /**
     * axe-core on the reader's shadow tree. Its colour-contrast check finds what lies behind text through a grid it
     * builds from <body> down, and the reader's host hangs on <html>: there, every contrast check comes back
     * "incomplete". So for the run (and only for it) the host is moved into <body>, then put back; nothing else about
     * it changes. The run must have checked colour contrast, or it proves nothing about the themes.
     */
    const runAxe = (): Promise<{ violations: AxeViolation[]; contrastChecked: boolean }> => page.evaluate(async (hostSelector) => {
      type Result = {
        passes: Array<{ id: string }>;
        violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>;
      };
      const axe = (globalThis as unknown as { axe: { run(ctx: object, o: object): Promise<Result> } }).axe;
      const host = document.querySelector(hostSelector) as HTMLElement;
      document.body.append(host);
      let result: Result;
      try {
        result = await axe.run({ include: [{ fromShadowDom: [hostSelector, '.cp-page'] }] }, { resultTypes: ['violations'] });
      } finally {
        document.documentElement.append(host);
      }
      if (!result.passes.length) throw new Error('axe-core passed no rule at all: it did not check the reader');
      return {
        contrastChecked: result.passes.some((p) => p.id === 'color-contrast'),
        violations: result.violations.map((v) => ({
          id: v.id, impact: v.impact ?? null, help: v.help,
          nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
        })),
      };
    }, READER_HOST);

    const cases: { theme: string; scheme: 'light' | 'dark'; menu: boolean }[] = [
      ...THEMES.map((theme) => ({ theme, scheme: 'light' as const, menu: false })),
      { theme: 'system', scheme: 'dark', menu: false },
      ...THEMES.map((theme) => ({ theme, scheme: 'light' as const, menu: true })),
    ];
    for (const { theme, scheme, menu } of cases) {
      await page.emulateMedia({ colorScheme: scheme });
      await storeAppearance({ theme });
      await page.waitForFunction(([h, t]) => document.querySelector(h as string)?.getAttribute('data-theme') === t, [READER_HOST, theme]);
      const isOpen = (await shadow(page, 'button[data-cp="appearance"]').getAttribute('aria-expanded')) === 'true';
      if (menu !== isOpen) await shadow(page, 'button[data-cp="appearance"]').click();
      const what = `theme ${theme} (${scheme} scheme)${menu ? ', menu open' : ''}`;
      const { violations, contrastChecked } = await runAxe();
      expect.soft(violations, `axe violations, ${what}`).toEqual([]);
      expect.soft(contrastChecked, `axe checked colour contrast, ${what}`).toBe(true);
    }
    await page.emulateMedia({ colorScheme: null });
  });
});
