/**
 * Boilerplate-snippet score of the trafilatura evaluation (`tests/eval_common.py`), re-implemented
 * (../shared/corpus/README.md, "Metrics" 2): text and snippets are white-space normalised; a `with`
 * snippet found as a substring is a TP, else an FN; a `without` snippet found is an FP, else a TN; no
 * output (a crash) finds nothing. Counts are summed over pages (micro average).
 */

/**
 * Python's `\s` on str (what `re.sub(r"\s+", " ", text).strip()` collapses): the characters for which
 * `str.isspace()` holds. Unlike JavaScript's `\s` it includes U+001C..U+001F and U+0085 and excludes
 * U+FEFF. Checked code point by code point against CPython 3.11.
 */
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** `norm()` of eval_common.py: white space runs become one space, then stripped. */
export function normalizeSpace(text: string): string {
  const collapsed = text.replace(PY_SPACE, ' ');
  return collapsed.replace(/^ /, '').replace(/ $/, '');
}

export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface SnippetPage extends SnippetCounts {
  /** `with` snippets not found. */
  missing: string[];
  /** `without` snippets found. */
  leaked: string[];
}

/** One page's counts; `text` null means the extractor crashed or returned nothing. */
export function countSnippets(
  item: { with: readonly string[]; without: readonly string[] },
  text: string | null,
): SnippetPage {
  const hay = text === null ? null : normalizeSpace(text);
  const found = (snippet: string) => hay !== null && hay.includes(normalizeSpace(snippet));
  const missing = item.with.filter((s) => !found(s));
  const leaked = item.without.filter(found);
  const tp = item.with.length - missing.length;
  const fp = leaked.length;
  return { tp, fp, fn: missing.length, tn: item.without.length - fp, missing, leaked };
}

/** Snippets of `snippets` found in `text` (used for the reader comments a reader view must not show). */
export function foundSnippets(snippets: readonly string[], text: string | null): string[] {
  if (text === null) return [];
  const hay = normalizeSpace(text);
  return snippets.filter((s) => hay.includes(normalizeSpace(s)));
}

export function addCounts(pages: readonly SnippetCounts[]): SnippetCounts {
  const total = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const p of pages) {
    total.tp += p.tp;
    total.fp += p.fp;
    total.fn += p.fn;
    total.tn += p.tn;
  }
  return total;
}

export interface SnippetScores {
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
}

/** ConfusionMatrix.scores() of eval_common.py (each 0 when its denominator is empty). */
export function snippetScores({ tp, fp, fn, tn }: SnippetCounts): SnippetScores {
  const total = tp + fp + fn + tn;
  return {
    precision: tp + fp ? tp / (tp + fp) : 0,
    recall: tp + fn ? tp / (tp + fn) : 0,
    accuracy: total ? (tp + tn) / total : 0,
    f1: 2 * tp + fp + fn ? (2 * tp) / (2 * tp + fp + fn) : 0,
  };
}
