/**
 * detectArticle: a cheap "is this an article?" classifier (no clone, no Readability) for the popup and auto
 * mode. An article has one block of running text; a home page, section front, listing or search page has
 * many short teasers, each a linked heading with a sentence under it.
 */
import { descendantsIn, elementsUnder, textOf } from './dom.js';
import { AUTHOR_META_KEYS, GENERIC_DATE_META_KEYS, PUBLISHED_META_KEYS } from './metadata/meta-tags.js';
import { articleRegion, bareTextContainers, mainTextBlock, MIN_ARTICLE_CHARS } from './region.js';
import type { DetectionResult } from './types.js';

/**
 * A news brief: where the publisher both declares the page an article (schema.org or og:type) and dates it or
 * names its author, a few short paragraphs are enough (about 50 words). Listings that declare themselves
 * articles still fail the teaser checks below.
 */
const MIN_DECLARED_ARTICLE_CHARS = 300;
/** Past this, the text block is long enough to be confidently an article. */
const LONG_ARTICLE_CHARS = 1500;
/** A listing shows many linked headings ("teasers"); an article at most a few in its related box. */
const LISTING_TEASERS = 6;
/** Teasers inside the main text block that make it a listing (with at least one per two paragraphs). */
const MIN_BLOCK_TEASERS = 3;
/** Teaser summaries are a sentence or two; an article's paragraphs are longer on average. */
const MAX_SUMMARY_CHARS = 300;
/**
 * Many teasers and a thin text block (fewer than MIN_ARTICLE_PARAGRAPHS paragraphs, less than this per
 * teaser): a front page whose summaries sit in separate boxes. Only the teasers inside the article region
 * (headline and text block, see region.ts) count where there is one: a short story's "more news" boxes sit
 * beside it, a front page's teasers around its lead story.
 */
const CHARS_PER_TEASER_WITHOUT_BLOCK = 120;
const MIN_ARTICLE_PARAGRAPHS = 3;

/** schema.org types of one article, as JSON-LD's "@type" or microdata's itemtype names them. */
const ARTICLE_TYPES = '[A-Za-z]*NewsArticle|Article|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report';
const ARTICLE_JSONLD = new RegExp(`"@type"\\s*:\\s*(?:\\[[^\\]]*)?"(?:${ARTICLE_TYPES})"`);
const LISTING_JSONLD = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:CollectionPage|SearchResultsPage|ItemList)"/;
export const SEARCH_URL = /[?&](?:q|s|query|search|keywords?|term)=|\/search(?:[/?]|$)/i;
const LISTING_URL = /\/(?:tags?|category|categories|topics?|section|sections|archives?|authors?|page\/\d+)(?:\/|$)/i;
/**
 * A dated story: a year and month in the path, then a slug. Sites file stories under listing words too
 * ("/ideas/archive/2020/08/californias-disasters/615610/"), while a dated listing ends at the date ("/archive/2020/08/").
 */
const DATED_STORY_PATH = /\/(?:19|20)\d{2}\/(?:0?[1-9]|1[0-2])\/(?:(?:0?[1-9]|[12]\d|3[01])\/)?[^/]*[a-z]{3}/i;

/** A listing's path: a tag, category, topic, section, archive or author page, or a page number; not a dated story filed under one. */
export function isListingPath(path: string): boolean {
  return LISTING_URL.test(path) && !DATED_STORY_PATH.test(path);
}

/** What one walk over the page finds: the evidence every signal below is computed from. */
export interface PageScan {
  /** The container with the most running text (see region.ts), and its size. */
  block: ReturnType<typeof mainTextBlock>;
  teasers: number;
  jsonLd: string;
  ogType: string;
  hasPublished: boolean;
  /**
   * The page names an author: meta author, rel/itemprop author, or an element classed as a byline. The selector
   * scan leaves out byline classes, its costliest query in a browser: ask `hasBylineClass` where it matters.
   */
  hasByline: boolean;
  /** Whether `hasByline` includes byline classes (the walk: yes; the selector scan: no). */
  bylineClassesChecked: boolean;
}

/**
 * Meta tags that date the page or name its author: the metadata reader's keys, but Dublin Core's bare "date"
 * (any date in the page's life, home pages included) and twitter:data1 (any label, often a reading time).
 */
const PUBLISHED_META: ReadonlySet<string> = new Set(PUBLISHED_META_KEYS.filter((key) => !GENERIC_DATE_META_KEYS.has(key)));
const AUTHOR_META: ReadonlySet<string> = new Set(AUTHOR_META_KEYS.filter((key) => key !== 'twitter:data1'));
/** A microdata itemtype address naming one of those types. */
const ARTICLE_ITEMTYPE = new RegExp(`schema\\.org/(?:${ARTICLE_TYPES})$`, 'i');
/** What a page's meta tags say about it (both scans read them the same way). */
interface MetaFindings {
  ogType: string;
  hasPublished: boolean;
  hasByline: boolean;
}

function noteMeta(meta: Element, found: MetaFindings): void {
  const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
  if (key === 'og:type') found.ogType = (meta.getAttribute('content') ?? '').toLowerCase();
  else if (PUBLISHED_META.has(key)) found.hasPublished = true;
  else if (AUTHOR_META.has(key) && meta.getAttribute('content')?.trim()) found.hasByline = true;
}

/** Class tokens of a byline element (checked only until one is found: the walk stays one pass). */
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|author|autor|auteur)(?:$|[\s_-])/i;
/** rel="author", itemprop="author" and the like. */
const AUTHOR_ATTRIBUTE = /author/i;

/** Headings that are (almost) entirely one link: the teasers of a listing. */
function isTeaser(heading: Element): boolean {
  const link = heading.getElementsByTagName('a')[0];
  if (!link || !link.hasAttribute('href')) return false;
  const length = textOf(heading).length;
  return length >= 15 && textOf(link).length >= length * 0.7;
}

/** Teaser headings inside `container` (per tag name: native collections, no walk over every element). */
function teasersIn(container: Element): number {
  let count = 0;
  for (const tag of ['h2', 'h3', 'h4']) {
    const headings = container.getElementsByTagName(tag);
    for (let i = 0; i < headings.length; i++) if (isTeaser(headings[i] as Element)) count++;
  }
  return count;
}

/** A byline class, or rel/itemprop "author": an element that names the page's author. */
function marksAuthor(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (cls !== null && BYLINE_CLASS.test(cls)) return true;
  const rel = el.getAttribute('rel');
  if (rel !== null && AUTHOR_ATTRIBUTE.test(rel)) return true;
  const itemprop = el.getAttribute('itemprop');
  return itemprop !== null && AUTHOR_ATTRIBUTE.test(itemprop);
}

/**
 * One walk over the whole document (head included): scripts, meta tags, headings and paragraphs. `elements` is
 * that walk (every element under `<html>`, in document order), for a caller that reuses it; `bodyElements` the
 * part of it under `<body>`.
 */
export function scanPage(
  doc: Document,
  elements: readonly Element[] = elementsUnder(doc.documentElement),
  bodyElements: readonly Element[] | null = null,
): PageScan {
  let teasers = 0;
  let jsonLd = '';
  const found: MetaFindings = { ogType: '', hasPublished: false, hasByline: false };
  for (const el of elements) {
    // Many elements carry no attribute at all: one call tells, and spares the attribute reads below.
    const attributed = el.hasAttributes();
    if (attributed && !found.hasByline && marksAuthor(el)) found.hasByline = true;
    switch (el.localName) {
      case 'script':
        if ((el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') jsonLd += `${el.textContent ?? ''}\n`;
        break;
      case 'meta':
        noteMeta(el, found);
        break;
      case 'time':
        if (el.hasAttribute('datetime')) found.hasPublished = true;
        break;
      case 'h2':
      case 'h3':
      case 'h4':
        if (isTeaser(el)) teasers++;
        break;
      default:
        if (attributed && !found.hasPublished && el.getAttribute('itemprop') === 'datePublished') found.hasPublished = true;
    }
  }
  const block = doc.body ? mainTextBlock(doc.body, bodyElements ?? descendantsIn(elements, doc.body)) : { container: null, chars: 0, paragraphs: 0 };
  return { block, teasers, jsonLd, ...found, bylineClassesChecked: true };
}

/**
 * The same scan as scanPage, by selectors: a few native `querySelectorAll` calls instead of a walk that crosses
 * from script to DOM for every element. In a browser this is several times faster (the auto-mode detector runs
 * it on every page); in jsdom, whose selector engine is script, the walk is faster, so extraction keeps scanPage.
 * Two shortcuts: bare-text containers are looked at only when the paragraphs alone make no article (500
 * characters), and only those holding a text node long enough to be a line of running text. So the block differs
 * where bare text outweighs 500 characters of paragraphs, or comes only in short pieces (the unit tests check
 * that both scans agree on every fixture page).
 */
export function scanPageBySelectors(doc: Document): PageScan {
  let jsonLd = '';
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if ((script.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') jsonLd += `${script.textContent ?? ''}\n`;
  }
  const found: MetaFindings = { ogType: '', hasPublished: false, hasByline: false };
  for (const meta of Array.from(doc.querySelectorAll('meta'))) noteMeta(meta, found);
  // scanPage's tests, but byline classes (see hasBylineClass); each query only while the meta tags left it open.
  found.hasPublished ||= doc.querySelector('time[datetime], [itemprop="datePublished"]') !== null;
  found.hasByline ||= doc.querySelector('[rel*="author" i], [itemprop*="author" i]') !== null;
  let teasers = 0;
  for (const heading of Array.from(doc.querySelectorAll('h2, h3, h4'))) if (isTeaser(heading)) teasers++;
  // Paragraphs first (a short list); bare text only when the paragraphs alone do not make an article.
  let block: PageScan['block'] = { container: null, chars: 0, paragraphs: 0 };
  if (doc.body) {
    const paragraphs = Array.from(doc.body.querySelectorAll('p, pre'));
    block = mainTextBlock(doc.body, paragraphs);
    if (block.chars < MIN_ARTICLE_CHARS) block = mainTextBlock(doc.body, inDocumentOrder(paragraphs, bareTextContainers(doc.body)));
  }
  return { block, teasers, jsonLd, ...found, bylineClassesChecked: false };
}

/**
 * Paragraphs (in document order) and bare-text containers (in the order of their text, close to it) merged into
 * one list for mainTextBlock, whose ties go to the first container credited. Few containers: a short merge.
 */
function inDocumentOrder(a: readonly Element[], b: readonly Element[]): Element[] {
  if (b.length === 0) return a.slice();
  const out: Element[] = [];
  let i = 0;
  for (const el of b) {
    while (i < a.length && a[i]!.compareDocumentPosition(el) & 4 /* el FOLLOWS a[i] */) out.push(a[i++]!);
    out.push(el);
  }
  while (i < a.length) out.push(a[i++]!);
  return out;
}

/** True when an element has a byline class token (what scanPage also counts as `hasByline`), by selector. */
export function hasBylineClass(doc: Document): boolean {
  for (const el of Array.from(doc.querySelectorAll('[class*="byline" i], [class*="author" i], [class*="autor" i], [class*="auteur" i]'))) {
    if (BYLINE_CLASS.test(el.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** The path and query of a page address, or null when it does not parse. */
export function addressParts(url: string): { path: string; query: string } | null {
  try {
    const parsed = new URL(url);
    return { path: parsed.pathname, query: parsed.search };
  } catch {
    return null;
  }
}

/**
 * True when JSON-LD or og:type says the page itself is an article, or schema.org microdata marks the main text
 * block as one (the item around the block, not any item on the page: listings mark every teaser).
 */
function isStructuredArticle(scan: Pick<PageScan, 'jsonLd' | 'ogType' | 'block'>): boolean {
  if (ARTICLE_JSONLD.test(scan.jsonLd) || scan.ogType === 'article') return true;
  for (let el = scan.block.container?.closest('[itemtype]') ?? null; el; el = el.parentElement?.closest('[itemtype]') ?? null) {
    if (ARTICLE_ITEMTYPE.test((el.getAttribute('itemtype') ?? '').trim())) return true;
  }
  return false;
}

export function detectArticle(doc: Document, url: string = doc.URL, scan: PageScan | null = null): DetectionResult {
  const signals: string[] = [];
  if (!doc.body || !doc.documentElement) return { isArticle: false, confidence: 0, signals: ['no-body'] };
  const pageScan = scan ?? scanPage(doc);
  const { block, teasers, jsonLd, ogType, hasPublished } = pageScan;

  const structuredArticle = isStructuredArticle({ jsonLd, ogType, block });
  const structuredListing = LISTING_JSONLD.test(jsonLd) && !structuredArticle;
  if (structuredArticle) signals.push('structured-article');
  if (structuredListing) signals.push('structured-listing');
  if (hasPublished) signals.push('published-date');

  // No usable URL: judge by content alone.
  const { path, query: search } = addressParts(url) ?? { path: '/', query: '' };
  const searchPage = SEARCH_URL.test(path + search);
  const listingUrl = isListingPath(path);
  if (searchPage) signals.push('search-url');
  if (listingUrl) signals.push('listing-url');

  if (block.chars >= MIN_ARTICLE_CHARS) signals.push(`text-block:${block.chars}`);
  if (teasers >= LISTING_TEASERS) signals.push(`teasers:${teasers}`);

  // A listing's text block is its teasers' summaries: linked headings alternate with one-line paragraphs.
  // Teasers elsewhere on the page (related boxes, sidebars) say nothing about the main block.
  const blockTeasers = block.container ? teasersIn(block.container) : 0;
  if (blockTeasers) signals.push(`block-teasers:${blockTeasers}`);
  const thinBlockAmong = (count: number) =>
    count >= LISTING_TEASERS && block.chars < count * CHARS_PER_TEASER_WITHOUT_BLOCK && block.paragraphs < MIN_ARTICLE_PARAGRAPHS;
  const summariesInBlock =
    blockTeasers >= MIN_BLOCK_TEASERS && blockTeasers * 2 >= block.paragraphs && block.chars / block.paragraphs <= MAX_SUMMARY_CHARS;
  let thinBlock = thinBlockAmong(teasers);
  if (thinBlock && !summariesInBlock) {
    const region = articleRegion(doc.body, doc.body.getElementsByTagName('h1')[0] ?? null, block.container);
    if (region) {
      const regionTeasers = teasersIn(region);
      signals.push(`region-teasers:${regionTeasers}`);
      thinBlock = thinBlockAmong(regionTeasers);
    }
  }
  const listingByTeasers = summariesInBlock || thinBlock;
  // A brief's length decides only between the two minimums; byline classes (a query in the selector scan) are
  // looked for only then.
  const brief = structuredArticle && block.chars >= MIN_DECLARED_ARTICLE_CHARS && block.chars < MIN_ARTICLE_CHARS;
  const signed = brief && !hasPublished && (pageScan.hasByline || (!pageScan.bylineClassesChecked && hasBylineClass(doc)));
  const minChars = structuredArticle && (hasPublished || signed) ? MIN_DECLARED_ARTICLE_CHARS : MIN_ARTICLE_CHARS;
  const isArticle =
    block.chars >= minChars && !listingByTeasers && !structuredListing && !searchPage && !(listingUrl && !structuredArticle);

  let confidence = 0;
  if (isArticle) {
    confidence = block.chars >= LONG_ARTICLE_CHARS ? 0.5 : 0.35;
    if (structuredArticle) confidence += 0.3;
    if (hasPublished) confidence += 0.15;
    if (block.paragraphs >= 3) confidence += 0.05;
    confidence = Math.min(1, confidence);
  }
  return { isArticle, confidence: Math.round(confidence * 100) / 100, signals };
}
