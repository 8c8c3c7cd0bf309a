/**
 * Reader navigation in headless Chromium with the built extension: the table of contents (opened from the toolbar,
 * walked with the keyboard, Esc closing it before the reader), the reading-progress bar following the host's
 * scroll, and the rule "a table of contents from three section headings" on the iTWire story.
 * The reader is opened the way a user does: toolbar click, then "Open reader view" in the popup.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ITWIRE_ARTICLE } from './harness/assertions.js';
import { axeViolations } from './harness/axe.js';
import { pageSurface } from './harness/chromium.js';
import { artifactPath } from './harness/paths.js';
import { READER_HOST, type ReaderView } from './harness/reader.js';
import { chromiumReaderSuite } from './harness/reader-suite.js';
import type { Surface } from './harness/surface.js';

/** What the navigation parts of the reader show, read in the page. */
interface NavState {
  headings: string[];
  tocButton: { visible: boolean; expanded: string | null; controls: string | null } | null;
  tocOpen: boolean;
  links: Array<{ text: string; current: boolean }>;
  /** Index (in `headings`) of the focused element inside the reader, -1 if it is no heading. */
  focusedHeading: number;
  focusedTag: string | null;
  /** The focused element's top edge relative to the host's top edge. */
  focusedOffset: number | null;
  hostScrollTop: number;
  windowScrollY: number;
  progress: { label: string | null; now: number; min: string | null; max: string | null } | null;
}

function navState(surface: Surface): Promise<NavState> {
  return surface.evaluate((hostSelector) => {
    const host = document.querySelector<HTMLElement>(hostSelector);
    const root = host?.shadowRoot;
    if (!host || !root) throw new Error('no reader');
    const norm = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();
    const headings = Array.from(root.querySelectorAll('.cp-content h2, .cp-content h3'));
    const button = root.querySelector<HTMLElement>('button[data-cp="toc-toggle"]');
    const nav = root.querySelector<HTMLElement>('nav[data-cp="toc"]');
    const active = root.activeElement;
    const bar = root.querySelector('[role="progressbar"]');
    return {
      headings: headings.map((h) => norm(h.textContent)),
      tocButton: button
        ? { visible: button.getClientRects().length > 0, expanded: button.getAttribute('aria-expanded'), controls: button.getAttribute('aria-controls') }
        : null,
      tocOpen: Boolean(nav && nav.getClientRects().length > 0),
      links: Array.from(nav?.querySelectorAll('a') ?? [], (a) => ({ text: norm(a.textContent), current: a.getAttribute('aria-current') === 'true' })),
      focusedHeading: active ? headings.indexOf(active) : -1,
      focusedTag: active?.localName ?? null,
      focusedOffset: active ? active.getBoundingClientRect().top - host.getBoundingClientRect().top : null,
      hostScrollTop: host.scrollTop,
      windowScrollY: window.scrollY,
      progress: bar
        ? { label: bar.getAttribute('aria-label'), now: Number(bar.getAttribute('aria-valuenow')), min: bar.getAttribute('aria-valuemin'), max: bar.getAttribute('aria-valuemax') }
        : null,
    };
  }, READER_HOST);
}

describe('Reader navigation in Chromium', () => {
  const suite = chromiumReaderSuite();

  /** Opens `file` and the reader on it; returns the tab, its surface and the reader. */
  async function openReader(file: string): Promise<{ page: Page; surface: Surface; reader: ReaderView }> {
    const page = await suite.open(suite.origin().url(file));
    const reader = await suite.openReader(page);
    return { page, surface: pageSurface(page, file), reader };
  }

  it('Contents: the 3rd entry, chosen by keyboard, scrolls the reader to its heading and focuses it; progress grows', async () => {
    const { page, surface, reader } = await openReader('/sectioned-article.html');
    const before = await navState(surface);
    expect(before.headings.length, 'section headings in the reader').toBeGreaterThanOrEqual(4);
    expect(before.tocButton?.visible, 'Contents button shown').toBe(true);
    expect(before.tocButton?.expanded).toBe('false');
    expect(before.tocOpen).toBe(false);
    expect(before.progress?.label).toBe('Reading progress');
    expect([before.progress?.min, before.progress?.max]).toEqual(['0', '100']);
    expect(before.progress?.now, 'progress at the top of the article').toBe(0);
    expect(before.hostScrollTop).toBe(0);

    await surface.click('button[data-cp="toc-toggle"]', READER_HOST);
    await surface.waitFor((host) => {
      const nav = document.querySelector(host)?.shadowRoot?.querySelector('nav[data-cp="toc"]');
      return Boolean(nav && nav.getClientRects().length > 0);
    }, READER_HOST, 'the contents list to show');
    const open = await navState(surface);
    expect(open.tocButton?.expanded).toBe('true');
    expect(open.links.map((l) => l.text), 'one entry per heading, in order').toEqual(before.headings);
    expect(open.focusedTag, 'focus moved into the list').toBe('a');
    await page.screenshot({ path: artifactPath('chromium-reader-contents.png') });

    // Keyboard only: two steps down to the third entry, then Enter.
    await surface.press('ArrowDown');
    await surface.press('ArrowDown');
    await surface.press('Enter');
    await surface.waitFor((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      return root?.activeElement?.localName === 'h2' || root?.activeElement?.localName === 'h3';
    }, READER_HOST, 'focus on a heading');
    await surface.waitFor(
      (host) => Number(document.querySelector(host)?.shadowRoot?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')) > 0,
      READER_HOST, 'the progress bar to move',
    );
    const after = await navState(surface);
    expect(after.focusedHeading, 'the third heading has focus').toBe(2);
    expect(Math.abs(after.focusedOffset ?? Infinity), 'the heading is at the top of the reader').toBeLessThanOrEqual(3);
    expect(after.hostScrollTop, 'the reader (host) scrolled').toBeGreaterThan(0);
    expect(after.windowScrollY, 'the page behind did not scroll').toBe(0);
    expect(after.tocOpen, 'the list closed').toBe(false);
    expect(after.progress?.now ?? 0).toBeGreaterThan(before.progress?.now ?? 0);
    await surface.waitFor((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      return root?.querySelectorAll('nav[data-cp="toc"] a[aria-current="true"]').length === 1;
    }, READER_HOST, 'one entry marked current');
    const marked = await navState(surface);
    expect(marked.links.filter((l) => l.current).map((l) => l.text)).toEqual([before.headings[2]]);
    await page.screenshot({ path: artifactPath('chromium-reader-contents-jump.png') });

    // Esc closes the open list first (focus back on its button), the reader only on the next Esc.
    await surface.click('button[data-cp="toc-toggle"]', READER_HOST);
    await surface.waitFor((host) => document.querySelector(host)?.shadowRoot?.activeElement?.localName === 'a', READER_HOST, 'focus in the list');
    await surface.press('Escape');
    const escaped = await navState(surface);
    expect(escaped.tocOpen, 'Esc closed the list').toBe(false);
    expect(escaped.tocButton?.expanded).toBe('false');
    expect(escaped.focusedTag).toBe('button');
    expect(await reader.isOpen(), 'the reader is still open').toBe(true);
    await reader.closeWithEscape();
  });

  it('axe finds no violations in the reader with the contents list open, then with the read-aloud controls open', async () => {
    const { page, surface } = await openReader('/sectioned-article.html');
    const axe = (): ReturnType<typeof axeViolations> => axeViolations((source) => page.evaluate(source), (fn) => page.evaluate(fn));

    await surface.click('button[data-cp="toc-toggle"]', READER_HOST);
    expect((await navState(surface)).tocOpen).toBe(true);
    expect(await axe(), 'violations with the contents list open').toEqual([]);
    await surface.press('Escape');
    expect((await navState(surface)).tocOpen).toBe(false);

    const hasReadAloud = await surface.evaluate(
      (host) => document.querySelector(host)?.shadowRoot?.querySelector('[data-cp="read-aloud-toggle"]') !== null, READER_HOST);
    const speechAvailable = await page.evaluate(() => 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function');
    expect(hasReadAloud, 'the Read aloud button is there exactly when the browser has speech synthesis').toBe(speechAvailable);
    if (!hasReadAloud) return;
    await surface.click('[data-cp="read-aloud-toggle"]', READER_HOST);
    const controls = await surface.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      const panel = root?.querySelector<HTMLElement>('[data-cp="read-aloud"]');
      return {
        visible: Boolean(panel && panel.getClientRects().length > 0),
        focused: root?.activeElement?.getAttribute('aria-label') ?? null,
        voices: panel?.querySelectorAll('select[data-cp="read-aloud-voice"] option').length ?? 0,
      };
    }, READER_HOST);
    expect(controls.visible, 'read-aloud controls shown').toBe(true);
    expect(controls.focused, 'focus on the Play button').toBe('Play');
    expect(controls.voices, 'the voice list is never empty').toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath('chromium-reader-read-aloud.png') });
    expect(await axe(), 'violations with the read-aloud controls open').toEqual([]);
  });

  it(`iTWire story: a contents list exactly when the reader shows three or more section headings`, async () => {
    const { surface } = await openReader(`/${ITWIRE_ARTICLE}.html`);
    const state = await navState(surface);
    const expectToc = state.headings.length >= 3;
    expect(state.tocButton?.visible ?? false, `${state.headings.length} section headings in the reader`).toBe(expectToc);
    expect(state.links.length).toBe(expectToc ? state.headings.length : 0);
  });
});
