/**
 * Speed summary (../shared/corpus/README.md, "Metrics" 4): median, p95 and max ms per page, and ratios to a
 * reference adapter (Readability): ratio of medians, ratio of p95s, median of per-page ratios.
 * Quantiles interpolate linearly between order statistics (numpy's default, "type 7").
 */

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export interface SpeedStats {
  n: number;
  median: number;
  p95: number;
  max: number;
}

export function speedStats(ms: readonly number[]): SpeedStats {
  return { n: ms.length, median: median(ms), p95: quantile(ms, 0.95), max: ms.length ? Math.max(...ms) : NaN };
}

export interface SpeedRatios {
  /** median(adapter) / median(reference) */
  medianRatio: number;
  /** p95(adapter) / p95(reference) */
  p95Ratio: number;
  /** median over pages of adapter ms / reference ms (pages where both were timed and the reference > 0) */
  perPageMedianRatio: number;
}

/** `pairs` are per-page [adapter ms, reference ms]; a null leaves that page out of the side it is missing from. */
export function speedRatios(pairs: ReadonlyArray<readonly [number | null, number | null]>): SpeedRatios {
  const own = pairs.map(([a]) => a).filter((v): v is number => v !== null);
  const ref = pairs.map(([, r]) => r).filter((v): v is number => v !== null);
  const perPage = pairs
    .filter((p): p is readonly [number, number] => p[0] !== null && p[1] !== null && p[1] > 0)
    .map(([a, r]) => a / r);
  return {
    medianRatio: median(own) / median(ref),
    p95Ratio: quantile(own, 0.95) / quantile(ref, 0.95),
    perPageMedianRatio: median(perPage),
  };
}
