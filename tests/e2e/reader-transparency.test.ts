/**
 * Transparency in headless Chromium with the built extension: the chips under the header say what was stripped,
 * a chip shows its blocks greyed in place, "Keep this" keeps a block for the site across reloads and "Remove
 * again" takes it back; the comments drawer is collapsed, opens on click and holds the thread without the page's
 * form; the date line names the update. Pages: the iTWire fixture and tests/e2e/pages/reader-comments.html.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ITWIRE_ARTICLE } from './harness/assertions.js';
import { AXE_SOURCE, type AxeViolation } from './harness/axe.js';
import type { ChromiumSession } from './harness/chromium.js';
import { loadExpected } from './harness/expected.js';
import { artifactPath } from './harness/paths.js';
import { READER_HOST, type ReaderView } from './harness/reader.js';
import { chromiumReaderSuite } from './harness/reader-suite.js';
import type { TestServer } from './harness/server.js';

/** The extension's `chrome` global, as the service worker sees it (this file only evaluates code there). */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> } };
};

const EN = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
const msg = (key: string, sub = ''): string => (EN[key]?.message ?? key).replace('$1', sub);

/** Text of the reader's content area, whitespace-collapsed (runs in the page). */
function contentText(host: string): string {
  const content = document.querySelector(host)?.shadowRoot?.querySelector('[data-cp="content"]');
  return (content?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('reader transparency in Chromium', () => {
  const suite = chromiumReaderSuite();
  const browser = (): ChromiumSession => suite.browser();
  const origin = (): TestServer => suite.origin();
  const open = (url: string): Promise<Page> => suite.open(url);
  const openReader = (page: Page): Promise<ReaderView> => suite.openReader(page);
  const keepRules = (): Promise<unknown> =>
    browser().serviceWorker.evaluate(() => chrome.storage.local.get('keepRules').then((items) => items.keepRules ?? null));
  const inReader = (page: Page, selector: string) => page.locator(READER_HOST).locator(selector);

  /**
   * axe-core on the reader overlay only: the page behind it, and the site's own markup inside a revealed block
   * (iTWire's banner link has an empty alt), are the site's, not ours.
   */
  async function readerViolations(page: Page): Promise<AxeViolation[]> {
    await page.evaluate(`${AXE_SOURCE}\n;true`);
    return page.evaluate(async (host) => {
      const run = (globalThis as unknown as { axe: { run(ctx: object, o: object): Promise<{ passes: unknown[]; violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
      const result = await run.run({ include: [[host]], exclude: [{ fromShadowDom: [host, '.cp-revealed-body'] }] }, { resultTypes: ['violations'] });
      if (!result.passes.length) throw new Error('axe-core passed no rule at all: it did not check the reader');
      return result.violations.map((v) => ({
        id: v.id, impact: v.impact ?? null, help: v.help,
        nodes: v.nodes.map((n) => `${n.target.map(String).join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
      }));
    }, READER_HOST);
  }

  afterEach(async () => {
    await suite.browser().serviceWorker.evaluate(() => chrome.storage.local.remove('keepRules')).catch(() => undefined);
  });

  it('iTWire: chips count what was stripped; reveal, keep across a reload, remove again', async () => {
    // The expected file lists what the rules must strip ({ "promos": ">=1" }); its type does not name that field.
    const expected = loadExpected(ITWIRE_ARTICLE) as ReturnType<typeof loadExpected> & { removed?: Record<string, string> };
    expect(expected.removed?.promos, 'the fixture expects a stripped promotion').toBeDefined();
    const page = await open(origin().url(`/${ITWIRE_ARTICLE}.html`));
    await openReader(page);

    const chips = inReader(page, '.cp-chips[role="group"]');
    expect(await chips.getAttribute('aria-label')).toBe(msg('chipsLabel'));
    const promoChip = inReader(page, 'button.cp-chip[data-cp-family="promos"]');
    expect(await promoChip.getAttribute('aria-pressed')).toBe('false');
    const chipText = (await promoChip.textContent()) ?? '';
    expect(await page.evaluate(contentText, READER_HOST)).not.toContain('Hilton Brisbane');

    // Reveal: the promotion comes back greyed (dashed box, label) after the paragraph it followed.
    await promoChip.click();
    expect(await promoChip.getAttribute('aria-pressed')).toBe('true');
    const revealed = inReader(page, '.cp-revealed[data-cp-family="promos"]');
    await expect.poll(() => revealed.count()).toBeGreaterThan(0);
    // The chip's number (from the removal counts) is the number of blocks it shows (from the stripped list).
    const shown = await revealed.count();
    expect(chipText).toBe(shown === 1 ? msg('chipPromo') : msg('chipPromos', String(shown)));
    const box = revealed.first();
    expect(await box.textContent()).toContain('Hilton Brisbane');
    expect(await box.locator('.cp-revealed-label').textContent()).toBe(msg('revealedRemoved', msg('familyPromos')));
    expect(await box.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');
    expect(await box.evaluate((el) => el.previousElementSibling?.textContent ?? '')).toContain('Twitter had imposed an advertising ban');
    expect(await readerViolations(page), 'axe violations in the reader with a revealed block').toEqual([]);
    await page.screenshot({ path: artifactPath('chromium-transparency-revealed.png') });

    // Keep this: a rule for the site (selector and fingerprint, no text), and the block un-greyed.
    await box.locator('button[data-cp-action="keep"]').click();
    await expect.poll(keepRules, { message: 'storage.local keepRules', timeout: 10_000 }).toEqual({
      '127.0.0.1': [{ selector: expect.any(String), fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) }],
    });
    expect(JSON.stringify(await keepRules())).not.toMatch(/hilton|brisbane/i);
    await expect.poll(() => inReader(page, '[data-cp="content"] [data-cp-kept]').count(), { message: 'kept block in the content' }).toBe(1);

    // Next visit: the promotion is part of the article without revealing anything.
    await page.reload();
    await openReader(page);
    expect(await inReader(page, '[data-cp="content"] [data-cp-kept]').textContent()).toContain('Hilton Brisbane');
    expect(await inReader(page, '.cp-revealed').count()).toBe(0);
    const chipAgain = inReader(page, 'button.cp-chip[data-cp-family="promos"]');
    expect(await chipAgain.getAttribute('aria-pressed')).toBe('false');

    // Remove again (the chip on shows the kept block with the button): gone, and the rule with it.
    await chipAgain.click();
    const removeAgain = inReader(page, '[data-cp-kept-bar] button[data-cp-action="remove"]');
    expect(await removeAgain.textContent()).toBe(msg('removeAgain'));
    await removeAgain.click();
    await expect.poll(keepRules, { message: 'storage.local keepRules after Remove again', timeout: 10_000 }).toEqual({});
    await expect.poll(() => page.evaluate(contentText, READER_HOST)).not.toContain('Hilton Brisbane');

    await page.reload();
    await openReader(page);
    expect(await page.evaluate(contentText, READER_HOST)).not.toContain('Hilton Brisbane');
  });

  it('comments: a collapsed drawer that opens on click, with the thread and none of its form; the update on the date line', async () => {
    const page = await open(origin().url('/reader-comments.html'));
    const onPage = await page.evaluate(() => ({
      comments: document.querySelectorAll('#comments li.comment').length,
      modified: document.querySelector('meta[property="article:modified_time"]')?.getAttribute('content') ?? null,
    }));
    await openReader(page);

    const drawer = inReader(page, 'details[data-cp="comments"]');
    expect(await drawer.evaluate((el) => (el as HTMLDetailsElement).open), 'collapsed by default').toBe(false);
    const summary = drawer.locator('summary');
    expect(await summary.textContent()).toBe(msg('commentsDrawer', String(onPage.comments)));
    expect(await drawer.locator('.cp-comments-body').isVisible()).toBe(false);
    expect(await inReader(page, 'button.cp-chip[data-cp-family="comments"]').textContent()).toBe(msg('chipComments', String(onPage.comments)));
    expect(await page.evaluate(contentText, READER_HOST)).not.toContain('The last bus leaves far too early');

    await summary.click();
    expect(await drawer.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    const body = drawer.locator('.cp-comments-body');
    expect(await body.isVisible()).toBe(true);
    expect(await body.textContent()).toContain('Same here. The last bus leaves far too early.');
    expect(await body.locator('form, input, button, textarea, select, iframe, script').count()).toBe(0);

    const modified = inReader(page, 'time[data-cp="modified"]');
    expect(await modified.getAttribute('datetime')).toBe(onPage.modified);
    expect(await modified.getAttribute('title')).toContain(msg('dateUpdatedFrom', msg('dateSourceMeta')));
    expect(await readerViolations(page), 'axe violations in the reader with the drawer open').toEqual([]);
    await page.screenshot({ path: artifactPath('chromium-transparency-comments.png') });
  });
});
