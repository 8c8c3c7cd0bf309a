/**
 * Metadata scores (../shared/corpus/README.md, "Metrics" 3). Only pages with a non-empty truth value are
 * scored; a missing answer counts as wrong.
 * - title exact: equal after trimming;
 * - title normalized: equal after NFKC, lower-case, curly quotes/dashes/ellipsis unified, white space
 *   collapsed, leading/trailing punctuation removed;
 * - byline exact: equal after the same normalisation, a leading "By"/"By:" removed and name separators
 *   (; , & | / and the word "and") unified; byline contains: either normalised byline contains the other;
 * - published day: same calendar day, the date as written when a value starts YYYY-MM-DD, else the UTC day
 *   of Date.parse.
 */

/** Single quotes and apostrophes that typography or NFKC leaves curly. */
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g;
/** Hyphens and dashes: hyphen, non-breaking hyphen, figure dash, en, em, horizontal bar, minus. */
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
/** Ellipsis; NFKC already expands U+2026, this also catches "..." spaced out as ". . .". */
const ELLIPSIS = /\u2026|\.\s\.\s\./g;
const EDGE_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;

/** The normalisation shared by titles and bylines. */
export function normalizeTitle(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(ELLIPSIS, '...')
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '');
}

/** Separators between names: ; , & | / and the word "and". */
const NAME_SEPARATOR = /\s*(?:[;,&|/]|\band\b)\s*/g;
const CANONICAL_SEPARATOR = ', ';
const LEADING_BY = /^by\b\s*:?\s*/;

/** A truth byline may list several authors; they are joined with the canonical separator. */
export function normalizeByline(value: string | readonly string[]): string {
  const joined = typeof value === 'string' ? value : value.join(CANONICAL_SEPARATOR);
  const base = normalizeTitle(joined).replace(LEADING_BY, '');
  return base
    .replace(NAME_SEPARATOR, CANONICAL_SEPARATOR)
    .replace(/(?:, ){2,}/g, CANONICAL_SEPARATOR)
    .replace(EDGE_PUNCTUATION, '');
}

export function isBlank(value: string | readonly string[] | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return value.every((v) => v.trim() === '');
}

export function titleExact(got: string | null, truth: string): boolean {
  return got !== null && got.trim() === truth.trim();
}

export function titleNormalized(got: string | null, truth: string): boolean {
  return got !== null && normalizeTitle(got) === normalizeTitle(truth);
}

export function bylineExact(got: string | null, truth: string | readonly string[]): boolean {
  if (got === null || isBlank(got)) return false;
  return normalizeByline(got) === normalizeByline(truth);
}

export function bylineContains(got: string | null, truth: string | readonly string[]): boolean {
  if (got === null || isBlank(got)) return false;
  const a = normalizeByline(got);
  const b = normalizeByline(truth);
  if (!a || !b) return false;
  return a.includes(b) || b.includes(a);
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

/** The calendar day a date value names, or null when it names none. */
export function dayOf(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  const written = ISO_DAY.exec(trimmed);
  if (written) return written[1] as string;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().slice(0, 10);
}

export function sameDay(got: string | null, truth: string): boolean {
  const a = dayOf(got);
  return a !== null && a === dayOf(truth);
}

/** Share of true values (NaN when nothing was scored). */
export function share(values: readonly boolean[]): number {
  if (values.length === 0) return NaN;
  return values.filter(Boolean).length / values.length;
}
