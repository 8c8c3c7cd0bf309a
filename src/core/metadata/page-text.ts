/**
 * Evidence from what the reader sees: the headline, and the byline and date printed near it.
 * "Near" is measured in elements of document order from the headline, so a date in a teaser, a related
 * link or a comment far below the article never wins over the one under the headline.
 */
import { attributeTokens, elementsUnder, textOf } from '../dom.js';
import { cleanByline } from './byline.js';
import { normaliseMachineDate, parseDateText } from './dates.js';

/** How far (in elements of document order) from the headline a byline or date may sit. */
export const NEAR_HEADLINE_ELEMENTS = 120;

/** Bylines and date lines are short. */
const MAX_BYLINE_TEXT = 120;
const MAX_DATE_TEXT = 160;

/**
 * Containers whose dates and names belong to other things: comments, teasers, related links, sidebars.
 * Matched on class/id tokens; `widget` only as a whole class (WordPress sidebar widgets), since page builders
 * prefix every block with "…-widget".
 */
const FOREIGN_TOKENS = /comment|related|teaser|recommend|sidebar|(?:^|\s)widget(?:[\s_]|$)/;
/** Elements that hold navigation, asides and page footers, unless marked as the article's own meta box. */
const FOREIGN_TAGS = new Set(['aside', 'nav', 'footer']);
/** An `<aside class="meta">` or `<footer class="entry-meta">` inside the article holds its own byline and date. */
const OWN_META_TOKENS = /meta|byline|author|date|info|detail|posted/;

/**
 * True when `el` sits in a container of other content (comments, teasers, related links, sidebars, navigation).
 * A container that also holds the headline is the article itself (a body class "has-sidebar", an article
 * wrapper "post-with-comments"), so it does not count.
 */
function inForeignContainer(el: Element, headline: Element | null): boolean {
  for (let a: Element | null = el; a && a.localName !== 'body'; a = a.parentElement) {
    if (headline && a.contains(headline)) return false;
    const tokens = attributeTokens(a);
    if (FOREIGN_TOKENS.test(tokens) || /comment/i.test(a.getAttribute('itemtype') ?? '')) return true;
    if (FOREIGN_TAGS.has(a.localName) && !OWN_META_TOKENS.test(tokens)) return true;
  }
  return false;
}

const BYLINE_TOKEN = /(?:^|[\s_-])(?:byline|by-line|bylines|author|authors|author-?name|authorname|article-?author|post-?author|entry-?author|writer|autor|auteur|autore|contributor|reporter|creator)(?=$|[\s_-])/;
const DATE_TOKEN = /date|time|publish|posted|dateline|timestamp|datum|fecha|data|meta/;
const MODIFIED_WORDS = /\b(?:updated?|modified|last updated|aktualisiert|mis à jour|actualizado|aggiornato|bijgewerkt|atualizado|geändert)\b/i;
const BY_PREFIX = /^(?:by|von|par|por|di|door|av|af)\s+\p{Lu}/u;

export interface PageIndex {
  elements: Element[];
  order: Map<Element, number>;
}

export function indexDocument(body: Element): PageIndex {
  const elements = elementsUnder(body);
  const order = new Map<Element, number>();
  elements.forEach((el, i) => order.set(el, i));
  return { elements, order };
}

export function normaliseTitle(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’“”"'«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Title candidates: the page title and its parts around site-name separators, og:title, JSON-LD headline. */
export function titleCandidates(doc: Document, extra: ReadonlyArray<string | null | undefined>): string[] {
  const out = new Set<string>();
  const add = (t: string | null | undefined) => {
    const n = t ? normaliseTitle(t) : '';
    if (n.length >= 8) out.add(n);
  };
  extra.forEach(add);
  add(doc.title);
  for (const part of doc.title.split(/\s+[|\-–—:·•»]\s+/)) add(part);
  return [...out];
}

/** The article's headline element: the h1/h2 whose text matches a title candidate, else the only h1. */
export function findHeadline(root: ParentNode, titles: readonly string[]): Element | null {
  const headings = Array.from(root.querySelectorAll('h1, h2'));
  let best: Element | null = null;
  let bestScore = 0;
  for (const heading of headings) {
    const text = normaliseTitle(textOf(heading));
    if (text.length < 8) continue;
    let score = 0;
    for (const title of titles) {
      if (text === title) score = Math.max(score, 3);
      else if (title.includes(text) || text.includes(title)) score = Math.max(score, 2);
    }
    if (score > 0 && heading.localName === 'h1') score += 0.5;
    if (score > bestScore) {
      best = heading;
      bestScore = score;
    }
  }
  if (best) return best;
  const h1s = headings.filter((h) => h.localName === 'h1');
  return h1s.length === 1 ? (h1s[0] ?? null) : null;
}

function distance(index: PageIndex, el: Element, headline: Element | null): number {
  if (!headline) return index.order.get(el) ?? Infinity;
  const a = index.order.get(el);
  const h = index.order.get(headline);
  if (a === undefined || h === undefined) return Infinity;
  // Bylines and dates sit just above or below the headline; below is slightly more common for bylines.
  return a >= h ? a - h : (h - a) * 1.5;
}

function tokensOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('rel') ?? ''}`.toLowerCase();
}

/** The byline printed near the headline, or null. */
export function bylineNearHeadline(index: PageIndex, headline: Element | null): string | null {
  let best: { name: string; d: number } | null = null;
  for (const el of index.elements) {
    const tokens = tokensOf(el);
    const marked = BYLINE_TOKEN.test(tokens) || /(?:^|\s)author(?:\s|$)/.test(el.getAttribute('rel') ?? '');
    if (!marked && el.childElementCount > 2) continue;
    const text = textOf(el);
    if (!text || text.length > MAX_BYLINE_TEXT) continue;
    if (!marked && !BY_PREFIX.test(text)) continue;
    const d = distance(index, el, headline);
    if (d > NEAR_HEADLINE_ELEMENTS || (best && d >= best.d)) continue;
    if (inForeignContainer(el, headline)) continue;
    const name = cleanByline(text);
    if (name) best = { name, d };
  }
  return best?.name ?? null;
}

export interface PageDates {
  published: string | null;
  publishedSource: 'time-element' | 'page-text' | null;
  modified: string | null;
}

/** Dates printed near the headline: `<time>` elements first, then short date lines. */
export function datesNearHeadline(index: PageIndex, headline: Element | null, monthFirst: boolean): PageDates {
  let time: { value: string; d: number } | null = null;
  let text: { value: string; d: number } | null = null;
  let modified: { value: string; d: number } | null = null;
  for (const el of index.elements) {
    const isTime = el.localName === 'time';
    const tokens = isTime ? '' : tokensOf(el);
    if (!isTime && (el.childElementCount > 3 || !DATE_TOKEN.test(tokens))) continue;
    const content = textOf(el);
    if (content.length > MAX_DATE_TEXT) continue;
    const d = distance(index, el, headline);
    if (d > NEAR_HEADLINE_ELEMENTS) continue;
    const label = `${content} ${tokens} ${el.parentElement ? textOf(el.parentElement).slice(0, 60) : ''}`;
    const isModified = MODIFIED_WORDS.test(isTime ? `${content} ${tokensOf(el)}` : label) && !/publi|posted|veröffentlicht/i.test(content);
    const value = isTime
      ? (normaliseMachineDate(el.getAttribute('datetime')) ?? parseDateText(content, monthFirst))
      : (normaliseMachineDate(el.getAttribute('content') ?? el.getAttribute('datetime')) ?? parseDateText(content, monthFirst));
    if (!value) continue;
    if (inForeignContainer(el, headline)) continue;
    if (isModified) {
      if (!modified || d < modified.d) modified = { value, d };
      continue;
    }
    if (isTime) {
      if (!time || d < time.d) time = { value, d };
    } else if (!text || d < text.d) text = { value, d };
  }
  if (time) return { published: time.value, publishedSource: 'time-element', modified: modified?.value ?? null };
  if (text) return { published: text.value, publishedSource: 'page-text', modified: modified?.value ?? null };
  return { published: null, publishedSource: null, modified: modified?.value ?? null };
}
