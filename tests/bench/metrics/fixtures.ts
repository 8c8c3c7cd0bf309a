/**
 * Checks of the project's own fixture pages (`tests/fixtures/<name>.expected.json` beside `<name>.html`).
 * Every key of the expected file is a check; a page passes when all apply and hold:
 * - isArticle, title, byline, siteName, lang: equal (strings after trimming);
 * - published: a date-only value must name the same day; a value with a time must name the same instant;
 * - mustContain / mustNotContain: each snippet present / absent in the rendered text (white space normalised);
 * - removed: per rule family a count condition, ">=1", "<=2", ">0", "=3" or a bare number (exact).
 * An extractor that has no such value (Readability reports no `removed`, Defuddle no isArticle) gets "n/a"
 * for that check: it neither passes nor fails the page.
 * `bodyText` is not a pass/fail check; the bench reports the Zyte shingle F1 against it.
 */
import { normalizeSpace } from './snippets.js';

export interface FixtureExpectation {
  isArticle?: boolean;
  title?: string;
  byline?: string | null;
  published?: string | null;
  siteName?: string | null;
  lang?: string | null;
  mustContain?: string[];
  mustNotContain?: string[];
  removed?: Record<string, string | number>;
  bodyText?: string;
}

/** What an extractor returned, in the bench's terms; undefined = the extractor does not report it. */
export interface FixtureActual {
  isArticle?: boolean;
  title?: string | null;
  byline?: string | null;
  published?: string | null;
  siteName?: string | null;
  lang?: string | null;
  /** Rendered text of the content; null when the extractor crashed. */
  text: string | null;
  removed?: Partial<Record<string, number>>;
}

export interface FixtureVerdict {
  pass: boolean;
  /** One line per failed check. */
  failures: string[];
  /** Checks that did not apply to this extractor. */
  notApplicable: string[];
  /** Checks that applied (a page with none is "n/a", not a pass). */
  applied: number;
}

const KNOWN_KEYS = new Set(['isArticle', 'title', 'byline', 'published', 'siteName', 'lang', 'mustContain', 'mustNotContain', 'removed', 'bodyText']);

/** Keys of an expected file that this checker does not know (reported, so none is silently ignored). */
export function unknownKeys(expected: object): string[] {
  return Object.keys(expected).filter((k) => !KNOWN_KEYS.has(k));
}

const CONDITION = /^\s*(>=|<=|>|<|==?)?\s*(\d+)\s*$/;

/** Whether `count` meets a condition such as ">=1"; throws on a malformed condition. */
export function meetsCondition(count: number, condition: string | number): boolean {
  if (typeof condition === 'number') return count === condition;
  const m = CONDITION.exec(condition);
  if (!m) throw new Error(`bad removed condition ${JSON.stringify(condition)}`);
  const n = Number(m[2]);
  switch (m[1]) {
    case '>=':
      return count >= n;
    case '<=':
      return count <= n;
    case '>':
      return count > n;
    case '<':
      return count < n;
    default:
      return count === n;
  }
}

function sameDate(got: string, want: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(want.trim())) return got.trim().slice(0, 10) === want.trim();
  const a = Date.parse(got);
  const b = Date.parse(want);
  return !Number.isNaN(a) && a === b;
}

const show = (v: unknown) => JSON.stringify(v);

export function checkFixture(expected: FixtureExpectation, got: FixtureActual): FixtureVerdict {
  const failures: string[] = [];
  const notApplicable: string[] = [];

  if (expected.isArticle !== undefined) {
    if (got.isArticle === undefined) notApplicable.push('isArticle');
    else if (got.isArticle !== expected.isArticle) failures.push(`isArticle: got ${got.isArticle}, want ${expected.isArticle}`);
  }
  for (const key of ['title', 'byline', 'siteName', 'lang'] as const) {
    if (expected[key] === undefined) continue;
    const want = expected[key];
    const have = got[key];
    if (have === undefined) notApplicable.push(key);
    else if ((have?.trim() ?? null) !== (want?.trim() ?? null)) failures.push(`${key}: got ${show(have)}, want ${show(want)}`);
  }
  if (expected.published !== undefined) {
    const want = expected.published;
    const have = got.published;
    if (have === undefined) notApplicable.push('published');
    else if (want === null ? have !== null : have === null || !sameDate(have, want))
      failures.push(`published: got ${show(have)}, want ${show(want)}`);
  }
  const text = got.text === null ? null : normalizeSpace(got.text);
  for (const snippet of expected.mustContain ?? []) {
    if (text === null || !text.includes(normalizeSpace(snippet))) failures.push(`missing: ${show(snippet)}`);
  }
  for (const snippet of expected.mustNotContain ?? []) {
    if (text !== null && text.includes(normalizeSpace(snippet))) failures.push(`should not contain: ${show(snippet)}`);
  }
  for (const [family, condition] of Object.entries(expected.removed ?? {})) {
    if (got.removed === undefined) {
      notApplicable.push(`removed.${family}`);
      continue;
    }
    const count = got.removed[family] ?? 0;
    if (!meetsCondition(count, condition)) failures.push(`removed.${family}: got ${count}, want ${condition}`);
  }
  const total =
    ['isArticle', 'title', 'byline', 'siteName', 'lang', 'published'].filter((k) => k in expected).length +
    (expected.mustContain?.length ?? 0) +
    (expected.mustNotContain?.length ?? 0) +
    Object.keys(expected.removed ?? {}).length;
  const applied = total - notApplicable.length;
  return { pass: failures.length === 0 && applied > 0, failures, notApplicable, applied };
}
