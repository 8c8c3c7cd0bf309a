/**
 * The auto-mode section of `npm run bench` (`--dataset auto`):
 * - precision on jsdom: how often auto mode would open on a page that is no article (our non-article fixtures
 *   and the iTWire front page; goal 0) and stay closed on a real article (the corpus pages, minus the
 *   readability-tests pages Readability itself calls not readerable; goal under 5 %);
 * - the detector bundle's size (dist/detector.js, gzip);
 * - its time per page in real headless Chromium (Debian's /usr/bin/chromium through playwright-core), against
 *   Readability's isProbablyReaderable on the same live DOM, over a sample of corpus pages. Page scripts are
 *   removed and every request but the page itself is aborted: nothing leaves the machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { parseHtml } from '../../src/cli/extract-html.js';
import { autoVerdict } from '../../src/core/auto-verdict.js';
import { scanPage } from '../../src/core/detect.js';
import type { BenchOptions } from './args.js';
import { addressOf, evaluateInPages } from './chromium-pages.js';
import { corpusPages, type Page } from './corpus.js';
import { CORPUS_DATASETS } from './names.js';

/** Pages timed in Chromium per corpus dataset (the whole zyte set is 104 pages; enough for a median and p95). */
const CHROMIUM_PAGES_PER_DATASET = 120;

interface NonArticle {
  file: string;
  url: string;
  kind: string;
}

export interface AutoModeSummary {
  nonArticles: { pages: number; opened: string[] };
  articles: { pages: number; closed: number; closedShare: number; byDataset: Record<string, { pages: number; closed: number }> };
  detectorGzipBytes: number | null;
  chromium: {
    pages: number;
    detectorMedianMs: number;
    detectorP95Ms: number;
    readerableMedianMs: number;
    readerableP95Ms: number;
    /** Pages where the detector's verdict in Chromium (selector scan) differs from the jsdom one (walk). */
    verdictDiffers: string[];
  } | null;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number) : Number.NaN;
}

function nonArticlePages(root: string): NonArticle[] {
  const dir = join(root, 'tests/fixtures/non-articles');
  const listed: NonArticle[] = existsSync(join(dir, 'pages.json'))
    ? (JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8')) as NonArticle[]).map((p) => ({ ...p, file: join(dir, p.file) }))
    : [];
  // The iTWire front page is a non-article too (its own fixture, with the address it has on the web).
  listed.push({ file: join(root, 'tests/fixtures/itwire-home.html'), url: 'https://itwire.com/', kind: 'home' });
  return listed;
}

/** Real articles: every corpus page, but the readability-tests pages whose truth says "not readerable". */
function articlePages(opts: BenchOptions): Page[] {
  return CORPUS_DATASETS.flatMap((dataset) =>
    existsSync(join(opts.corpus, dataset, 'truth.jsonl'))
      ? corpusPages(opts.corpus, dataset, opts.limit).filter((p) => p.truth?.readerable !== false)
      : [],
  );
}

function judge(html: string, url: string): boolean {
  const doc = parseHtml(html, url);
  try {
    // The walk, not the selector scan: same verdict (unit-tested), and jsdom keeps documents it ran selectors on.
    return autoVerdict(doc, url, scanPage(doc)).isNewsArticle;
  } finally {
    doc.defaultView?.close();
  }
}

async function chromiumTimings(
  pages: readonly Page[],
  jsdomVerdicts: ReadonlyMap<Page, boolean>,
  log: (m: string) => void,
): Promise<AutoModeSummary['chromium']> {
  const bundle = await build({
    entryPoints: [new URL('./auto/in-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  });
  const source = bundle.outputFiles[0]?.text ?? '';
  const run = await evaluateInPages<{ detectorMs: number; readerableMs: number; isNewsArticle: boolean }>(
    pages,
    (_i, page) => `${source};globalThis.__clearpageBench.time(${JSON.stringify(addressOf(page))})`,
  );
  if (!run) {
    log('bench: Chromium not found; skipping the Chromium detector timings');
    return null;
  }
  for (const failure of run.failed) log(`bench: chromium timing failed on ${failure}`);
  const detector = run.results.map((r) => r.value.detectorMs);
  const readerable = run.results.map((r) => r.value.readerableMs);
  const verdictDiffers = run.results.filter((r) => r.value.isNewsArticle !== jsdomVerdicts.get(r.page)).map((r) => `${r.page.dataset}/${r.page.id}`);
  return {
    pages: detector.length,
    detectorMedianMs: percentile(detector, 0.5),
    detectorP95Ms: percentile(detector, 0.95),
    readerableMedianMs: percentile(readerable, 0.5),
    readerableP95Ms: percentile(readerable, 0.95),
    verdictDiffers,
  };
}

export async function runAutoModeBench(opts: BenchOptions, root: string, log: (m: string) => void): Promise<AutoModeSummary> {
  const opened: string[] = [];
  const nonArticles = nonArticlePages(root);
  for (const page of nonArticles) {
    if (judge(readFileSync(page.file, 'utf8'), page.url)) opened.push(`${page.kind} ${page.url}`);
  }
  log(`bench: auto mode: ${nonArticles.length} non-article pages judged`);

  const articles = articlePages(opts);
  const byDataset: Record<string, { pages: number; closed: number }> = {};
  const verdicts = new Map<Page, boolean>();
  for (const [i, page] of articles.entries()) {
    const entry = (byDataset[page.dataset] ??= { pages: 0, closed: 0 });
    entry.pages++;
    const open = judge(page.load(), addressOf(page));
    verdicts.set(page, open);
    if (!open) entry.closed++;
    if ((i + 1) % 100 === 0) log(`bench: auto mode: ${i + 1}/${articles.length} articles judged`);
  }
  const closed = Object.values(byDataset).reduce((n, d) => n + d.closed, 0);

  const detectorFile = join(root, 'dist/detector.js');
  const detectorGzipBytes = existsSync(detectorFile) ? gzipSync(readFileSync(detectorFile), { level: 9 }).length : null;
  if (detectorGzipBytes === null) log('bench: dist/detector.js not found (run npm run build first); its size is not reported');

  const sample = CORPUS_DATASETS.flatMap((dataset) => articles.filter((p) => p.dataset === dataset).slice(0, CHROMIUM_PAGES_PER_DATASET));
  const chromium = await chromiumTimings(sample, verdicts, log);
  return {
    nonArticles: { pages: nonArticles.length, opened },
    articles: { pages: articles.length, closed, closedShare: articles.length ? closed / articles.length : Number.NaN, byDataset },
    detectorGzipBytes,
    chromium,
  };
}

export function formatAutoMode(s: AutoModeSummary): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const lines = [
    '## auto mode (detector)',
    '| metric | value | goal |',
    '|---|---|---|',
    `| opens wrongly on non-article pages | ${s.nonArticles.opened.length} of ${s.nonArticles.pages} | 0 |`,
    `| stays closed on real articles (corpus) | ${s.articles.closed} of ${s.articles.pages} (${pct(s.articles.closedShare)}) | < 5 % |`,
    ...Object.entries(s.articles.byDataset).map(([d, v]) => `| … ${d} | ${v.closed} of ${v.pages} (${pct(v.closed / v.pages)}) | |`),
    `| detector bundle, gzip | ${s.detectorGzipBytes === null ? 'not built' : `${(s.detectorGzipBytes / 1024).toFixed(1)} KiB`} | < 10 KB |`,
  ];
  if (s.chromium) {
    const c = s.chromium;
    lines.push(
      `| detector time per page, Chromium, median / p95 (${c.pages} pages) | ${ms(c.detectorMedianMs)} / ${ms(c.detectorP95Ms)} | < 0.5 ms / < 1 ms |`,
      `| isProbablyReaderable, same pages, median / p95 | ${ms(c.readerableMedianMs)} / ${ms(c.readerableP95Ms)} | (reference) |`,
      `| ratio detector / isProbablyReaderable (median) | ${(c.detectorMedianMs / c.readerableMedianMs).toFixed(2)}× | |`,
      `| verdict in Chromium (selector scan) differs from jsdom (walk) | ${c.verdictDiffers.length} of ${c.pages} | 0 |`,
    );
    if (c.verdictDiffers.length) lines.push('', `Verdicts that differ: ${c.verdictDiffers.join(', ')}`);
  }
  if (s.nonArticles.opened.length) lines.push('', `Opened wrongly: ${s.nonArticles.opened.join('; ')}`);
  return lines.join('\n');
}
