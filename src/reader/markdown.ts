/**
 * The article as Markdown: a `# Title` line, a byline · date line, the source address, then the body converted
 * by Turndown with the GitHub Flavored Markdown plugin (pipe tables). Pure: DOM in, string out; no extension
 * APIs, so it runs under jsdom in the unit tests (tests/unit/reader-markdown.test.ts).
 *
 * The body it converts is the reader's own `.cp-content`, which went through the sanitizer: never the page's HTML.
 * Turndown works on a clone, so the reader's DOM is left as it is.
 */
import { NOTE_ID_PREFIX } from '../core/repair/note-links.js';
import TurndownService from 'turndown';
import { tables } from 'turndown-plugin-gfm';

export interface MarkdownArticle {
  title: string;
  byline: string | null;
  /** ISO 8601 (the core's `published`); only the calendar date is written. */
  published: string | null;
  /** The page address: written as the source, and the base for relative image and link addresses. */
  url: string;
  /** The article body as the reader shows it. */
  content: Element;
}

export interface MarkdownLabels {
  /** The word before the source address ("Source"), in the reader's language. */
  source: string;
}

/** `class="language-x"` (or `lang-x`, a common alias) on a code block names its language. */
const LANGUAGE_CLASS = /(?:^|\s)lang(?:uage)?-([\w#+.-]+)/;
/** Fences are at least this many backticks (CommonMark's minimum). */
const MIN_FENCE = 3;

/** `YYYY-MM-DD` of an ISO 8601 date or date-time, as the publisher wrote it (no time zone shift), else null. */
export function isoDate(published: string | null): string | null {
  return /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(published?.trim() ?? '')?.[1] ?? null;
}

/** A file name stem from a title: lowercase ASCII words joined by hyphens, at most 80 characters. */
export function slugify(title: string, fallback = 'article'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const short = slug.length > 80 ? slug.slice(0, 80).replace(/-[^-]*$/, '') : slug;
  return short || fallback;
}

function absolute(address: string | null, base: string): string {
  if (!address) return '';
  // A link within the article (a footnote) points at a reader-owned id: in a file it leads back to the page's own.
  if (address.startsWith(`#${NOTE_ID_PREFIX}`)) address = `#${address.slice(NOTE_ID_PREFIX.length + 1)}`;
  try {
    return new URL(address, base).href;
  } catch {
    return address;
  }
}

/** A URL as a Markdown link destination: spaces and parentheses would end it early. */
function destination(url: string): string {
  return url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The longest run of backticks in `text`, plus one, and never under three: a fence the code cannot close. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  return '`'.repeat(Math.max(MIN_FENCE, longest + 1));
}

function languageOf(pre: Element): string {
  for (const node of [pre.querySelector('code'), pre]) {
    const match = LANGUAGE_CLASS.exec(node?.getAttribute('class') ?? '');
    if (match?.[1]) return match[1];
  }
  return '';
}

function isHeadingRow(row: HTMLTableRowElement | undefined): boolean {
  if (!row) return false;
  if (row.parentElement?.localName === 'thead') return true;
  const cells = Array.from(row.cells);
  return cells.length > 0 && cells.every((cell) => cell.localName === 'th') && row === row.parentElement?.querySelector('tr');
}

function converter(base: string): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
  });
  service.use(tables);

  // Rules added later win over earlier ones (Turndown looks them up newest first).

  // Every <pre> is a fenced block, with or without a <code> inside, its text exactly as it was.
  service.addRule('fencedPre', {
    filter: 'pre',
    replacement: (_content, node) => {
      const code = (node.textContent ?? '').replace(/\n$/, '');
      const fence = fenceFor(code);
      return `\n\n${fence}${languageOf(node)}\n${code}\n${fence}\n\n`;
    },
  });

  service.addRule('absoluteImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = absolute(node.getAttribute('src'), base);
      if (!src) return '';
      const alt = service.escape(node.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
      const title = node.getAttribute('title')?.replace(/"/g, '\\"');
      return `![${alt}](${destination(src)}${title ? ` "${title}"` : ''})`;
    },
  });

  service.addRule('absoluteLink', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => {
      const href = absolute(node.getAttribute('href'), base);
      if (!content.trim()) return '';
      const title = node.getAttribute('title')?.replace(/"/g, '\\"');
      return `[${content}](${destination(href)}${title ? ` "${title}"` : ''})`;
    },
  });

  // Pipe tables: a cell stays on one line, and a pipe inside it is escaped so it does not start a new column.
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content, node) => {
      const text = content.replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|').trim();
      return `${node.previousElementSibling ? ' ' : '| '}${text} |`;
    },
  });
  // The caption goes under the table as its own paragraph; inside the rows it would break the table.
  service.addRule('tableCaption', { filter: 'caption', replacement: () => '' });
  service.addRule('pipeTable', {
    filter: (node) => node.nodeName === 'TABLE' && isHeadingRow((node as HTMLTableElement).rows[0]),
    replacement: (content, node) => {
      const rows = content.replace(/\n{2,}/g, '\n').trim();
      const caption = (node as HTMLTableElement).caption?.textContent?.replace(/\s+/g, ' ').trim();
      return `\n\n${rows}\n\n${caption ? `${service.escape(caption)}\n\n` : ''}`;
    },
  });
  // A table with no rows at all says nothing (and the GFM plugin's test would fail on it).
  service.addRule('emptyTable', {
    filter: (node) => node.nodeName === 'TABLE' && (node as HTMLTableElement).rows.length === 0,
    replacement: () => '',
  });

  return service;
}

/** The article as a Markdown document. */
export function articleToMarkdown(article: MarkdownArticle, labels: MarkdownLabels): string {
  const service = converter(article.url);
  const title = service.escape(article.title.replace(/\s+/g, ' ').trim());
  const meta = [article.byline?.replace(/\s+/g, ' ').trim(), isoDate(article.published)]
    .filter((part): part is string => !!part)
    .map((part) => service.escape(part))
    .join(' · ');
  const head = [`# ${title}`, meta, `${labels.source}: <${article.url}>`].filter(Boolean).join('\n\n');
  const body = service.turndown(article.content as HTMLElement).trim();
  return `${head}\n\n${body}\n`;
}
