/**
 * `npm run bench`: runs Clearpage (the CLI's code path on jsdom), plain @mozilla/readability and Defuddle
 * over the evaluation corpora (../shared/corpus, see its README for the metrics) and the project's fixture
 * pages, interleaved page by page in one process, and prints one table (stdout). Per-page results go to
 * `<out>/<dataset>.<adapter>.jsonl` and totals to `<out>/summary.json`; progress goes to stderr.
 *
 *   node --expose-gc --import tsx tests/bench/run.ts [--dataset zyte --limit 20 ...]   (see args.ts)
 */
// Dates without a zone parse as UTC, whatever the machine's zone, so the "published day" scores repeat.
process.env.TZ = 'UTC';

import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeAdapter, type Adapter, type Extraction } from './adapters.js';
import { summarize, type AdapterSummary, type DatasetSummary } from './aggregate.js';
import { parseBenchArgs, type BenchOptions } from './args.js';
import { corpusPages, fixturePages, type Page } from './corpus.js';
import { renderText } from './metrics/render-text.js';
import { CORPUS_DATASETS, REFERENCE_ADAPTER, type AdapterName, type CorpusDataset, type Dataset } from './names.js';
import { scorePage, type PageRecord } from './score.js';
import { formatSection } from './table.js';
import { formatAutoMode, runAutoModeBench, type AutoModeSummary } from './auto-mode.js';
import { formatSpeed, runSpeedBench, type SpeedSummary } from './speed.js';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);

// Some extractors log to the console; stdout is kept for the table alone.
console.log = console.error;
console.info = console.error;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function loadPages(opts: BenchOptions, dataset: Dataset): Page[] {
  let pages: Page[];
  if (dataset === 'fixtures') pages = fixturePages(join(ROOT, 'tests/fixtures'), opts.limit);
  else if (!existsSync(join(opts.corpus, dataset, 'truth.jsonl'))) {
    log(`bench: ${join(opts.corpus, dataset)}/truth.jsonl not found; skipping ${dataset} (give --corpus DIR)`);
    return [];
  } else pages = corpusPages(opts.corpus, dataset as CorpusDataset, opts.limit);
  const shard = opts.shard;
  const picked = shard ? pages.filter((_, i) => i % shard.n === shard.k - 1) : pages;
  return opts.reverse ? picked.reverse() : picked;
}

/** Ids that have a line in every adapter's JSON Lines of one of the folders (read afresh: they may be growing). */
function doneIds(dirs: readonly string[], dataset: Dataset, adapters: readonly AdapterName[]): Set<string> {
  const perAdapter = adapters.map((adapter) => {
    const ids = new Set<string>();
    for (const dir of dirs) {
      const file = join(dir, `${dataset}.${adapter}.jsonl`);
      if (!existsSync(file)) continue;
      for (const raw of readFileSync(file, 'utf8').split('\n')) {
        const id = /^\{"id":("(?:[^"\\]|\\.)*")/.exec(raw)?.[1];
        // Only complete lines count: a line still being written does not end with "}".
        if (id && raw.endsWith('}')) ids.add(JSON.parse(id) as string);
      }
    }
    return ids;
  });
  const [first, ...rest] = perAdapter;
  return new Set([...(first ?? [])].filter((id) => rest.every((ids) => ids.has(id))));
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

type Records = Map<Dataset, Map<AdapterName, PageRecord[]>>;

function settingsLine(opts: BenchOptions): string {
  return [
    `corpus ${opts.corpus}`,
    opts.limit ? `limit ${opts.limit}` : '',
    opts.disabledRules.length ? `no-rule ${opts.disabledRules.join(',')}` : '',
    opts.stripAds ? '' : 'no-strip-ads',
    opts.stripComments ? '' : 'no-strip-comments',
    opts.shard ? `shard ${opts.shard.k}/${opts.shard.n}` : '',
    opts.reverse ? 'reverse' : '',
    opts.skipDone.length ? `skip done in ${opts.skipDone.join(', ')}` : '',
    opts.rescore.length ? `re-scored from ${opts.rescore.join(', ')}` : '',
    `node ${process.version}`,
    typeof globalThis.gc === 'function' ? 'gc forced' : 'gc NOT forced',
  ]
    .filter(Boolean)
    .join('; ');
}

/** Runs every adapter on every page of one dataset; writes its JSON Lines as it goes. */
function runDataset(
  opts: BenchOptions,
  dataset: Dataset,
  adapters: readonly Adapter[],
  state: { pageIndex: number },
): Map<AdapterName, PageRecord[]> {
  const pages = loadPages(opts, dataset);
  const byAdapter = new Map<AdapterName, PageRecord[]>(opts.adapters.map((a) => [a, []]));
  const files = new Map(opts.adapters.map((a) => [a, join(opts.out, `${dataset}.${a}.jsonl`)]));
  if (pages.length) for (const file of files.values()) writeFileSync(file, '');
  pages.forEach((page, i) => {
    if (opts.skipDone.length && doneIds(opts.skipDone, dataset, opts.adapters).has(page.id)) {
      log(`[${dataset} ${i + 1}/${pages.length}] ${page.id}  (done in --skip-done; skipped)`);
      return;
    }
    let html: string;
    try {
      html = page.load();
    } catch (error) {
      log(`bench: cannot read ${dataset}/${page.id}: ${(error as Error).message}; skipped`);
      return;
    }
    // Rotate the order page by page so no adapter always runs first (warm caches) or last.
    const order = adapters.map((_, k) => adapters[(k + state.pageIndex) % adapters.length] as Adapter);
    state.pageIndex++;
    const notes: string[] = [];
    for (const adapter of order) {
      const out = adapter.run(html, page.url);
      let text: string | null = null;
      if (!out.error) {
        try {
          text = renderText(out.contentHtml);
        } catch (error) {
          out.error = `render: ${(error as Error).message}`;
        }
      }
      if (out.error) notes.push(`${adapter.name} error: ${out.error}`);
      const record = scorePage(page, out, text);
      byAdapter.get(adapter.name)?.push(record);
      const line = opts.keepText ? { ...record, text, got: gotFields(out) } : record;
      appendFileSync(files.get(adapter.name) as string, `${JSON.stringify(line)}\n`);
    }
    log(`[${dataset} ${i + 1}/${pages.length}] ${page.id}${notes.length ? `  (${notes.join('; ')})` : ''}`);
  });
  return byAdapter;
}

/** What --keep-text stores of an extraction besides the text, so --rescore can score every metric again. */
function gotFields(out: Extraction): KeptFields {
  return {
    title: out.title,
    byline: out.byline,
    published: out.published,
    siteName: out.siteName,
    lang: out.lang,
    ...(out.isArticle !== undefined ? { isArticle: out.isArticle } : {}),
    ...(out.removed !== undefined ? { removed: out.removed } : {}),
  };
}

type KeptFields = Pick<Extraction, 'title' | 'byline' | 'published' | 'siteName' | 'lang' | 'isArticle' | 'removed'>;

interface KeptLine extends PageRecord {
  text?: string | null;
  got?: KeptFields;
}

/** Scores the kept lines of earlier runs again; lines from runs before `got` was kept fall back on the records. */
function rescoreDataset(opts: BenchOptions, dataset: Dataset): Map<AdapterName, PageRecord[]> {
  const pages = new Map(loadPages({ ...opts, limit: undefined, shard: undefined }, dataset).map((p) => [p.id, p]));
  const byAdapter = new Map<AdapterName, PageRecord[]>();
  for (const adapter of opts.adapters) {
    const recs: PageRecord[] = [];
    const seen = new Set<string>();
    for (const dir of opts.rescore) {
      const file = join(dir, `${dataset}.${adapter}.jsonl`);
      if (!existsSync(file)) continue;
      for (const raw of readFileSync(file, 'utf8').split('\n')) {
        if (!raw.trim()) continue;
        let line: KeptLine;
        try {
          line = JSON.parse(raw) as KeptLine;
        } catch {
          log(`bench: ${file}: a line that is not JSON (a run stopped mid-write?); skipped`);
          continue;
        }
        const page = pages.get(line.id);
        // A page done twice (shards helped from both ends) counts once: the first folder's line.
        if (!page || seen.has(line.id)) continue;
        seen.add(line.id);
        if (line.text === undefined) throw new Error(`${file} has no text: it was not written with --keep-text`);
        const got: KeptFields = line.got ?? {
          title: line.title?.got ?? null,
          byline: line.byline?.got ?? null,
          published: line.published?.got ?? null,
          siteName: null,
          lang: null,
          ...(line.readerable && line.readerable.got !== null ? { isArticle: line.readerable.got } : {}),
        };
        const out: Extraction = { contentHtml: '', ...got, ms: line.ms, detectMs: line.detectMs, ...(line.error ? { error: line.error } : {}) };
        recs.push(scorePage(page, out, line.text));
      }
    }
    // The corpus order, as in a normal run (the seeded bootstrap resamples by position).
    const order = new Map([...pages.keys()].map((id, i) => [id, i]));
    recs.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    if (recs.length) byAdapter.set(adapter, recs);
  }
  return byAdapter;
}

async function main(argv: readonly string[]): Promise<number> {
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(argv, ROOT);
  } catch (error) {
    log((error as Error).message);
    return 2;
  }
  const adapters: Adapter[] = opts.adapters.map((name) =>
    makeAdapter(name, {
      stripAds: opts.stripAds,
      stripComments: opts.stripComments,
      disabledRules: opts.disabledRules,
    }),
  );
  mkdirSync(opts.out, { recursive: true });

  const commit = gitCommit();
  const started = Date.now();
  const state = { pageIndex: 0 };
  const records: Records = new Map();
  const summaries: Partial<Record<Dataset | 'all', DatasetSummary>> = {};
  let autoMode: AutoModeSummary | null = null;
  let speed: SpeedSummary | null = null;
  const withReference = opts.adapters.includes(REFERENCE_ADAPTER);
  const writeSummary = () =>
    writeFileSync(
      join(opts.out, 'summary.json'),
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          commit,
          node: process.version,
          seconds: (Date.now() - started) / 1000,
          options: opts,
          summaries,
          autoMode,
          speed,
        },
        replacer,
        2,
      )}\n`,
    );

  // Each dataset's section is printed as soon as it is done, so a long run shows results early.
  process.stdout.write(`# Clearpage bench (${commit ?? 'no git'}; ${settingsLine(opts)})\n`);
  for (const dataset of opts.datasets) {
    if (dataset === 'auto' || dataset === 'speed') continue;
    const byAdapter = opts.rescore.length ? rescoreDataset(opts, dataset) : runDataset(opts, dataset, adapters, state);
    records.set(dataset, byAdapter);
    const summary: DatasetSummary = {};
    const ref = withReference ? byAdapter.get(REFERENCE_ADAPTER) : undefined;
    for (const [adapter, recs] of byAdapter) if (recs.length) summary[adapter] = summarize(recs, ref);
    if (!Object.keys(summary).length) continue;
    summaries[dataset] = summary;
    const n = Math.max(0, ...[...byAdapter.values()].map((r) => r.length));
    process.stdout.write(`\n${formatSection(`${dataset} (${n} pages)`, dataset, summary, opts.adapters)}\n`);
    writeSummary();
  }

  // Speed over every corpus page of the run (the issue's "extraction time vs plain Readability" row).
  const corpusRecords = (adapter: AdapterName): PageRecord[] =>
    [...records]
      .filter(([d]) => (CORPUS_DATASETS as readonly string[]).includes(d))
      .flatMap(([d, m]) => (m.get(adapter) ?? []).map((r) => ({ ...r, id: `${d}/${r.id}` })));
  const all: DatasetSummary = {};
  for (const adapter of opts.adapters) {
    const recs = corpusRecords(adapter);
    if (recs.length) all[adapter] = speedOnly(summarize(recs, withReference ? corpusRecords(REFERENCE_ADAPTER) : undefined));
  }
  if (Object.keys(all).length) {
    summaries.all = all;
    const n = Math.max(0, ...Object.values(all).map((a) => a.pages));
    process.stdout.write(`\n${formatSection(`speed over all corpus pages (${n} pages)`, 'all', all, opts.adapters)}\n`);
  }
  if (opts.datasets.includes('auto') && !opts.rescore.length) {
    autoMode = await runAutoModeBench(opts, ROOT, log);
    process.stdout.write(`\n${formatAutoMode(autoMode)}\n`);
  }
  if (opts.datasets.includes('speed') && !opts.rescore.length) {
    speed = await runSpeedBench(opts, ROOT, log);
    process.stdout.write(`\n${formatSpeed(speed)}\n`);
  }
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`\n${seconds.toFixed(0)} s\n`);
  writeSummary();
  log(`bench: per-page results and summary.json in ${opts.out}`);
  return 0;
}

/** The "all" section reports speed only; quality metrics are per dataset. */
function speedOnly(s: AdapterSummary): AdapterSummary {
  return {
    pages: s.pages,
    errors: s.errors,
    emptyOutput: s.emptyOutput,
    speed: s.speed,
    detect: s.detect,
    ...(s.ratios ? { ratios: s.ratios } : {}),
    ...(s.detectRatios ? { detectRatios: s.detectRatios } : {}),
  };
}

/** JSON has no NaN: write null. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(`bench: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  },
);
