/** Public types of the extraction core. Everything here is plain data: safe to send in messages and print as JSON. */
import type { BudgetExceeded, BudgetLimits } from './budget.js';

export type { BudgetExceeded, BudgetLimits } from './budget.js';

/** Families of blocks the core strips before Readability runs. Each family is counted in `removed`. */
export type RuleFamily =
  | 'ads'
  | 'promos'
  | 'newsletters'
  | 'share'
  | 'related'
  | 'authorBio'
  | 'comments';

/** Where a metadata value came from, most trusted first. */
export type MetadataSource = 'json-ld' | 'microdata' | 'meta' | 'time-element' | 'page-text' | 'url' | 'readability';

export interface ExtractOptions {
  /** The page address: resolves relative links and names the site. Defaults to the document's URL. */
  url?: string;
  /** Strip ads, sponsored blocks, event/webinar promotions, newsletter boxes and share bars. Default true. */
  stripAds?: boolean;
  /** Strip comment threads, comment widgets and reply forms. Default true. */
  stripComments?: boolean;
  /** Record every removed node with its rule, reason and a text sample. Default false. */
  debug?: boolean;
  /** Rule names to switch off (for measuring each rule's effect). */
  disabledRules?: readonly string[];
  /** Blocks the user asked to keep on this site: a rule's match that one of these names stays in the article. */
  keep?: readonly KeepRule[];
  /**
   * Run `contentHtml` through DOMPurify before it is returned. Default true: the CLI prints it for other programs.
   * The content script passes false because its one reader of `contentHtml`, the reader view, sanitizes every
   * string it inserts (reader/view.ts): doing it here as well was the same work twice, a seventh of extraction.
   */
  sanitizeContent?: boolean;
  /** Overrides of the extraction budget's limits (core/budget.ts DEFAULT_BUDGET). */
  budget?: Partial<BudgetLimits>;
  /**
   * The clock the budget's time limit reads, in milliseconds: the content script passes `performance.now`, tests a
   * fake one. Without it only the element limits apply (the core reads no clock of its own).
   */
  now?: () => number;
  /**
   * Called as each step of the pipeline ends (for the benchmark's breakdown of where the time goes: the caller reads
   * its own clock, the core reads none). Steps that do not run (a page without a body, nothing parsed) are not called.
   */
  onStep?: (step: ExtractStep) => void;
}

/** The pipeline's steps, in order (core/extract.ts). */
export const EXTRACT_STEPS = ['detection', 'metadata', 'region', 'clone', 'strip', 'readability', 'repair', 'output'] as const;
export type ExtractStep = (typeof EXTRACT_STEPS)[number];

/**
 * A block the user kept on a site: the stable selector naming it and the fingerprint of its text (see
 * core/transparency.ts). Holds no page text, so storing it stores nothing the user read.
 */
export interface KeepRule {
  selector: string;
  fingerprint: string;
}

/** A block the rules stripped from the article region (or would have, but a keep rule kept it). */
export interface StrippedBlock {
  /** Unique in this result ("s1", "s2" ...). */
  id: string;
  /** Never 'comments': comment sections go to `ArticleResult.comments`. */
  family: Exclude<RuleFamily, 'comments'>;
  /** A stable selector naming the block, e.g. `aside.event-promo` or `div.entry-content > aside`. */
  selector: string;
  /** 8 hex digits: FNV-1a of the block's lower-cased, whitespace-collapsed text. */
  fingerprint: string;
  /** The block, sanitized, with absolute links (sanitized when first read). */
  html: string;
  /** Leading text (up to 80 characters) of the article paragraph the block followed; '' when at the top. */
  after: string;
  /** A keep rule kept it: it is in `contentHtml`, marked `data-cp-kept="<id>"`. */
  kept: boolean;
}

/** The article's comment sections, made safe to read: no forms, inputs, buttons, frames or scripts. */
export interface CommentsResult {
  /** How many individual comments they hold. */
  count: number;
  html: string;
}

/** One node a rule removed, recorded when `debug` is on. */
export interface RemovalRecord {
  rule: string;
  family: RuleFamily;
  reason: string;
  /** The first characters of the removed node's text. */
  sample: string;
}

export interface ArticleResult {
  /** The page reads as an article (detector verdict) and an article body was found. */
  isArticle: boolean;
  title: string;
  byline: string | null;
  /** ISO 8601: with the offset where the page gives one, else the date only. */
  published: string | null;
  /** Last update, ISO 8601 like `published`; never used as the published date. */
  modified: string | null;
  /** Where each metadata value was found. */
  sources: { byline?: MetadataSource; published?: MetadataSource; modified?: MetadataSource };
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImage: string | null;
  /** The article body, sanitized by DOMPurify. */
  contentHtml: string;
  textContent: string;
  wordCount: number;
  readingMinutes: number;
  /**
   * How many blocks each rule family stripped from the article region (what the reader would otherwise show;
   * sidebars and footers are never shown, so their ads are not counted). Families that removed nothing are absent.
   */
  removed: Partial<Record<RuleFamily, number>>;
  /** The blocks counted in `removed` (all families but comments), with what the reader needs to show them again. */
  stripped: StrippedBlock[];
  /** The comment sections the comment rules removed; null when none was found or comments are not stripped. */
  comments: CommentsResult | null;
  /**
   * Set when extraction stopped because the page is too large (too many elements) or took too long: the result
   * is then empty (no article), and the popup says the page is too large to simplify.
   */
  budgetExceeded?: BudgetExceeded;
  debug?: RemovalRecord[];
}

export interface DetectionResult {
  isArticle: boolean;
  /** 0..1: how strongly the signals agree. */
  confidence: number;
  /** Names of the signals that fired, for debugging and the popup. */
  signals: string[];
}
