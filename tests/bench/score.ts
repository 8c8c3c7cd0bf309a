/** Per-page scoring: one record per page and adapter, written as a JSON line and summed up per dataset. */
import type { Extraction } from './adapters.js';
import type { Page } from './corpus.js';
import { checkFixture, type FixtureVerdict } from './metrics/fixtures.js';
import { bylineContains, bylineExact, dayOf, isBlank, sameDay, titleExact, titleNormalized } from './metrics/metadata.js';
import { countSnippets, foundSnippets, type SnippetPage } from './metrics/snippets.js';
import { precisionScore, recallScore, shingleMatch, tokensEqual, type TpFpFn } from './metrics/zyte.js';

export interface BodyRecord extends TpFpFn {
  /** Per-document precision; null when the document does not count towards precision (TP+FP = 0). */
  precision: number | null;
  /** Per-document recall; null when TP+FN = 0. */
  recall: number | null;
  /** Token sequences equal (the benchmark's accuracy). */
  exact: boolean;
}

export interface PageRecord {
  id: string;
  url: string;
  error?: string;
  /** Length of the rendered text (characters). */
  textLength: number;
  ms: number | null;
  detectMs: number | null;
  body?: BodyRecord;
  snippets?: SnippetPage;
  comments?: { total: number; leaked: string[] };
  title?: { got: string | null; truth: string; exact: boolean; normalized: boolean };
  byline?: { got: string | null; truth: string | string[]; exact: boolean; contains: boolean };
  published?: { got: string | null; truth: string; gotDay: string | null; truthDay: string | null; sameDay: boolean };
  readerable?: { got: boolean | null; truth: boolean; agree: boolean };
  fixture?: FixtureVerdict;
}

export function bodyRecord(truth: string, text: string): BodyRecord {
  const m = shingleMatch(truth, text);
  return {
    ...m,
    precision: m.tp + m.fp > 0 ? precisionScore(m) : null,
    recall: m.tp + m.fn > 0 ? recallScore(m) : null,
    exact: tokensEqual(truth, text),
  };
}

/** Scores one page. `text` is the rendered content, null when the adapter failed. */
export function scorePage(page: Page, out: Extraction, text: string | null): PageRecord {
  const record: PageRecord = {
    id: page.id,
    url: page.url,
    ...(out.error ? { error: out.error } : {}),
    textLength: text?.length ?? 0,
    ms: out.ms,
    detectMs: out.detectMs,
  };
  const truth = page.truth;
  if (truth) {
    if (truth.body !== undefined && (page.dataset === 'zyte' || page.dataset === 'readability-tests'))
      record.body = bodyRecord(truth.body, text ?? '');
    if (truth.with && truth.without) {
      record.snippets = countSnippets({ with: truth.with, without: truth.without }, text);
      if (truth.comments?.length) record.comments = { total: truth.comments.length, leaked: foundSnippets(truth.comments, text) };
    }
    if (!isBlank(truth.title))
      record.title = {
        got: out.title,
        truth: truth.title as string,
        exact: titleExact(out.title, truth.title as string),
        normalized: titleNormalized(out.title, truth.title as string),
      };
    if (!isBlank(truth.byline)) {
      const want = truth.byline as string | string[];
      record.byline = { got: out.byline, truth: want, exact: bylineExact(out.byline, want), contains: bylineContains(out.byline, want) };
    }
    if (!isBlank(truth.published)) {
      const want = truth.published as string;
      record.published = { got: out.published, truth: want, gotDay: dayOf(out.published), truthDay: dayOf(want), sameDay: sameDay(out.published, want) };
    }
    if (truth.readerable !== undefined) {
      const got = out.isArticle ?? null;
      record.readerable = { got, truth: truth.readerable, agree: got === truth.readerable };
    }
  }
  if (page.expected) {
    const e = page.expected;
    record.fixture = checkFixture(e, {
      ...(out.isArticle !== undefined ? { isArticle: out.isArticle } : {}),
      title: out.title,
      byline: out.byline,
      published: out.published,
      siteName: out.siteName,
      lang: out.lang,
      text,
      ...(out.removed !== undefined ? { removed: out.removed } : {}),
    });
    if (e.bodyText !== undefined) record.body = bodyRecord(e.bodyText, text ?? '');
  }
  return record;
}
