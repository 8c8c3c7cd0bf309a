/**
 * extractArticle: the ordered steps from a live document to a typed article, sanitized by default.
 *   detect -> metadata (live page, read-only) -> clone -> strip boilerplate -> note lead figures
 *   -> Readability -> repair (lead figure, kept blocks, header and furniture lines, leftover labels) -> sanitize
 *   (skipped with `sanitizeContent: false`, by a caller that sanitizes at insertion)
 *   -> text and counts
 * The live document is never modified: everything after `clone` works on the copy.
 * A budget (core/budget.ts) bounds the work: too many elements or too much time between steps ends extraction
 * with `budgetExceeded` set, an empty article, instead of a frozen tab.
 */
import { Readability } from '@mozilla/readability';
import { detectArticle, scanPage } from './detect.js';
import { BudgetExceededError, startBudget, type Budget } from './budget.js';
import { cloneForExtraction } from './clone.js';
import { descendantsIn, elementsUnder } from './dom.js';
import { replaceVideoEmbeds, VIDEO_MARK_PATTERN } from './media.js';
import { readMetadata, type MetadataFields, type PageMetadata } from './metadata/index.js';
import { indexDocument } from './metadata/page-text.js';
import { findLeadFigureCandidates, restoreLeadFigure } from './repair/lead-figure.js';
import { removeFurnitureLines } from './repair/furniture-lines.js';
import { removeHeaderLines } from './repair/header-lines.js';
import { noteKeptBlocks, restoreKeptBlocks } from './repair/keep-in-place.js';
import { removeLeftoverLabels } from './repair/leftovers.js';
import { linkNotesInPlace } from './repair/note-links.js';
import { articleRegion } from './region.js';
import { sanitizeInPlace } from './sanitize.js';
import { buildRuleContext, KEPT_ATTRIBUTE, stripBoilerplate } from './strip.js';
import { blockText, countWords, readingMinutes } from './text.js';
import { describeComments, describeStripped } from './transparency.js';
import type { ArticleResult, ExtractOptions, ExtractStep } from './types.js';

function emptyResult(doc: Document): ArticleResult {
  return {
    isArticle: false,
    title: doc.title.trim(),
    byline: null,
    published: null,
    modified: null,
    sources: {},
    siteName: null,
    lang: null,
    dir: null,
    excerpt: null,
    leadImage: null,
    contentHtml: '',
    textContent: '',
    wordCount: 0,
    readingMinutes: 0,
    removed: {},
    stripped: [],
    comments: null,
  };
}

export function extractArticle(doc: Document, options: ExtractOptions = {}): ArticleResult {
  const budget = startBudget(options.budget, options.now);
  try {
    return extractWithin(doc, options, budget);
  } catch (error) {
    if (!(error instanceof BudgetExceededError)) throw error;
    return { ...emptyResult(doc), budgetExceeded: error.reason };
  }
}

function extractWithin(doc: Document, options: ExtractOptions, budget: Budget): ArticleResult {
  const win = doc.defaultView;
  if (!doc.documentElement || !win) return emptyResult(doc);
  const url = options.url ?? doc.URL;
  // Between steps: the budget's time limit, then the caller's hook (the benchmark's breakdown).
  const stepDone = (step: ExtractStep): void => {
    budget.checkTime(step);
    options.onStep?.(step);
  };
  // Counted before anything walks the page: the walks below are what a huge page would make slow.
  budget.checkElements(doc.documentElement, budget.limits.maxBodyElements, 'the page');
  // One walk over the page, shared by the detection scan and the metadata's scans near the headline.
  const pageElements = elementsUnder(doc.documentElement);
  const bodyElements = doc.body ? descendantsIn(pageElements, doc.body) : null;
  const scan = scanPage(doc, pageElements, bodyElements);
  const detection = detectArticle(doc, url, scan);
  stepDone('detection');
  const metadata = readMetadata(doc, doc.baseURI || url, doc.body && bodyElements ? indexDocument(doc.body, bodyElements) : null);
  if (!doc.body) return { ...emptyResult(doc), title: metadata.title ?? doc.title.trim() };
  stepDone('metadata');

  const liveRegion = articleRegion(doc.body, metadata.headline, scan.block.container);
  // What the clone, the rules and Readability work through: the region, or the whole body when there is none.
  budget.checkElements(liveRegion ?? doc.body, budget.limits.maxRegionElements, 'the article region');
  stepDone('region');
  const copy = cloneForExtraction(doc, doc.baseURI || url, [metadata.headline, liveRegion], liveRegion);
  const clone = copy.doc;
  const body = clone.body;
  const headline = copy.copyOf(metadata.headline);
  const region = copy.copyOf(liveRegion);
  stepDone('clone');
  // Only the extension marks kept blocks: a page's own data-cp-kept attributes mean nothing.
  for (const marked of Array.from(body.querySelectorAll(`[${KEPT_ATTRIBUTE}]`))) marked.removeAttribute(KEPT_ATTRIBUTE);

  const strip = stripBoilerplate(buildRuleContext(clone, body, headline), options, region);
  const base = doc.baseURI || url;
  const stripped = describeStripped(strip.stripped, base, win);
  const comments = options.stripComments === false ? null : describeComments(strip.comments, liveRegion, clone, base, win);
  const kept = noteKeptBlocks(body, strip.kept);
  const leadFigures = findLeadFigureCandidates(body, doc.baseURI || url);
  stepDone('strip');

  // Readability reads only the article region when there is one: sidebars, header and footer are not the
  // article, and leaving them out makes Readability both faster and less likely to wander into them.
  if (region && body.contains(region)) body.replaceChildren(region);

  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element, allowedVideoRegex: VIDEO_MARK_PATTERN, classesToPreserve: codeLanguageClasses(body) }).parse();
  const content = parsed?.content ?? null;
  stepDone('readability');
  if (!parsed || !content) {
    return {
      ...emptyResult(doc), ...pickMetadata(metadata), title: metadata.title ?? parsed?.title ?? doc.title.trim(), removed: strip.removed,
      stripped, comments,
    };
  }

  restoreLeadFigure(content, leadFigures);
  replaceVideoEmbeds(content);
  restoreKeptBlocks(content, kept);
  removeHeaderLines(content, metadata.byline ?? parsed.byline ?? null);
  removeFurnitureLines(content);
  const leftovers = options.stripAds === false ? 0 : removeLeftoverLabels(content);
  const removed = { ...strip.removed };
  if (leftovers) removed.ads = (removed.ads ?? 0) + leftovers;

  linkNotesInPlace(content, doc.baseURI || url);
  stepDone('repair');
  if (options.sanitizeContent !== false) sanitizeInPlace(content, win);
  const textContent = blockText(content);
  const wordCount = countWords(textContent);

  const result: ArticleResult = {
    isArticle: detection.isArticle && wordCount > 0,
    title: metadata.title ?? parsed.title?.trim() ?? doc.title.trim(),
    ...pickMetadata(metadata),
    byline: metadata.byline ?? (parsed.byline ? parsed.byline.trim() : null),
    siteName: metadata.siteName ?? parsed.siteName ?? null,
    lang: metadata.lang,
    dir: metadata.dir ?? (parsed.dir === 'rtl' ? 'rtl' : parsed.dir === 'ltr' ? 'ltr' : null),
    excerpt: metadata.excerpt ?? parsed.excerpt ?? null,
    contentHtml: content.innerHTML,
    textContent,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    removed,
    stripped,
    comments,
  };
  if (options.debug) result.debug = strip.records;
  options.onStep?.('output');
  return result;
}

/** The classes naming code blocks' languages ("language-python"): Readability drops every other class. */
function codeLanguageClasses(root: Element): string[] {
  const found = new Set<string>();
  for (const el of Array.from(root.querySelectorAll('pre[class], code[class]'))) {
    for (const token of (el.getAttribute('class') ?? '').split(/\s+/)) if (/^(?:language|lang)-/.test(token)) found.add(token);
  }
  return [...found];
}

function pickMetadata(m: PageMetadata): MetadataFields {
  const { byline, published, modified, sources, siteName, lang, dir, excerpt, leadImage } = m;
  return { byline, published, modified, sources, siteName, lang, dir, excerpt, leadImage };
}
