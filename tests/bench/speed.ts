/**
 * The speed section of `npm run bench` (`--dataset speed`, not part of the default run: it needs `npm run build`
 * and two Chromium sessions). Clearpage against plain Readability, measured in the same run on the same pages:
 * - in real headless Chromium (/usr/bin/chromium through playwright-core; page scripts removed, every request
 *   but the page itself aborted), on a sample of corpus pages spread over the datasets plus the iTWire fixture
 *   and the long sectioned article: detect, extract and render, warm and cold, and extract step by step (speed/in-page.ts);
 * - on jsdom through the CLI's path (src/cli/extract-html.ts `extractHtml`): extract;
 * - with the real built extension (dist/) loaded: click-to-painted, from the trusted click on the popup's
 *   "Open reader view" to the first frame painted after the reader's host is attached to the page;
 * - the gzip sizes of dist/detector.js and dist/content.js.
 * Goals are printed beside the figures; absolute times never fail the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { build, type Plugin } from 'esbuild';
import { extractHtml, parseHtml } from '../../src/cli/extract-html.js';
import { EXTRACT_STEPS, type ExtractStep } from '../../src/core/index.js';
import { launchChromium } from '../e2e/harness/chromium.js';
import { PopupView } from '../e2e/harness/popup.js';
import { READER_HOST } from '../e2e/harness/reader.js';
import { startServer } from '../e2e/harness/server.js';
import type { BenchOptions } from './args.js';
import { addressOf, evaluateInPages } from './chromium-pages.js';
import { corpusPages, type Page } from './corpus.js';
import { quantile } from './metrics/speed.js';
import { CORPUS_DATASETS } from './names.js';
import type { InPageSpeed } from './speed/in-page.js';

/** Corpus pages per dataset (about 120 over the three), taken evenly spread; `--limit` overrides. */
const PAGES_PER_DATASET = 40;
/** Click-to-painted runs per page; the median is reported. */
const CLICK_RUNS = 10;
/**
 * How long the popup's card is on screen before "Open reader view" is clicked: about the quickest a person can see
 * the card and reach the button (a reaction and a short pointer move). The card is the moment the content script
 * prepares the reader's first render (src/reader/prewarm.ts). The same runs are also made with the click sent the
 * instant the card settles, which no person can do: there the click competes with the popup's own first frames.
 */
const CARD_DWELL_MS = 300;
const ITWIRE_URL = 'https://www.itwire.com/security/82961-us-govt-divided-on-whether-to-hit-kaspersky-with-more-sanctions.html';
const LONG_URL = 'https://www.estuarycourier.example/environment/2026/03/14/brackwater-night-flow/';
/** Goals from issue 6: detection median, click-to-painted on iTWire. */
const DETECT_GOAL_MS = 0.5;
const CLICK_GOAL_MS = 100;

/** The two pages, each clicked after CARD_DWELL_MS and the instant the card settles. */
type ClickCase = 'itwire' | 'long' | 'itwireAtOnce' | 'longAtOnce';

export interface Stats {
  n: number;
  median: number;
  p95: number;
}

export interface SpeedSummary {
  pages: number;
  chromium: {
    pages: number;
    autoVerdict: Stats;
    detectArticle: Stats;
    isProbablyReaderable: Stats;
    extract: { clearpage: Stats; readability: Stats };
    render: { clearpage: Stats; readability: Stats };
    cold: { extract: { clearpage: Stats; readability: Stats }; render: { clearpage: Stats; readability: Stats } };
    /** extractArticle step by step (separate runs from `extract`), each with its sum over the pages. */
    steps: Record<ExtractStep, Stats & { sum: number }>;
    /** The sum over the pages of Readability's extract figure, to set the steps against. */
    readabilitySum: number;
    /** The pages in four quarters by Readability's extract time, smallest first: sums of each side (see `quarters`). */
    quarters: Quarter[];
    failed: string[];
  } | null;
  jsdom: { extract: { clearpage: Stats; readability: Stats }; failed: string[] };
  clickToPainted: (Record<ClickCase, Stats & { runs: number[] }> & { dwellMs: number }) | null;
  gzipBytes: { detector: number | null; content: number | null };
}

function stats(values: readonly number[]): Stats {
  return { n: values.length, median: quantile(values, 0.5), p95: quantile(values, 0.95) };
}

/** One quarter of the pages by Readability's time: its sums of Readability, and of Clearpage's steps. */
export interface Quarter {
  pages: number;
  /** Readability.parse() on a clone of the whole page. */
  readability: number;
  /** Clearpage's step "Readability on the region". */
  region: number;
  /** Clearpage's other steps. */
  others: number;
}

/** Splits the pages into four quarters by Readability's extract time, to show where the steps cost more than it saves. */
function quarters(results: readonly InPageSpeed[]): Quarter[] {
  const sorted = [...results].sort((a, b) => a.extract.readability - b.extract.readability);
  return [0, 1, 2, 3].map((q) => {
    const part = sorted.slice(Math.round((q * sorted.length) / 4), Math.round(((q + 1) * sorted.length) / 4));
    const region = sumOf(part.map((r) => r.steps.readability));
    const steps = sumOf(part.map((r) => sumOf(EXTRACT_STEPS.map((step) => r.steps[step]))));
    return { pages: part.length, readability: sumOf(part.map((r) => r.extract.readability)), region, others: steps - region };
  });
}

function sumOf(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

function fixturePage(root: string, id: string, url: string): Page {
  return { dataset: 'fixtures', id, url, load: () => readFileSync(join(root, 'tests/fixtures', `${id}.html`), 'utf8') };
}

/** Every n-th page of each corpus dataset, so the sample spans each dataset rather than its first pages. */
function samplePages(opts: BenchOptions, root: string): Page[] {
  const perDataset = opts.limit ?? PAGES_PER_DATASET;
  const corpus = CORPUS_DATASETS.flatMap((dataset) => {
    if (!existsSync(join(opts.corpus, dataset, 'truth.jsonl'))) return [];
    const all = corpusPages(opts.corpus, dataset);
    const step = Math.max(1, all.length / perDataset);
    return Array.from({ length: Math.min(perDataset, all.length) }, (_, i) => all[Math.floor(i * step)] as Page);
  });
  return [
    fixturePage(root, 'itwire-kaspersky-sanctions', ITWIRE_URL),
    fixturePage(root, 'long-sectioned-article', LONG_URL),
    ...corpus,
  ];
}

/**
 * The extension's modules import webextension-polyfill, which refuses to load outside an extension. In the
 * bench bundle it is a stub: i18n answers '' (so `t()` shows the keys), everything else resolves to undefined.
 */
const browserStub: Plugin = {
  name: 'browser-stub',
  setup(b) {
    b.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: 'browser-stub', namespace: 'bench' }));
    b.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({
      loader: 'js',
      contents: `
        const handler = { get: (t, k) => (k in t ? t[k] : new Proxy(() => Promise.resolve(undefined), handler)), apply: () => Promise.resolve(undefined) };
        export default new Proxy({
          i18n: { getMessage: () => '', getUILanguage: () => 'en' },
          runtime: new Proxy({ getURL: (p) => p, id: 'bench' }, handler),
        }, handler);`,
    }));
  },
};

async function bundleInPage(): Promise<string> {
  const out = await build({
    entryPoints: [new URL('./speed/in-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
    plugins: [browserStub],
  });
  return out.outputFiles[0]?.text ?? '';
}

async function chromiumSpeed(pages: readonly Page[], log: (m: string) => void): Promise<SpeedSummary['chromium']> {
  const source = await bundleInPage();
  const run = await evaluateInPages<InPageSpeed>(
    pages,
    (i, page) => `${source};globalThis.__clearpageSpeed.time(${JSON.stringify(addressOf(page))}, ${i % 2 === 0})`,
    { viewport: { width: 1280, height: 900 }, progress: (i, page) => log(`[speed chromium ${i + 1}/${pages.length}] ${page.dataset}/${page.id}`) },
  );
  if (!run) {
    log('bench: Chromium not found; skipping the Chromium timings');
    return null;
  }
  const results = run.results.map((r) => r.value);
  const failed = run.failed;
  const pick = (f: (r: InPageSpeed) => number): Stats => stats(results.map(f));
  return {
    pages: results.length,
    autoVerdict: pick((r) => r.autoVerdict),
    detectArticle: pick((r) => r.detectArticle),
    isProbablyReaderable: pick((r) => r.isProbablyReaderable),
    extract: { clearpage: pick((r) => r.extract.clearpage), readability: pick((r) => r.extract.readability) },
    render: { clearpage: pick((r) => r.render.clearpage), readability: pick((r) => r.render.readability) },
    cold: {
      extract: { clearpage: pick((r) => r.cold.extract.clearpage), readability: pick((r) => r.cold.extract.readability) },
      render: { clearpage: pick((r) => r.cold.render.clearpage), readability: pick((r) => r.cold.render.readability) },
    },
    steps: Object.fromEntries(
      EXTRACT_STEPS.map((step) => [step, { ...pick((r) => r.steps[step]), sum: sumOf(results.map((r) => r.steps[step])) }]),
    ) as Record<ExtractStep, Stats & { sum: number }>,
    readabilitySum: sumOf(results.map((r) => r.extract.readability)),
    quarters: quarters(results),
    failed,
  };
}

/** The CLI's path on jsdom; each side gets its own parse (not timed), the order alternating page by page. */
function jsdomSpeed(pages: readonly Page[], log: (m: string) => void): SpeedSummary['jsdom'] {
  const clearpage: number[] = [];
  const readability: number[] = [];
  const failed: string[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (const [i, page] of pages.entries()) {
    try {
      const html = page.load();
      const url = addressOf(page);
      const runClearpage = () => {
        gc?.();
        clearpage.push(extractHtml(html, { url }).ms.extract);
      };
      const runReadability = () => {
        const doc = parseHtml(html, url);
        gc?.();
        const start = performance.now();
        new Readability(doc.cloneNode(true) as Document).parse();
        readability.push(performance.now() - start);
        doc.defaultView?.close();
      };
      if (i % 2 === 0) {
        runClearpage();
        runReadability();
      } else {
        runReadability();
        runClearpage();
      }
    } catch (error) {
      failed.push(`${page.dataset}/${page.id}: ${(error as Error).message.split('\n')[0]}`);
    }
    if ((i + 1) % 20 === 0) log(`[speed jsdom ${i + 1}/${pages.length}]`);
  }
  return { extract: { clearpage: stats(clearpage), readability: stats(readability) }, failed };
}

/**
 * The real extension: a tab on the page (served at 127.0.0.1), the toolbar action clicked, the popup settled on
 * "article", the card left on screen for CARD_DWELL_MS (or not at all), then a trusted click on "Open reader view". The clock starts as the mouse press is sent and stops
 * when the first frame after the reader's host joined the page has been painted: a MutationObserver sees the host,
 * a requestAnimationFrame callback runs before that frame paints, a message posted from it arrives after.
 * Both ends read `performance.timeOrigin + performance.now()`, the same wall clock in Node and in the page.
 */
async function clickToPainted(root: string, log: (m: string) => void): Promise<SpeedSummary['clickToPainted']> {
  if (!existsSync(join(root, 'dist/manifest.json'))) {
    log('bench: dist/ not built (npm run build); skipping click-to-painted');
    return null;
  }
  const server = await startServer();
  const chrome = await launchChromium();
  const runs: Record<ClickCase, number[]> = { itwire: [], long: [], itwireAtOnce: [], longAtOnce: [] };
  const cases = [
    ['itwire', 'itwire-kaspersky-sanctions.html', CARD_DWELL_MS], ['long', 'long-sectioned-article.html', CARD_DWELL_MS],
    ['itwireAtOnce', 'itwire-kaspersky-sanctions.html', 0], ['longAtOnce', 'long-sectioned-article.html', 0],
  ] as const;
  try {
    for (let run = 0; run < CLICK_RUNS; run++) {
      for (const [key, file, dwell] of cases) {
        const tab = await chrome.openPage(server.url(`/${file}`));
        try {
          await tab.evaluate((host) => {
            const w = window as unknown as { __cpPainted?: Promise<number> };
            w.__cpPainted = new Promise<number>((resolve) => {
              const observer = new MutationObserver(() => {
                if (!document.querySelector(host)) return;
                observer.disconnect();
                requestAnimationFrame(() => {
                  const channel = new MessageChannel();
                  channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
                  channel.port2.postMessage(null);
                });
              });
              observer.observe(document.documentElement, { childList: true });
            });
          }, READER_HOST);
          const surface = await chrome.clickAction(tab);
          const popup = new PopupView(surface);
          const state = await popup.settled();
          if (state !== 'article') throw new Error(`popup state ${state}`);
          await new Promise((resolve) => setTimeout(resolve, dwell));
          const point = await surface.evaluate(() => {
            const r = (document.querySelector('button#open-reader') as HTMLElement).getBoundingClientRect();
            return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
          }, undefined);
          const base = { x: point.x, y: point.y, button: 'left', clickCount: 1 };
          await surface.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: point.x, y: point.y });
          const clicked = performance.timeOrigin + performance.now();
          await surface.send('Input.dispatchMouseEvent', { ...base, type: 'mousePressed', buttons: 1 });
          // The popup closes itself once the reader is open; the release may race with that.
          await surface.send('Input.dispatchMouseEvent', { ...base, type: 'mouseReleased', buttons: 0 }).catch(() => undefined);
          const painted = await tab.evaluate(() => (window as unknown as { __cpPainted: Promise<number> }).__cpPainted);
          runs[key].push(painted - clicked);
          log(`[speed click ${run + 1}/${CLICK_RUNS}] ${key}: ${(painted - clicked).toFixed(1)} ms`);
        } catch (error) {
          log(`bench: click-to-painted failed on ${file}: ${(error as Error).message.split('\n')[0]}`);
        } finally {
          await tab.close().catch(() => undefined);
        }
      }
    }
  } finally {
    await chrome.close();
    await server.close();
  }
  const withRuns = (key: ClickCase): Stats & { runs: number[] } => ({ ...stats(runs[key]), runs: runs[key] });
  return {
    dwellMs: CARD_DWELL_MS,
    itwire: withRuns('itwire'), long: withRuns('long'), itwireAtOnce: withRuns('itwireAtOnce'), longAtOnce: withRuns('longAtOnce'),
  };
}

function gzipBytes(file: string): number | null {
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : null;
}

export async function runSpeedBench(opts: BenchOptions, root: string, log: (m: string) => void): Promise<SpeedSummary> {
  const pages = samplePages(opts, root);
  log(`bench: speed: ${pages.length} pages`);
  const chromium = await chromiumSpeed(pages, log);
  const jsdom = jsdomSpeed(pages, log);
  const click = await clickToPainted(root, log);
  return {
    pages: pages.length,
    chromium,
    jsdom,
    clickToPainted: click,
    gzipBytes: { detector: gzipBytes(join(root, 'dist/detector.js')), content: gzipBytes(join(root, 'dist/content.js')) },
  };
}

// ---------------------------------------------------------------------------------------------------------

const ms = (x: number): string => (Number.isFinite(x) ? `${x < 1 ? x.toFixed(3) : x.toFixed(1)} ms` : '–');
const pair = (s: Stats): string => `${ms(s.median)} / ${ms(s.p95)}`;
const ratio = (a: Stats, b: Stats): string => `${(a.median / b.median).toFixed(2)}× / ${(a.p95 / b.p95).toFixed(2)}×`;
const verdict = (met: boolean): string => (met ? 'ok' : 'MISS');

function noAbove(a: Stats, b: Stats): string {
  return `≤ Readability median and p95  ${verdict(a.median <= b.median && a.p95 <= b.p95)}`;
}

/** What each step of extractArticle does, for the breakdown's rows. */
const STEP_LABELS: Record<ExtractStep, string> = {
  detection: 'detection: page scan and verdict',
  metadata: 'metadata: structured data, printed byline and dates',
  region: 'article region',
  clone: 'copy of the region',
  strip: 'removal rules, their records, lead-figure notes',
  readability: 'Readability on the region',
  repair: 'repairs after Readability',
  output: 'text, word count, HTML',
};

/**
 * Where extractArticle's time goes, against Readability on the whole page (sums over the pages): Readability on the
 * region alone costs less than on the whole page; the rest is what Clearpage does that Readability does not.
 */
function formatSteps(steps: Record<ExtractStep, Stats & { sum: number }>, readabilitySum: number, pages: number): string[] {
  const total = sumOf(EXTRACT_STEPS.map((step) => steps[step].sum));
  const share = (sum: number, of: number): string => `${((100 * sum) / of).toFixed(0)} %`;
  const rows = EXTRACT_STEPS.map(
    (step) => `| ${STEP_LABELS[step]} | ${pair(steps[step])} | ${ms(steps[step].sum)} | ${share(steps[step].sum, total)} | ${share(steps[step].sum, readabilitySum)} |`,
  );
  const besides = total - steps.readability.sum;
  return [
    `### extractArticle step by step, Chromium (warm, ${pages} pages; separate runs from the extract row)`,
    '| step | median / p95 per page | sum over pages | share of the steps | ÷ Readability on the whole page (sum) |',
    '|---|---|---|---|---|',
    ...rows,
    `| all steps | | ${ms(total)} | 100 % | ${share(total, readabilitySum)} |`,
    `| Readability.parse() on a clone of the whole page (the extract row) | | ${ms(readabilitySum)} | | 100 % |`,
    '',
    `Readability on the article region costs ${share(steps.readability.sum, readabilitySum)} of Readability on the whole page; the other steps, ` +
      `which Readability does not do, cost ${share(besides, readabilitySum)} of it.`,
  ];
}

/** The same steps by the size of the page: where the region's saving pays for the other steps, and where not. */
function formatQuarters(parts: readonly Quarter[]): string[] {
  const names = ['smallest', 'second', 'third', 'largest'];
  const x = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
  return [
    '### the same steps, pages in quarters by Readability\'s time (sums over each quarter, ÷ Readability on the whole page)',
    '| quarter | pages | Readability on the whole page, mean | Readability on the region | other steps | all steps |',
    '|---|---|---|---|---|---|',
    ...parts.map(
      (q, i) =>
        `| ${names[i]} | ${q.pages} | ${ms(q.readability / q.pages)} | ${x(q.region, q.readability)} | ${x(q.others, q.readability)} | ${x(q.region + q.others, q.readability)} |`,
    ),
  ];
}

export function formatSpeed(s: SpeedSummary): string {
  const lines = [
    `## speed (${s.pages} pages: ${s.pages - 2} corpus pages spread over the datasets, the iTWire article, the long sectioned article)`,
    '| measure, median / p95 per page | Clearpage | Readability | Clearpage ÷ Readability | goal |',
    '|---|---|---|---|---|',
  ];
  const c = s.chromium;
  if (c) {
    lines.push(
      `| detect, Chromium: autoVerdict vs isProbablyReaderable (${c.pages} pages) | ${pair(c.autoVerdict)} | ${pair(c.isProbablyReaderable)} | ${ratio(c.autoVerdict, c.isProbablyReaderable)} | median < ${DETECT_GOAL_MS} ms  ${verdict(c.autoVerdict.median < DETECT_GOAL_MS)} |`,
      `| detect, Chromium: detectArticle vs isProbablyReaderable | ${pair(c.detectArticle)} | ${pair(c.isProbablyReaderable)} | ${ratio(c.detectArticle, c.isProbablyReaderable)} | |`,
      `| extract, Chromium: extractArticle vs Readability.parse() on a clone | ${pair(c.extract.clearpage)} | ${pair(c.extract.readability)} | ${ratio(c.extract.clearpage, c.extract.readability)} | ${noAbove(c.extract.clearpage, c.extract.readability)} |`,
      `| render, Chromium: full openReaderView (i18n stubbed) + layout vs Readability's HTML sanitized into a shadow root + layout | ${pair(c.render.clearpage)} | ${pair(c.render.readability)} | ${ratio(c.render.clearpage, c.render.readability)} | |`,
      `| extract, Chromium, cold first run (fresh page and bundle) | ${pair(c.cold.extract.clearpage)} | ${pair(c.cold.extract.readability)} | ${ratio(c.cold.extract.clearpage, c.cold.extract.readability)} | |`,
      `| render, Chromium, cold first run | ${pair(c.cold.render.clearpage)} | ${pair(c.cold.render.readability)} | ${ratio(c.cold.render.clearpage, c.cold.render.readability)} | |`,
    );
  } else lines.push('| Chromium timings | not run | | | |');
  const j = s.jsdom.extract;
  lines.push(`| extract, jsdom, CLI path (extractHtml) vs Readability.parse() on a clone (${j.clearpage.n} pages) | ${pair(j.clearpage)} | ${pair(j.readability)} | ${ratio(j.clearpage, j.readability)} | ${noAbove(j.clearpage, j.readability)} |`);
  const k = s.clickToPainted;
  if (k) {
    lines.push(
      `| click-to-painted, real extension, iTWire article, card shown ${k.dwellMs} ms (${k.itwire.n} runs) | ${pair(k.itwire)} | | | median < ${CLICK_GOAL_MS} ms  ${verdict(k.itwire.median < CLICK_GOAL_MS)} |`,
      `| click-to-painted, real extension, long sectioned article, card shown ${k.dwellMs} ms (${k.long.n} runs) | ${pair(k.long)} | | | |`,
      `| click-to-painted, iTWire, clicked the instant the card settles (${k.itwireAtOnce.n} runs) | ${pair(k.itwireAtOnce)} | | | |`,
      `| click-to-painted, long article, clicked the instant the card settles (${k.longAtOnce.n} runs) | ${pair(k.longAtOnce)} | | | |`,
    );
  } else lines.push('| click-to-painted | not run (build dist/ first) | | | |');
  const kib = (b: number | null): string => (b === null ? 'not built' : `${(b / 1024).toFixed(1)} KiB`);
  lines.push(
    `| dist/detector.js, gzip | ${kib(s.gzipBytes.detector)} | | | |`,
    `| dist/content.js (the reader bundle), gzip | ${kib(s.gzipBytes.content)} | | | |`,
  );
  if (c) lines.push('', ...formatSteps(c.steps, c.readabilitySum, c.pages), '', ...formatQuarters(c.quarters));
  const failed = [...(c?.failed ?? []), ...s.jsdom.failed];
  if (failed.length) lines.push('', `Pages that failed (left out): ${failed.join('; ')}`);
  lines.push('', 'Times are wall-clock on a shared machine: compare the columns of one run, not runs with each other.');
  return lines.join('\n');
}
