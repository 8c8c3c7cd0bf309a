/**
 * Bundled by the auto-mode bench (esbuild, IIFE) and evaluated inside real Chromium on each corpus page: times
 * the auto-mode verdict (what dist/detector.js runs on every page) against Readability's isProbablyReaderable,
 * the cheap check other readers run on every page, on the same live DOM.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import { autoVerdict } from '../../../src/core/auto-verdict.js';

/** Calls per round: Chromium coarsens performance.now() to 0.1 ms outside cross-origin isolation. */
const CALLS = 10;
/** Rounds per page; the page's figure is the median round, so one garbage collection does not make it. */
const ROUNDS = 5;

function medianRoundMs(fn: () => unknown): number {
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) fn();
    rounds.push((performance.now() - start) / CALLS);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

export interface InPageTiming {
  detectorMs: number;
  readerableMs: number;
  isNewsArticle: boolean;
}

/** `url`: the address the page has on the web (it is served here from 127.0.0.1), for the address rules. */
function time(url: string = location.href): InPageTiming {
  // Once each first, so neither pays for the other's cold caches (style, layout) in the measurement.
  const { isNewsArticle } = autoVerdict(document, url);
  isProbablyReaderable(document);
  const detectorMs = medianRoundMs(() => autoVerdict(document, url));
  const readerableMs = medianRoundMs(() => isProbablyReaderable(document));
  return { detectorMs, readerableMs, isNewsArticle };
}

(globalThis as { __clearpageBench?: { time: typeof time } }).__clearpageBench = { time };
