/**
 * Bundled by the speed bench (tests/bench/speed.ts; esbuild, IIFE, webextension-polyfill swapped for a stub
 * that answers i18n with '') and evaluated inside real Chromium on each page. Times, on the same live DOM:
 * - detect: Clearpage's `autoVerdict` (what dist/detector.js runs on every page) and `detectArticle` against
 *   Readability's `isProbablyReaderable`;
 * - extract: `extractArticle` as the content script calls it (the reader sanitizes at insertion, in render) against
 *   `new Readability(document.cloneNode(true)).parse()`;
 * - render: the full reader view (`openReaderView`, every feature mounted) against a bare reader made of
 *   Readability's HTML (sanitized into a shadow root), each followed by a forced style and layout pass.
 * - steps: the same extraction again, timed step by step through its `onStep` hook (not in the extract figure), to
 *   show where the time goes: Readability on the article region against everything Clearpage does besides.
 * The first call of each (fresh page, fresh bundle, cold JIT) is reported apart as the cold run.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { autoVerdict } from '../../../src/core/auto-verdict.js';
import { detectArticle, EXTRACT_STEPS, extractArticle } from '../../../src/core/index.js';
import type { ArticleResult, ExtractStep } from '../../../src/core/index.js';
import { sanitizeToFragment } from '../../../src/core/sanitize.js';
import { openReaderView } from '../../../src/reader/view.js';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings.js';

/** Calls per detection measurement: Chromium coarsens performance.now() to 0.1 ms outside cross-origin isolation. */
const DETECT_CALLS = 10;
/** Warm repetitions of extract and render per page; the page's figure is their median. */
const WARM_RUNS = 3;

export interface Pair {
  clearpage: number;
  readability: number;
}

export interface InPageSpeed {
  autoVerdict: number;
  detectArticle: number;
  isProbablyReaderable: number;
  extract: Pair;
  render: Pair;
  cold: { extract: Pair; render: Pair };
  /** Per step of extractArticle, the median of WARM_RUNS timed runs (0 for a step the page did not reach). */
  steps: Record<ExtractStep, number>;
}

function meanMs(calls: number, fn: () => unknown): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return (performance.now() - start) / calls;
}

function once<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** As the content script calls it: the reader sanitizes the article's HTML as it inserts it (render, below). */
function clearpageExtract(url: string): ArticleResult {
  return extractArticle(document, { url, sanitizeContent: false });
}

/** One extraction as above, timed between the ends of its steps. */
function clearpageSteps(url: string): Record<ExtractStep, number> {
  const spent = Object.fromEntries(EXTRACT_STEPS.map((step) => [step, 0])) as Record<ExtractStep, number>;
  let last = performance.now();
  extractArticle(document, {
    url,
    sanitizeContent: false,
    onStep: (step) => {
      const now = performance.now();
      spent[step] = now - last;
      last = now;
    },
  });
  return spent;
}

function readabilityExtract(): string {
  return new Readability(document.cloneNode(true) as Document).parse()?.content ?? '';
}

/** The full reader view, laid out, then taken down again. */
function clearpageRender(article: ArticleResult, url: string): void {
  const controller = new AbortController();
  const view = openReaderView(document, { article, url }, { appearance: DEFAULT_SETTINGS.appearance, signal: controller.signal, onRequestClose: () => undefined });
  view.host.shadowRoot?.querySelector('article')?.getBoundingClientRect();
  void view.host.offsetHeight;
  view.destroy();
  controller.abort();
}

/** What a reader built on plain Readability does at least: its HTML sanitized into a shadow root, laid out. */
function readabilityRender(html: string): void {
  const host = document.createElement('bench-reader');
  const root = host.attachShadow({ mode: 'open' });
  const article = document.createElement('article');
  article.append(sanitizeToFragment(html, document));
  root.append(article);
  document.documentElement.append(host);
  article.getBoundingClientRect();
  void host.offsetHeight;
  host.remove();
}

/** `url`: the page's address on the web (it is served from 127.0.0.1 here). `clearpageFirst` rotates the order. */
function time(url: string, clearpageFirst: boolean): InPageSpeed {
  // Cold: the first call of each in this page (the bundle was just evaluated). Order alternates page by page.
  let coldCp = 0;
  let coldRd = 0;
  let article: ArticleResult;
  let html: string;
  if (clearpageFirst) {
    const cp = once(() => clearpageExtract(url));
    const rd = once(readabilityExtract);
    [coldCp, coldRd, article, html] = [cp.ms, rd.ms, cp.value, rd.value];
  } else {
    const rd = once(readabilityExtract);
    const cp = once(() => clearpageExtract(url));
    [coldCp, coldRd, article, html] = [cp.ms, rd.ms, cp.value, rd.value];
  }
  const renderCp = () => clearpageRender(article, url);
  const renderRd = () => readabilityRender(html);
  const coldRender = clearpageFirst
    ? { clearpage: once(renderCp).ms, readability: once(renderRd).ms }
    : { readability: once(renderRd).ms, clearpage: once(renderCp).ms };

  const extract = { clearpage: [] as number[], readability: [] as number[] };
  const render = { clearpage: [] as number[], readability: [] as number[] };
  for (let i = 0; i < WARM_RUNS; i++) {
    extract.clearpage.push(once(() => clearpageExtract(url)).ms);
    extract.readability.push(once(readabilityExtract).ms);
    render.clearpage.push(once(renderCp).ms);
    render.readability.push(once(renderRd).ms);
  }
  const stepRuns = Array.from({ length: WARM_RUNS }, () => clearpageSteps(url));
  const steps = Object.fromEntries(EXTRACT_STEPS.map((step) => [step, median(stepRuns.map((run) => run[step]))])) as Record<ExtractStep, number>;
  // Once each before timing detection, so neither pays for the other's cold caches.
  autoVerdict(document, url);
  detectArticle(document, url);
  isProbablyReaderable(document);
  return {
    autoVerdict: meanMs(DETECT_CALLS, () => autoVerdict(document, url)),
    detectArticle: meanMs(DETECT_CALLS, () => detectArticle(document, url)),
    isProbablyReaderable: meanMs(DETECT_CALLS, () => isProbablyReaderable(document)),
    extract: { clearpage: median(extract.clearpage), readability: median(extract.readability) },
    render: { clearpage: median(render.clearpage), readability: median(render.readability) },
    cold: { extract: { clearpage: coldCp, readability: coldRd }, render: coldRender },
    steps,
  };
}

(globalThis as { __clearpageSpeed?: { time: typeof time } }).__clearpageSpeed = { time };
