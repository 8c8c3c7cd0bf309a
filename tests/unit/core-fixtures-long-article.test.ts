/**
 * The long, sectioned news page of our own (tests/fixtures/long-sectioned-article.html): a site header, nav, sidebar,
 * footer, an ad slot and a newsletter box around an article with sections, figures, a data table, code, a quote,
 * a list and footnotes. The core must keep all of the article's structure and none of the furniture.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index.js';
import { sanitizeToFragment } from '../../src/core/sanitize.js';
import { fixture, normalise } from './helpers/page.js';

const LONG_ARTICLE = 'long-sectioned-article.html';
const URL_ = 'https://www.estuarycourier.example/environment/2026/03/14/brackwater-night-flow/';

describe('long sectioned article fixture', () => {
  const page = fixture(LONG_ARTICLE, URL_);
  const result = extractArticle(page, { url: URL_ });
  // The body as the reader gets it: through the one sanitizing door.
  const content = page.createElement('div');
  content.append(sanitizeToFragment(result.contentHtml, page));
  /** The page's own article body, the ground truth the extraction is compared with. */
  const source = page.querySelector('.article-body');
  if (!source) throw new Error('fixture lost its .article-body');

  it('finds the headline, byline and publication date', () => {
    expect(result.isArticle).toBe(true);
    expect(result.title).toBe(normalise(page.querySelector('h1')?.textContent ?? ''));
    expect(result.byline).toBe('Mara Lindqvist');
    // The printed date and the JSON-LD agree; the result keeps the page's offset.
    expect(result.published).toBe(page.querySelector('time.published')?.getAttribute('datetime'));
    expect(result.published).toBe('2026-03-14T07:30:00+01:00');
    expect(result.siteName).toBe('The Estuary Courier');
  });

  it('keeps every section heading at its level', () => {
    const headings = (root: ParentNode) =>
      Array.from(root.querySelectorAll('h2, h3'), (h) => `${h.localName} ${normalise(h.textContent ?? '')}`)
        // The newsletter box's own heading is furniture, not a section.
        .filter((h) => !h.includes('Morning Brief'));
    expect(headings(content).length).toBeGreaterThanOrEqual(5 + 4);
    expect(headings(content)).toEqual(headings(source));
  });

  it('keeps the data table with its header row and every body row', () => {
    const tables = content.querySelectorAll('table');
    expect(tables).toHaveLength(1);
    const rows = (t: Element) => Array.from(t.querySelectorAll('tr'), (tr) => Array.from(tr.children, (c) => `${c.localName}:${normalise(c.textContent ?? '')}`));
    const want = rows(source.querySelector('table') as Element);
    expect(want.length).toBeGreaterThanOrEqual(1 + 5);
    expect(rows(tables[0] as Element)).toEqual(want);
    expect(content.querySelector('table thead th')?.textContent).toBe('District');
  });

  it('keeps both code blocks with their exact whitespace', () => {
    const code = (root: ParentNode) => Array.from(root.querySelectorAll('pre'), (pre) => pre.textContent);
    const want = code(source);
    expect(want).toHaveLength(2);
    expect(want[0]).toMatch(/\n {8}if start <= stamp\.hour < end:\n/);
    expect(want[0]).toContain('\n\n\ndef flag_districts');
    expect(code(content)).toEqual(want);
  });

  it('keeps both figures with their captions and absolute image addresses', () => {
    const figures = Array.from(content.querySelectorAll('figure'));
    expect(figures).toHaveLength(2);
    for (const [i, figure] of figures.entries()) {
      const original = source.querySelectorAll('figure')[i];
      expect(normalise(figure.querySelector('figcaption')?.textContent ?? '')).toBe(normalise(original?.querySelector('figcaption')?.textContent ?? '-'));
      const src = figure.querySelector('img')?.getAttribute('src') ?? '';
      expect(src).toBe(new URL(original?.querySelector('img')?.getAttribute('src') ?? '-', URL_).href);
    }
  });

  it('keeps the quote, the list and the footnotes', () => {
    expect(normalise(content.querySelector('blockquote')?.textContent ?? '')).toBe(normalise(source.querySelector('blockquote')?.textContent ?? '-'));
    expect(content.querySelectorAll('ol > li').length).toBe(source.querySelectorAll('ol > li').length);
    expect(Array.from(content.querySelectorAll('sup a'), (a) => a.textContent)).toEqual(['1', '2']);
    expect(normalise(content.textContent ?? '')).toContain('0.69 euros per cubic metre');
  });

  it('leaves out the ad slot, the newsletter box, the share bar and the page furniture', () => {
    expect(result.removed.ads).toBeGreaterThanOrEqual(1);
    expect(result.removed.newsletters).toBe(1);
    const text = normalise(content.textContent ?? '');
    for (const furniture of ['Advertisement', 'Morning Brief', 'Sign up for our newsletter', 'Most read', 'Ferry timetable changes', '4 Quay Street', 'Subscribe']) {
      expect(text, furniture).not.toContain(furniture);
    }
    expect(content.querySelector('form, input, button, nav')).toBeNull();
  });
});
