/**
 * Markdown export in headless Chromium with the built extension: the reader opened on the long sectioned article
 * (tests/fixtures/long-sectioned-article.html) through the real toolbar click, then "Export" → "Save as Markdown"
 * (a real download, read back from disk) and "Copy as Markdown" (read back from the clipboard), the menu by keyboard
 * with Esc closing the menu before the reader, and axe-core on the open menu.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AXE_SOURCE, type AxeViolation } from './harness/axe.js';
import type { ChromiumSession } from './harness/chromium.js';
import { artifactPath } from './harness/paths.js';
import { READER_HOST, type ReaderView } from './harness/reader.js';
import { chromiumReaderSuite } from './harness/reader-suite.js';
import type { TestServer } from './harness/server.js';

const LONG_ARTICLE = '/long-sectioned-article.html';

describe('Reader export to Markdown (Chromium)', () => {
  const suite = chromiumReaderSuite();
  const browser = (): ChromiumSession => suite.browser();
  const origin = (): TestServer => suite.origin();

  /** The long article in a new tab with the reader open (toolbar click, then "Open reader view"). */
  async function openReader(): Promise<{ page: Page; url: string; reader: ReaderView }> {
    const url = origin().url(LONG_ARTICLE);
    const page = await suite.open(url);
    return { page, url, reader: await suite.openReader(page) };
  }

  const inReader = (page: Page, selector: string): Locator => page.locator(READER_HOST).locator(selector);

  /** What the page itself shows, read from its own DOM (not the reader): the expectations for the export. */
  function pageFacts(page: Page): Promise<{ title: string; code: Array<{ text: string; language: string }>; firstRow: string[]; header: string[] }> {
    return page.evaluate(() => {
      const cells = (row: Element | null): string[] =>
        Array.from(row?.children ?? [], (c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());
      return {
        title: (document.querySelector('h1')?.textContent ?? '').trim(),
        // Each block's text, and the language the page names for it ("language-python"): the fence carries it.
        code: Array.from(document.querySelectorAll('.article-body pre'), (pre) => ({
          text: pre.textContent ?? '',
          language: /(?:^|\s)language-(\S+)/.exec(pre.querySelector('code')?.getAttribute('class') ?? '')?.[1] ?? '',
        })),
        header: cells(document.querySelector('.article-body table thead tr')),
        firstRow: cells(document.querySelector('.article-body table tbody tr')),
      };
    });
  }

  /** The parts the issue names: title, a GFM table row, a fenced code block, the source address. */
  async function expectExport(markdown: string, page: Page, url: string): Promise<void> {
    const facts = await pageFacts(page);
    expect(markdown.split('\n')[0], 'first line').toBe(`# ${facts.title}`);
    expect(markdown, 'byline · date').toContain('\nMara Lindqvist · 2026-03-14\n');
    expect(markdown, 'source line').toContain(`\nSource: <${url}>\n`);
    expect(markdown, 'table header row').toContain(`\n| ${facts.header.join(' | ')} |\n| ${facts.header.map(() => '---').join(' | ')} |\n`);
    expect(markdown, 'table body row').toContain(`\n| ${facts.firstRow.join(' | ')} |\n`);
    expect(facts.code).toHaveLength(2);
    for (const { text, language } of facts.code) {
      expect(markdown, 'fenced code block').toContain(`\n\`\`\`${language}\n${text.replace(/\n$/, '')}\n\`\`\`\n`);
    }
    expect(markdown, 'the ad slot stays out').not.toContain('Advertisement');
  }

  it('keyboard only: Export opens the menu, Esc closes the menu first and the reader second', async () => {
    const { page, reader } = await openReader();
    const toggle = inReader(page, 'button[data-cp="export"]');
    const menu = inReader(page, '#cp-export-menu');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-controls')).toBe('cp-export-menu');
    await expect.poll(() => menu.isHidden()).toBe(true);

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const focused = (): Promise<string | null> =>
      page.evaluate((host) => document.querySelector(host)?.shadowRoot?.activeElement?.getAttribute('data-cp') ?? null, READER_HOST);
    expect(await focused(), 'focus moves into the menu').toBe('export-copy');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('export-save');
    await page.keyboard.press('ArrowDown');
    expect(await focused(), 'arrows wrap around').toBe('export-copy');

    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isHidden()).toBe(true);
    expect(await reader.isOpen(), 'Esc with the menu open keeps the reader open').toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(), 'focus goes back to Export').toBe('export');

    await page.keyboard.press('Escape');
    await reader.waitClosed();
  });

  it('Save as Markdown downloads <slug>.md with the title, a GFM table, fenced code and the source', async () => {
    const { page, url } = await openReader();
    // By keyboard: Export, Enter, Down to "Save as Markdown", Enter.
    await inReader(page, 'button[data-cp="export"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);

    expect(download.suggestedFilename()).toBe('how-brackwater-found-its-missing-water-by-listening-to-the-pipes-at-night.md');
    const file = await download.path();
    const markdown = await readFile(file, 'utf8');
    await expectExport(markdown, page, url);

    await expect.poll(() => inReader(page, '[role="status"]').textContent()).toBe('Saved');
    expect(await inReader(page, '#cp-export-menu').isHidden(), 'the menu closes after saving').toBe(true);
    await page.screenshot({ path: artifactPath('chromium-reader-export-saved.png') });
  });

  it('Copy as Markdown puts the same Markdown on the clipboard', async () => {
    const { page, url } = await openReader();
    await browser().context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: origin().origin });

    await inReader(page, 'button[data-cp="export"]').click();
    await inReader(page, 'button[data-cp="export-copy"]').click();
    await expect.poll(() => inReader(page, '[role="status"]').textContent()).toBe('Copied');

    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    await expectExport(markdown, page, url);

    // The download of the same article carries the very same text.
    await inReader(page, 'button[data-cp="export"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), inReader(page, 'button[data-cp="export-save"]').click()]);
    expect(await readFile(await download.path(), 'utf8')).toBe(markdown);
  });

  it('axe-core finds no violations in the reader with the export menu open', async () => {
    const { page } = await openReader();
    await inReader(page, 'button[data-cp="export"]').click();
    await expect.poll(() => inReader(page, '#cp-export-menu').isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('chromium-reader-export-menu.png') });

    await page.evaluate(`${AXE_SOURCE}\n;true`);
    const violations = await page.evaluate(async (host): Promise<AxeViolation[]> => {
      // The global axe-core defines in the page; declared loosely here because this function runs there.
      const axe = (globalThis as unknown as { axe: { run(ctx: object, o: object): Promise<{ passes: unknown[]; violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
      // Only the reader overlay: the page under it is the fixture's, not ours to judge.
      const result = await axe.run({ include: [[host]] }, { resultTypes: ['violations'] });
      if (!result.passes.length) throw new Error('axe-core passed no rule at all: it did not check the reader');
      return result.violations.map((v) => ({
        id: v.id, impact: v.impact ?? null, help: v.help,
        nodes: v.nodes.map((n) => `${n.target.map(String).join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
      }));
    }, READER_HOST);
    expect(violations).toEqual([]);
  });
});
