/**
 * detectArticle: a cheap "is this an article?" classifier (no clone, no Readability) for the popup and auto
 * mode. An article has one block of running text; a home page, section front, listing or search page has
 * many short teasers, each a linked heading with a sentence under it.
 */
import { textOf } from './dom.js';
import { mainTextBlock } from './region.js';
import type { DetectionResult } from './types.js';

/** The largest block of running text must hold at least this much for a page to be an article. */
const MIN_ARTICLE_CHARS = 500;
/** Past this, the text block is long enough to be confidently an article. */
const LONG_ARTICLE_CHARS = 1500;
/** A listing shows many linked headings ("teasers"); an article at most a few in its related box. */
const LISTING_TEASERS = 6;
/** Each teaser on a page must be outweighed by this much running text for the page to stay an article. */
const CHARS_PER_TEASER = 250;

const ARTICLE_JSONLD = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:[A-Za-z]*NewsArticle|Article|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report)"/;
const LISTING_JSONLD = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:CollectionPage|SearchResultsPage|ItemList)"/;
const SEARCH_URL = /[?&](?:q|s|query|search|keywords?|term)=|\/search(?:[/?]|$)/i;
const LISTING_URL = /\/(?:tags?|category|categories|topics?|section|sections|archives?|authors?|page\/\d+)(?:\/|$)/i;

function metaContent(doc: Document, selector: string): string {
  return doc.querySelector(selector)?.getAttribute('content')?.toLowerCase() ?? '';
}

/** Headings that are (almost) entirely one link: the teasers of a listing. */
function countTeasers(doc: Document): number {
  let count = 0;
  for (const heading of Array.from(doc.querySelectorAll('h2, h3, h4'))) {
    const link = heading.querySelector('a[href]');
    if (!link) continue;
    const text = textOf(heading);
    if (text.length >= 15 && textOf(link).length >= text.length * 0.7) count++;
  }
  return count;
}

export function detectArticle(doc: Document, url: string = doc.URL): DetectionResult {
  const signals: string[] = [];
  if (!doc.body) return { isArticle: false, confidence: 0, signals: ['no-body'] };

  const jsonLd = Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))
    .map((s) => s.textContent ?? '')
    .join('\n');
  const structuredArticle =
    ARTICLE_JSONLD.test(jsonLd) || metaContent(doc, 'meta[property="og:type" i], meta[name="og:type" i]') === 'article';
  const structuredListing = LISTING_JSONLD.test(jsonLd) && !ARTICLE_JSONLD.test(jsonLd);
  const hasPublished = doc.querySelector('meta[property="article:published_time" i], meta[name="article:published_time" i], meta[itemprop="datePublished" i], [itemprop="datePublished"], time[datetime]') !== null;
  if (structuredArticle) signals.push('structured-article');
  if (structuredListing) signals.push('structured-listing');
  if (hasPublished) signals.push('published-date');

  let path = '/';
  let search = '';
  try {
    const parsed = new URL(url);
    path = parsed.pathname;
    search = parsed.search;
  } catch {
    // No usable URL: judge by content alone.
  }
  const searchPage = SEARCH_URL.test(path + search);
  const listingUrl = LISTING_URL.test(path);
  if (searchPage) signals.push('search-url');
  if (listingUrl) signals.push('listing-url');

  const block = mainTextBlock(doc.body);
  const teasers = countTeasers(doc);
  if (block.chars >= MIN_ARTICLE_CHARS) signals.push(`text-block:${block.chars}`);
  if (teasers >= LISTING_TEASERS) signals.push(`teasers:${teasers}`);

  const listingByTeasers = teasers >= LISTING_TEASERS && block.chars < teasers * CHARS_PER_TEASER;
  const isArticle =
    block.chars >= MIN_ARTICLE_CHARS && !listingByTeasers && !structuredListing && !searchPage && !(listingUrl && !structuredArticle);

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
