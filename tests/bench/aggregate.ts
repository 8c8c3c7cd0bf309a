/** Sums per-page records into one summary per dataset and adapter. */
import { share } from './metrics/metadata.js';
import { addCounts, snippetScores, type SnippetCounts, type SnippetScores } from './metrics/snippets.js';
import { speedRatios, speedStats, type SpeedRatios, type SpeedStats } from './metrics/speed.js';
import { summarizeBody, type BodySummary } from './metrics/zyte.js';
import type { AdapterName } from './names.js';
import type { PageRecord } from './score.js';

export interface Rate {
  /** Share of hits (NaN when n = 0). */
  rate: number;
  hits: number;
  n: number;
}

export interface AdapterSummary {
  pages: number;
  errors: number;
  emptyOutput: number;
  body?: BodySummary;
  snippets?: SnippetCounts & SnippetScores;
  comments?: { snippets: Rate; pages: Rate };
  titleExact?: Rate;
  titleNormalized?: Rate;
  bylineExact?: Rate;
  bylineContains?: Rate;
  publishedDay?: Rate;
  readerable?: Rate;
  /** Fixture pages: passed, failed (with reasons) and n/a (no check applies to this adapter). */
  fixtures?: { passed: number; total: number; notApplicable: string[]; failed: Array<{ id: string; reasons: string[] }> };
  speed: SpeedStats;
  detect: SpeedStats | null;
  /** Ratios to the reference adapter (Readability), when it ran. */
  ratios?: SpeedRatios;
  detectRatios?: SpeedRatios;
}

function rate(values: readonly boolean[]): Rate {
  return { rate: share(values), hits: values.filter(Boolean).length, n: values.length };
}

function present<T>(values: ReadonlyArray<T | undefined>): T[] {
  return values.filter((v): v is T => v !== undefined);
}

export function summarize(records: readonly PageRecord[], reference?: readonly PageRecord[]): AdapterSummary {
  const summary: AdapterSummary = {
    pages: records.length,
    errors: records.filter((r) => r.error).length,
    emptyOutput: records.filter((r) => r.textLength === 0).length,
    speed: speedStats(present(records.map((r) => r.ms ?? undefined))),
    detect: null,
  };
  const detectMs = present(records.map((r) => r.detectMs ?? undefined));
  if (detectMs.length) summary.detect = speedStats(detectMs);

  const bodies = present(records.map((r) => r.body));
  if (bodies.length) summary.body = summarizeBody(bodies, bodies.map((b) => b.exact));

  const snippets = present(records.map((r) => r.snippets));
  if (snippets.length) {
    const counts = addCounts(snippets);
    summary.snippets = { ...counts, ...snippetScores(counts) };
  }
  const comments = present(records.map((r) => r.comments));
  if (comments.length) {
    const leaked = comments.reduce((n, c) => n + c.leaked.length, 0);
    const total = comments.reduce((n, c) => n + c.total, 0);
    summary.comments = {
      snippets: { rate: total ? leaked / total : NaN, hits: leaked, n: total },
      pages: rate(comments.map((c) => c.leaked.length > 0)),
    };
  }
  const titles = present(records.map((r) => r.title));
  if (titles.length) {
    summary.titleExact = rate(titles.map((t) => t.exact));
    summary.titleNormalized = rate(titles.map((t) => t.normalized));
  }
  const bylines = present(records.map((r) => r.byline));
  if (bylines.length) {
    summary.bylineExact = rate(bylines.map((b) => b.exact));
    summary.bylineContains = rate(bylines.map((b) => b.contains));
  }
  const dates = present(records.map((r) => r.published));
  if (dates.length) summary.publishedDay = rate(dates.map((d) => d.sameDay));
  const readerable = present(records.map((r) => r.readerable));
  if (readerable.length) summary.readerable = rate(readerable.map((r) => r.agree));

  const fixtures = records.filter((r) => r.fixture);
  if (fixtures.length) {
    const notApplicable = fixtures.filter((r) => r.fixture?.applied === 0).map((r) => r.id);
    const failed = fixtures
      .filter((r) => !r.fixture?.pass && r.fixture?.applied !== 0)
      .map((r) => ({ id: r.id, reasons: r.fixture?.failures ?? [] }));
    summary.fixtures = { passed: fixtures.length - failed.length - notApplicable.length, total: fixtures.length, notApplicable, failed };
  }

  if (reference) {
    const refById = new Map(reference.map((r) => [r.id, r]));
    const pairs = (pick: (r: PageRecord) => number | null) =>
      records.map((r) => [pick(r), refById.has(r.id) ? pick(refById.get(r.id) as PageRecord) : null] as const);
    summary.ratios = speedRatios(pairs((r) => r.ms));
    if (summary.detect) summary.detectRatios = speedRatios(pairs((r) => r.detectMs));
  }
  return summary;
}

export type DatasetSummary = Partial<Record<AdapterName, AdapterSummary>>;
