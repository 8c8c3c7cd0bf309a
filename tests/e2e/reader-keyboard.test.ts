/**
 * The reader by keyboard alone, in headless Chromium with the built extension, on our long sectioned article:
 * focus moves into the reader when it opens, Tab reaches every control (toolbar, chips, links) and stays inside
 * the reader, each control has a name, Enter operates a toolbar button, and Esc closes the reader and puts focus
 * back where it was on the page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { READER_HOST } from './harness/reader.js';
import { chromiumReaderSuite } from './harness/reader-suite.js';

const LONG_ARTICLE = '/long-sectioned-article.html';

/** The focused element inside the reader, described for the test (null when focus is not in the reader). */
interface Focused {
  tag: string;
  /** data-cp, else the class list: which control it is. */
  what: string;
  /** Its accessible name as a user would hear it: aria-label, else its text. */
  name: string;
  visible: boolean;
}

function focusedInReader(page: Page): Promise<Focused | null> {
  return page.evaluate((hostSelector) => {
    const host = document.querySelector(hostSelector);
    const active = host?.shadowRoot?.activeElement;
    if (!host || document.activeElement !== host || !active) return null;
    const rect = active.getBoundingClientRect();
    return {
      tag: active.localName,
      what: active.getAttribute('data-cp') ?? active.getAttribute('class') ?? '',
      name: (active.getAttribute('aria-label') ?? active.textContent ?? '').replace(/\s+/g, ' ').trim(),
      visible: rect.width > 0 && rect.height > 0,
    };
  }, READER_HOST);
}

/** The controls the reader offers, read from its DOM: every enabled, shown button and link. */
function readerControls(page: Page): Promise<string[]> {
  return page.evaluate((hostSelector) => {
    const root = document.querySelector(hostSelector)?.shadowRoot;
    const shown = (el: Element): boolean => el.getClientRects().length > 0 && !el.closest('[hidden]');
    return Array.from(root?.querySelectorAll<HTMLElement>('button:not([disabled]), a[href]') ?? [])
      .filter(shown)
      .map((el) => el.getAttribute('data-cp') ?? el.getAttribute('class') ?? '');
  }, READER_HOST);
}

describe('The reader by keyboard in Chromium', () => {
  const suite = chromiumReaderSuite();

  it('Tab reaches every control and stays in the reader; Enter operates; Esc gives focus back to the page', async () => {
    const page = await suite.open(suite.origin().url(LONG_ARTICLE));
    // The reader must give focus back to where it was: a link in the page's own navigation.
    const pageFocus = await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('nav a[href], header a[href]');
      link?.focus();
      return link?.textContent?.trim() ?? null;
    });
    expect(pageFocus, 'a page link to focus before opening').not.toBeNull();

    await suite.openReader(page);

    // Focus moved into the reader (its dialog) on open.
    expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), READER_HOST)).toBe(true);

    const controls = await readerControls(page);
    expect(controls, 'the toolbar offers appearance, contents and export').toEqual(
      expect.arrayContaining(['appearance', 'toc-toggle', 'close', 'site']),
    );
    expect(controls.some((c) => c.includes('cp-chip')), 'a chip for what was stripped').toBe(true);

    // Tab through everything: each stop is inside the reader, visible and named; the cycle comes back round.
    const seen: Focused[] = [];
    for (let i = 0; i < controls.length + 5; i++) {
      await page.keyboard.press('Tab');
      const focused = await focusedInReader(page);
      expect(focused, `Tab ${i + 1} left the reader`).not.toBeNull();
      if (!focused) break;
      expect(focused.visible, `focused ${focused.what} is visible`).toBe(true);
      expect(focused.name, `focused ${focused.what} has a name`).not.toBe('');
      seen.push(focused);
    }
    const reached = new Set(seen.map((f) => f.what));
    for (const control of controls) expect(reached.has(control), `Tab reaches ${control}`).toBe(true);

    // Shift+Tab from the first control wraps to the last: the page behind stays out of reach.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInReader(page)).not.toBeNull();

    // Enter operates a toolbar button: the contents list opens and takes focus; Esc closes it first.
    await page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.querySelector<HTMLElement>('[data-cp="toc-toggle"]')?.focus(), READER_HOST);
    await page.keyboard.press('Enter');
    expect(await page.evaluate((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[data-cp="toc-toggle"]')?.getAttribute('aria-expanded'), READER_HOST)).toBe('true');
    await page.keyboard.press('Escape');
    expect((await focusedInReader(page))?.what).toBe('toc-toggle');

    // Esc closes the reader; focus is back on the page link focused before.
    await page.keyboard.press('Escape');
    await page.waitForFunction((sel) => !document.querySelector(sel), READER_HOST);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? null)).toBe(pageFocus);
  });
});
