/**
 * The Markdown export's converter on real content: each fixture goes through the core extraction and the sanitizer
 * into a `.cp-content` body as the reader builds it, then through `articleToMarkdown`. Expected values come from the
 * fixture pages themselves (their tables, code, images, headings), not from the converter's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index.js';
import { sanitizeToFragment } from '../../src/core/sanitize.js';
import { articleToMarkdown, isoDate, slugify } from '../../src/reader/markdown.js';
import { fixture, FIXTURES, normalise, page } from './helpers/page.js';

const LABELS = { source: 'Source' };
const LONG_URL = 'https://www.estuarycourier.example/environment/2026/03/14/brackwater-night-flow/';

/** The page through the core and the sanitizer, as the reader shows it, then to Markdown. */
function exportPage(doc: Document, url: string): { markdown: string; lines: string[]; title: string } {
  const article = extractArticle(doc, { url });
  const content = doc.createElement('div');
  content.className = 'cp-content';
  content.append(sanitizeToFragment(article.contentHtml, doc));
  const markdown = articleToMarkdown({ title: article.title, byline: article.byline, published: article.published, url, content }, LABELS);
  return { markdown, lines: markdown.split('\n'), title: article.title };
}

/** The text of each cell of a table row, as the page has it. */
function cellsOf(row: Element): string[] {
  return Array.from(row.children, (cell) => normalise(cell.textContent ?? ''));
}

describe('Markdown export of the long sectioned article', () => {
  const doc = fixture('long-sectioned-article.html', LONG_URL);
  // The page's own article body, read before extraction (the core works on a clone, but read it first anyway).
  const source = doc.querySelector('.article-body')?.cloneNode(true) as Element;
  const { markdown, lines } = exportPage(doc, LONG_URL);

  it('starts with the title, then byline · ISO date, then the source address', () => {
    const headline = normalise(doc.querySelector('h1')?.textContent ?? '');
    expect(lines[0]).toBe(`# ${headline}`);
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('Mara Lindqvist · 2026-03-14');
    expect(lines[4]).toBe(`Source: <${LONG_URL}>`);
    // The title is the only first-level heading.
    expect(lines.filter((l) => /^# /.test(l))).toHaveLength(1);
  });

  it('writes the data table as a pipe table: header, delimiter and every row', () => {
    const rows = Array.from(source.querySelectorAll('table tr'), cellsOf);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const [header, ...body] = rows;
    const asRow = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const at = lines.indexOf(asRow(header ?? []));
    expect(at, 'header row').toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(asRow((header ?? []).map(() => '---')));
    expect(lines.slice(at + 2, at + 2 + body.length)).toEqual(body.map(asRow));
    // The caption follows as its own paragraph, not inside the rows.
    expect(lines[at + 2 + body.length]).toBe('');
    expect(lines[at + 3 + body.length]).toBe(normalise(source.querySelector('caption')?.textContent ?? '-'));
  });

  it('writes each code block fenced, with the exact whitespace of the page', () => {
    const blocks = Array.from(source.querySelectorAll('pre'), (pre) => ({
      code: pre.textContent ?? '',
      // The fence names the language the page gave the block ("language-python"), if any.
      language: /(?:^|\s)language-(\S+)/.exec(pre.querySelector('code')?.getAttribute('class') ?? '')?.[1] ?? '',
    }));
    expect(blocks).toHaveLength(2);
    for (const { code, language } of blocks) {
      expect(markdown).toContain(`\n\`\`\`${language}\n${code.replace(/\n$/, '')}\n\`\`\`\n`);
    }
    // The indented lines and the blank lines inside the function survive as they are.
    expect(markdown).toContain('\n        if start <= stamp.hour < end:\n            day = stamp.date()\n');
    expect(markdown).toContain('\n    return by_day\n\n\ndef flag_districts(');
  });

  it('writes both figures as images with absolute addresses, and their captions', () => {
    const figures = Array.from(source.querySelectorAll('figure'));
    expect(figures).toHaveLength(2);
    for (const figure of figures) {
      const img = figure.querySelector('img');
      const src = new URL(img?.getAttribute('src') ?? '-', LONG_URL).href;
      expect(src).toMatch(/^https:\/\/www\.estuarycourier\.example\/.+\.svg$/);
      expect(lines).toContain(`![${img?.getAttribute('alt')}](${src})`);
      expect(lines).toContain(normalise(figure.querySelector('figcaption')?.textContent ?? '-'));
    }
  });

  it('keeps every heading at its level', () => {
    const headings = Array.from(source.querySelectorAll('h2, h3'))
      .filter((h) => !h.closest('.newsletter-box'))
      .map((h) => `${'#'.repeat(Number(h.localName[1]))} ${normalise(h.textContent ?? '')}`);
    expect(headings.length).toBeGreaterThanOrEqual(9);
    expect(lines.filter((l) => /^#{2,6} /.test(l))).toEqual(headings);
  });

  it('keeps the list, the quote and the links', () => {
    const items = Array.from(source.querySelectorAll('.article-body > ol > li'), (li) => normalise(li.textContent ?? ''));
    items.forEach((item, i) => expect(lines).toContain(`${i + 1}.  ${item}`));
    expect(lines).toContain(`> ${normalise(source.querySelector('blockquote')?.textContent ?? '-')}`);
    expect(markdown).toContain(`[1](${LONG_URL}#fn1)`);
  });

  it('leaves out what the reader leaves out', () => {
    expect(markdown).not.toMatch(/Advertisement|Morning Brief|Most read|Quay Street/);
  });
});

describe('Markdown export of the iTWire story', () => {
  const html = readFileSync(join(FIXTURES, 'itwire-kaspersky-sanctions.html'), 'utf8');
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'itwire-kaspersky-sanctions.expected.json'), 'utf8')) as {
    title: string; byline: string; published: string; mustContain: string[];
  };
  const doc = page(html, 'https://www.itwire.com/');
  const url = doc.querySelector('base[href]')?.getAttribute('href') ?? '-';
  const { markdown, lines } = exportPage(doc, url);

  it('has the header lines of the story', () => {
    expect(lines[0]).toBe(`# ${expected.title}`);
    expect(lines[2]).toBe(`${expected.byline} · ${expected.published.slice(0, 10)}`);
    expect(lines[4]).toBe(`Source: <${url}>`);
  });

  it('has the lead image at an absolute address and every sentence of the story', () => {
    // The page writes the lead photo's address relative to its <base>.
    const lead = doc.querySelector('img[src*="/media/k2/items/"]');
    const src = lead?.getAttribute('src') ?? '-';
    expect(src.startsWith('/')).toBe(true);
    expect(lines).toContain(`![${lead?.getAttribute('alt')}](${new URL(src, url).href})`);
    const text = normalise(markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
    expect(expected.mustContain.map(normalise).filter((s) => !text.includes(s))).toEqual([]);
  });
});

describe('Markdown conversion details', () => {
  const doc = page('<body></body>', 'https://news.example.org/story.html');
  function convert(body: string, meta: { byline?: string | null; published?: string | null } = {}): string {
    const content = doc.createElement('div');
    content.append(sanitizeToFragment(body, doc));
    return articleToMarkdown({ title: 'A *bold* claim', byline: meta.byline ?? null, published: meta.published ?? null, url: 'https://news.example.org/story.html', content }, LABELS);
  }

  it('keeps the language of a code block named by its class', () => {
    // The sanitizer drops class attributes, so this builds the block directly, as a page that kept them would.
    const content = doc.createElement('div');
    const pre = doc.createElement('pre');
    const code = doc.createElement('code');
    code.className = 'language-ts';
    code.textContent = 'const a = 1;\n\tif (a) {\n\t\treturn;\n\t}\n';
    pre.append(code);
    content.append(pre);
    const md = articleToMarkdown({ title: 'T', byline: null, published: null, url: 'https://x.example/', content }, LABELS);
    expect(md).toContain('```ts\nconst a = 1;\n\tif (a) {\n\t\treturn;\n\t}\n```');
  });

  it('uses a longer fence when the code holds backticks, and fences a <pre> without <code>', () => {
    const md = convert('<pre>echo ```\n  done</pre>');
    expect(md).toContain('\n````\necho ```\n  done\n````\n');
  });

  it('escapes pipes inside table cells and keeps a cell on one line', () => {
    const md = convert('<table><thead><tr><th>Flag</th><th>Meaning</th></tr></thead><tbody><tr><td>a|b</td><td><p>one</p><p>two</p></td></tr></tbody></table>');
    expect(md).toContain('| Flag | Meaning |\n| --- | --- |\n| a\\|b | one two |');
  });

  it('resolves relative image and link addresses against the page', () => {
    const md = convert('<p><a href="/other.html">other</a> <img src="img/a b.png" alt="A"></p>');
    expect(md).toContain('[other](https://news.example.org/other.html)');
    expect(md).toContain('![A](https://news.example.org/img/a%20b.png)');
  });

  it('escapes Markdown in the title and leaves out a missing byline and date', () => {
    const md = convert('<p>Body.</p>');
    expect(md.split('\n').slice(0, 5)).toEqual(['# A \\*bold\\* claim', '', 'Source: <https://news.example.org/story.html>', '', 'Body.']);
  });

  it('writes only the calendar date of the publication time', () => {
    expect(isoDate('2018-05-15T09:19:00+10:00')).toBe('2018-05-15');
    expect(isoDate('2026-03-14')).toBe('2026-03-14');
    expect(isoDate('14 March 2026')).toBeNull();
    expect(isoDate(null)).toBeNull();
  });

  it('makes a file name from the title', () => {
    expect(slugify('US Govt divided on whether to hit Kaspersky with more sanctions')).toBe('us-govt-divided-on-whether-to-hit-kaspersky-with-more-sanctions');
    expect(slugify('Straße & Café: «Ärger» über Öl!')).toBe('strasse-cafe-arger-uber-ol');
    expect(slugify('???')).toBe('article');
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(80);
    expect(slugify('word '.repeat(40))).not.toMatch(/-$/);
  });
});
