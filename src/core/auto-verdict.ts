/**
 * The auto-mode verdict: is this page one news or blog article, by several independent signals? Auto mode
 * opens the reader without being asked, so a wrong "yes" on a home page or a search page costs the user far
 * more than a missed article (the toolbar button is still there). Pure and small: the detector bundle that
 * runs on every page when auto mode is on is built from this, `detect.ts` and the site rules, nothing more.
 */
import { addressParts, detectArticle, hasBylineClass, LISTING_URL, LONG_ARTICLE_CHARS, scanPageBySelectors, SEARCH_URL, type PageScan } from './detect.js';

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
/** Listing pages by query: ?page=3, ?p=2 with a sort or filter, ?tag=, ?category=. */
const LISTING_QUERY = /[?&](?:page|paged|tag|category|cat|sort|filter)=/i;
/** A dated permalink: /2019/10/21/slug, /2020/02/story, /2023-05-04/slug. */
const DATED_PATH = /\/(?:19|20)\d{2}[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)/;
/** The page declares itself something else: a product, a profile, a job, an event, a FAQ or a place. */
const OTHER_PAGE_TYPE = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:Product|ProfilePage|JobPosting|Event|FAQPage|LocalBusiness|SoftwareApplication|Course)"/;
/** Running text with a printed byline or date: about 120 words, a short news item. */
const MIN_CHARS_WITH_PRINTED_EVIDENCE = 700;
/** Running text with no word from the publisher at all: twice what detectArticle calls long. */
const MIN_CHARS_WITHOUT_EVIDENCE = 2 * LONG_ARTICLE_CHARS;

/**
 * Three independent kinds of evidence: the page's text (one long block of running text, not teasers:
 * `detectArticle`), its address (not a home, search or listing address) and what the publisher says or prints
 * (schema.org Article types or og:type article; else a byline, a publication date or a dated permalink), or,
 * failing that, a great deal of running text. The news verdict needs all three; "always" sites the first two.
 *
 * `scan` defaults to the selector scan, the fast one in browsers. Under jsdom pass `scanPage(doc)` (the same
 * result, checked by the unit tests): jsdom's selector engine keeps every document it queried alive.
 */
export function autoVerdict(doc: Document, url: string = doc.URL, scan: PageScan = scanPageBySelectors(doc)): AutoVerdict {
  const detection = detectArticle(doc, url, scan);
  const signals = [...detection.signals];
  // No usable address: treated as a home page, so auto mode stays closed.
  const { path, query } = addressParts(url) ?? { path: '/', query: '' };
  const homeUrl = HOME_PATH.test(path);
  const listingAddress = homeUrl || SEARCH_URL.test(path + query) || LISTING_URL.test(path) || LISTING_QUERY.test(query);
  if (homeUrl) signals.push('home-url');
  const isArticle = detection.isArticle && !listingAddress;

  const structured = detection.signals.includes('structured-article');
  const otherType = OTHER_PAGE_TYPE.test(scan.jsonLd) && !structured;
  const datedUrl = DATED_PATH.test(path);
  if (otherType) signals.push('structured-other');
  if (datedUrl) signals.push('dated-url');
  // The publisher's word: a structured article type is enough with any article-length text (detectArticle's
  // minimum); a printed byline or date, or a dated permalink, with the length of a short news item; without any of
  // them, only text twice as long as detectArticle calls long.
  const chars = scan.block.chars;
  const candidate = isArticle && !otherType && !structured;
  // Byline classes (the selector scan's costliest query) are looked for only where they decide the verdict.
  const bylineDecides =
    candidate && !scan.hasPublished && !datedUrl && chars >= MIN_CHARS_WITH_PRINTED_EVIDENCE && chars < MIN_CHARS_WITHOUT_EVIDENCE;
  const hasByline = scan.hasByline || (bylineDecides && !scan.bylineClassesChecked && hasBylineClass(doc));
  if (hasByline) signals.push('byline');
  const printed = scan.hasPublished || datedUrl || hasByline;
  const evidence = structured || (printed && chars >= MIN_CHARS_WITH_PRINTED_EVIDENCE) || chars >= MIN_CHARS_WITHOUT_EVIDENCE;
  const isNewsArticle = isArticle && !otherType && evidence;
  return { isArticle, isNewsArticle, signals };
}
