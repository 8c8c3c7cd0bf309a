/**
 * Article-body score of the Zyte article-extraction benchmark (`evaluate.py`), re-implemented
 * (../shared/corpus/README.md, "Metrics" 1):
 * - tokens = Python `\w+`; 4-token shingles with counts (a text under 4 tokens is one shingle);
 * - per document TP = Σ min(true, pred), FP = Σ excess predicted, FN = Σ missing, normalised to sum 1;
 * - precision = mean of per-document precision over documents with TP+FP > 0, recall = mean over
 *   documents with TP+FN > 0, F1 = 2PR/(P+R) of those means; accuracy = share of documents whose token
 *   sequence equals the truth's;
 * - ± = sample standard deviation over bootstrap resamples of the documents (seeded PRNG, so runs repeat;
 *   the numbers differ from Python's `random` draws but not in distribution).
 */

/**
 * Python 3's `\w` on str: characters for which `str.isalnum()` holds, plus "_". isalnum = letters
 * (Lu, Ll, Lt, Lm, Lo) or numerics (Nd, Nl, No, and CJK ideographs with a numeric value, which are Lo).
 * Marks (Mn, Mc, Me) are NOT word characters in Python, so a combining accent or an Indic vowel sign
 * splits a token there too. Checked code point by code point against CPython 3.11 (Unicode 14): identical
 * apart from characters assigned after Unicode 14.
 */
const WORD = /[\p{L}\p{N}_]+/gu;

export const SHINGLE_SIZE = 4;

export interface TpFpFn {
  tp: number;
  fp: number;
  fn: number;
}

export interface BodyScores {
  precision: number;
  recall: number;
  f1: number;
}

export interface BodySummary extends BodyScores {
  accuracy: number;
  /** Documents scored. */
  n: number;
  /** Sample standard deviations over the bootstrap resamples. */
  std: { precision: number; recall: number; f1: number; accuracy: number };
}

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Shingle counts of a token list; tokens never contain a space, so a space-joined key is unambiguous. */
export function shingles(tokens: readonly string[], n: number = SHINGLE_SIZE): Map<string, number> {
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised TP/FP/FN of one document (all zero when both texts have no tokens). */
export function shingleMatch(truth: string, pred: string, n: number = SHINGLE_SIZE): TpFpFn {
  const t = shingles(tokenize(truth), n);
  const p = shingles(tokenize(pred), n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, trueCount] of t) {
    const predCount = p.get(key) ?? 0;
    tp += Math.min(trueCount, predCount);
    fn += Math.max(0, trueCount - predCount);
  }
  for (const [key, predCount] of p) fp += Math.max(0, predCount - (t.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

/** The benchmark's exact-match accuracy of one document: 1 when the token sequences are equal. */
export function tokensEqual(truth: string, pred: string): boolean {
  const a = tokenize(truth);
  const b = tokenize(pred);
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

export function precisionScore({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallScore({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n - 1), as Python's statistics.stdev; NaN values are left out. */
export function sampleStd(values: readonly number[]): number {
  const finite = values.filter((v) => !Number.isNaN(v));
  if (finite.length < 2) return NaN;
  const m = mean(finite);
  let ss = 0;
  for (const v of finite) ss += (v - m) ** 2;
  return Math.sqrt(ss / (finite.length - 1));
}

/** Mean precision and recall over the documents where each is defined, and F1 of the two means. */
export function bodyScores(docs: readonly TpFpFn[]): BodyScores {
  const precision = mean(docs.filter((d) => d.tp + d.fp > 0).map(precisionScore));
  const recall = mean(docs.filter((d) => d.tp + d.fn > 0).map(recallScore));
  const f1 = (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BOOTSTRAP_RESAMPLES = 1000;
export const BOOTSTRAP_SEED = 20200101;

/** Scores plus bootstrap standard deviations of precision, recall, F1 and accuracy. */
export function summarizeBody(
  docs: readonly TpFpFn[],
  exact: readonly boolean[],
  resamples: number = BOOTSTRAP_RESAMPLES,
  seed: number = BOOTSTRAP_SEED,
): BodySummary {
  const n = docs.length;
  const scores = bodyScores(docs);
  const accuracy = mean(exact.map(Number));
  const random = seededRandom(seed);
  const samples = { precision: [] as number[], recall: [] as number[], f1: [] as number[], accuracy: [] as number[] };
  if (n > 0) {
    for (let r = 0; r < resamples; r++) {
      const picked: TpFpFn[] = [];
      let hits = 0;
      for (let i = 0; i < n; i++) {
        const k = Math.floor(random() * n);
        picked.push(docs[k] as TpFpFn);
        if (exact[k]) hits++;
      }
      const b = bodyScores(picked);
      samples.precision.push(b.precision);
      samples.recall.push(b.recall);
      samples.f1.push(b.f1);
      samples.accuracy.push(hits / n);
    }
  }
  return {
    ...scores,
    accuracy,
    n,
    std: {
      precision: sampleStd(samples.precision),
      recall: sampleStd(samples.recall),
      f1: sampleStd(samples.f1),
      accuracy: sampleStd(samples.accuracy),
    },
  };
}
