/** Test helpers: build jsdom documents from fixture files or inline HTML. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../../../src/cli/extract-html.js';

export const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

export function page(html: string, url = 'https://news.example.org/news/story.html'): Document {
  return parseHtml(html, url);
}

export function fixture(name: string, url?: string): Document {
  return page(readFileSync(join(FIXTURES, name), 'utf8'), url);
}

/** A minimal article page: headline, byline slot, body paragraphs, extra blocks where `extra` says. */
export function articlePage(parts: { head?: string; beforeBody?: string; body?: string; afterBody?: string; aside?: string; lang?: string }): string {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i} of the story explains in plain words what happened, who was involved, and why it matters to the people who read it every day.</p>`;
  const body = parts.body ?? Array.from({ length: 8 }, (_, i) => paragraph(i + 1)).join('\n');
  return `<!doctype html><html lang="${parts.lang ?? 'en'}"><head><title>Council approves the new river bridge - Example News</title>${parts.head ?? ''}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Council approves the new river bridge</h1>${parts.beforeBody ?? ''}
<div class="story">${body}</div>${parts.afterBody ?? ''}</article>${parts.aside ?? ''}</main>
<footer>Copyright Example News</footer></body></html>`;
}

/** Every fixture page that has an expected-result file beside it. */
export function fixturesWithExpectations(): Array<{ name: string; expected: Record<string, unknown> }> {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => ({ name: f.replace('.expected.json', '.html'), expected: JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Record<string, unknown> }));
}

export const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
