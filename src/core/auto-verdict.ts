/**
 * The auto-mode verdict: is this page one news or blog article, by several independent signals? Auto mode
 * opens the reader without being asked, so a wrong "yes" on a home page or a search page costs the user far
 * more than a missed article (the toolbar button is still there). Pure and small: the detector bundle that
 * runs on every page when auto mode is on is built from this, `detect.ts` and the site rules, nothing more.
 */
import { linkDensity } from './dom.js';
import { findDateText } from './metadata/dates.js';
import { addressParts, detectArticle, hasBylineClass, isListingPath, scanPageBySelectors, SEARCH_URL, type PageScan } from './detect.js';

export interface AutoVerdict {
  /** An article by `detectArticle`, and not at the root of a site: what a site set to "always" needs. */
  isArticle: boolean;
  /** A news or blog article by independent signals that agree: what "news articles on any site" needs. */
  isNewsArticle: boolean;
  signals: string[];
}

/**
 * A site's or a language's home: "/", "/index.html", "/en/", "/de-at". Home pages lead with a story and its
 * first paragraphs, so their text alone can look like an article.
 */
const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/?)?(?:(?:index|default|home|start)\.[a-z]{2,5})?$/i;
/** One item of a site addressed from its root by number: WordPress' "/?p=123", "/index.php?id=42&article=7". */
const ITEM_QUERY = /[?&](?:p|id|idx|aid|nid|pid|page_id|(?:article|story|post|news)(?:_?id)?|artikel|no)=\d+(?:&|$)/i;
/** Listing pages by query: ?tag=, ?category=, a sort or a filter. */
const LISTING_QUERY = /[?&](?:tag|category|cat|sort|filter)=/i;
/** A page number: a listing's next page, unless the query names one item ("?id=42&page=2": its second page). */
const PAGE_QUERY = /[?&](?:page|paged)=/i;
/** A dated permalink: /2019/10/21/slug, /2020/02/story, /2023-05-04/slug, /20160214/slug, /29-10-2021-slug. */
const DATED_PATH =
  /\/(?:19|20)\d{2}[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)|\/(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[/-]|$)|\/(?:0?[1-9]|[12]\d|3[01])[-.](?:0?[1-9]|1[0-2])[-.](?:19|20)\d{2}(?:[/-]|$)/;
/** The page declares itself something else: a product, a profile, a job, an event, a FAQ or a place. */
const OTHER_PAGE_TYPE = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:Product|ProfilePage|JobPosting|Event|FAQPage|LocalBusiness|SoftwareApplication|Course)"/;
/**
 * Running text with a date from the publisher (in metadata, printed by the headline, or in the address): any
 * article-length text (detectArticle's minimum), so a short dated news item opens.
 */
const MIN_CHARS_WITH_DATE = 500;
/**
 * Running text with a byline, or set in an <article> element: about 120 words. Home pages put bylines under
 * teasers and wrap teasers in <article>, so these ask for more text than a date does.
 */
const MIN_CHARS_WITH_PRINTED_EVIDENCE = 700;
/**
 * Running text with no word from the publisher at all: a full story, about 330 words. Search pages and section
 * fronts with summaries under each result reach detectArticle's "long" (1,500 characters) in one block.
 */
const MIN_CHARS_WITHOUT_EVIDENCE = 2000;
/**
 * Unless the text reads as prose, which search results, archives and fronts do not: from about 170 words, in
 * paragraphs of about 35 words on average (summaries under results and teasers run to a line or two), with
 * under one character in ten inside a link (their linked headlines and "read more" links).
 */
const MIN_PROSE_CHARS = 1000;
const MIN_PROSE_PARAGRAPH_CHARS = 200;
const MAX_PROSE_LINK_DENSITY = 0.1;

/** How much text after the headline a printed date may sit in (a date line, "By Jane Doe | 3 May 2021"). */
const DATE_AFTER_HEADLINE_CHARS = 300;
/** And before it (a kicker and date above the headline). */
const DATE_BEFORE_HEADLINE_CHARS = 150;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, as a number: the constant is not a global in every DOM (jsdom in Node).
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/** Visible text next to `from` in document order, up to `limit` characters, forwards or backwards. */
function textBeside(doc: Document, from: Element, forwards: boolean, limit: number): string {
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  walker.currentNode = from;
  const parts: string[] = [];
  let length = 0;
  for (let node = forwards ? walker.nextNode() : walker.previousNode(); node && length < limit; node = forwards ? walker.nextNode() : walker.previousNode()) {
    if (forwards && from.contains(node)) continue;
    const parent = node.parentElement;
    if (parent && NOT_TEXT.has(parent.localName)) continue;
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    parts.push(text);
    length += text.length + 1;
  }
  return (forwards ? parts : parts.reverse()).join(' ');
}

/** How many of the page's first-level headings to look beside: a site's logo is often the first h1. */
const MAX_HEADLINES = 3;

/**
 * A date printed for readers by the headline: "26.01.2022 | Pressemitteilung", "By Jane Doe, May 3, 2021". The
 * headline is one of the first h1s (sites often make their logo the first), or whatever heads the main text
 * block: the date line sits between headline and story. What a publisher prints on a story and not on a home
 * page, a section front or a product page.
 */
export function hasDateByHeadline(doc: Document, block: Element | null = null): boolean {
  const headlines = doc.body ? Array.from(doc.body.getElementsByTagName('h1')).slice(0, MAX_HEADLINES) : [];
  for (const headline of headlines) {
    if (
      findDateText(textBeside(doc, headline, true, DATE_AFTER_HEADLINE_CHARS)) !== null ||
      findDateText(textBeside(doc, headline, false, DATE_BEFORE_HEADLINE_CHARS)) !== null
    ) {
      return true;
    }
  }
  return block !== null && findDateText(textBeside(doc, block, false, DATE_BEFORE_HEADLINE_CHARS)) !== null;
}

/**
 * The main text block is set in an <article> element: HTML's markup for a self-contained composition (a story,
 * a post). Home pages wrap each teaser in one, but a teaser's text is no article-length block.
 */
function inArticleElement(block: Element | null): boolean {
  return block?.closest('article') != null;
}

/** The main text block reads as prose: long paragraphs, few links (see MIN_PROSE_CHARS). */
function isProse(block: PageScan['block']): boolean {
  return (
    block.container !== null &&
    block.chars / Math.max(1, block.paragraphs) >= MIN_PROSE_PARAGRAPH_CHARS &&
    linkDensity(block.container) < MAX_PROSE_LINK_DENSITY
  );
}

/**
 * Three independent kinds of evidence: the page's text (one long block of running text, not teasers:
 * `detectArticle`), its address (not a home, search or listing address) and what the publisher says or prints
 * (schema.org Article types in JSON-LD or microdata, or og:type article; else a publication date in metadata,
 * printed by the headline or in the address, a byline, or an <article> element around the text), or, failing
 * that, running text that reads as prose (long paragraphs, few links), or a full story's worth of any running
 * text. The news verdict needs all three; "always" sites the first two.
 *
 * `scan` defaults to the selector scan, the fast one in browsers. Under jsdom pass `scanPage(doc)` (the same
 * result, checked by the unit tests): jsdom's selector engine keeps every document it queried alive.
 */
export function autoVerdict(doc: Document, url: string = doc.URL, scan?: PageScan): AutoVerdict {
  // The address first: on a home, search or listing address nothing on the page can open the reader, so the page
  // is not read at all (the detector runs on every page the user visits, fronts and searches included).
  // No usable address: treated as a home page, so auto mode stays closed.
  const { path, query } = addressParts(url) ?? { path: '/', query: '' };
  const itemQuery = ITEM_QUERY.test(query);
  const homeUrl = HOME_PATH.test(path) && !itemQuery;
  const listingAddress = homeUrl || SEARCH_URL.test(path + query) || isListingPath(path) || LISTING_QUERY.test(query) || (PAGE_QUERY.test(query) && !itemQuery);
  if (listingAddress) return { isArticle: false, isNewsArticle: false, signals: [homeUrl ? 'home-url' : 'listing-address'] };

  const pageScan = scan ?? scanPageBySelectors(doc);
  const detection = detectArticle(doc, url, pageScan);
  const signals = [...detection.signals];
  const isArticle = detection.isArticle;

  const structured = detection.signals.includes('structured-article');
  const otherType = OTHER_PAGE_TYPE.test(pageScan.jsonLd) && !structured;
  const datedUrl = DATED_PATH.test(path);
  if (otherType) signals.push('structured-other');
  if (datedUrl) signals.push('dated-url');
  // The publisher's word: a structured article type is enough with any article-length text (detectArticle's
  // minimum); a date (in metadata, printed by the headline, or a dated permalink) with the same; a byline or an
  // <article> element around the text with the length of a short news item; without any of them, only a full
  // story's worth of running text.
  const chars = pageScan.block.chars;
  const candidate = isArticle && !otherType && !structured;
  // The costlier looks (text around the headline, byline classes by selector) are taken only where they decide.
  const dated = pageScan.hasPublished || datedUrl;
  const dateDecides = candidate && !dated && chars >= MIN_CHARS_WITH_DATE && chars < MIN_CHARS_WITHOUT_EVIDENCE;
  const dateByHeadline = dateDecides && hasDateByHeadline(doc, pageScan.block.container);
  if (dateByHeadline) signals.push('date-by-headline');
  const printedDecides = candidate && !dated && !dateByHeadline && chars >= MIN_CHARS_WITH_PRINTED_EVIDENCE && chars < MIN_CHARS_WITHOUT_EVIDENCE;
  // The <article> element first: a walk up from the text block, where byline classes take a query over the page.
  const articleElement = printedDecides && !pageScan.hasByline && inArticleElement(pageScan.block.container);
  if (articleElement) signals.push('article-element');
  const hasByline = pageScan.hasByline || (printedDecides && !articleElement && !pageScan.bylineClassesChecked && hasBylineClass(doc));
  if (hasByline) signals.push('byline');
  const printed = (hasByline || articleElement) && chars >= MIN_CHARS_WITH_PRINTED_EVIDENCE;
  const proseDecides = candidate && !dated && !dateByHeadline && !printed && chars >= MIN_PROSE_CHARS && chars < MIN_CHARS_WITHOUT_EVIDENCE;
  const prose = proseDecides && isProse(pageScan.block);
  if (prose) signals.push('prose');
  const evidence =
    structured ||
    ((dated || dateByHeadline) && chars >= MIN_CHARS_WITH_DATE) ||
    printed ||
    prose ||
    chars >= MIN_CHARS_WITHOUT_EVIDENCE;
  const isNewsArticle = isArticle && !otherType && evidence;
  return { isArticle, isNewsArticle, signals };
}
