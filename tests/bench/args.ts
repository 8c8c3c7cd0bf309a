/** Command-line options of `npm run bench`. */
import { resolve } from 'node:path';
import { ADAPTERS, DATASETS, DEFAULT_DATASETS, type AdapterName, type Dataset } from './names.js';

export interface BenchOptions {
  corpus: string;
  datasets: Dataset[];
  limit?: number;
  adapters: AdapterName[];
  out: string;
  disabledRules: string[];
  stripAds: boolean;
  stripComments: boolean;
  /** Also write each page's rendered text into the JSON Lines (to re-score or diff without re-running). */
  keepText: boolean;
  /** Run only pages whose index in the (limited) dataset is k-1 modulo n: `--shard k/n`. */
  shard?: { k: number; n: number };
  /** Re-score the JSON Lines of earlier --keep-text runs in these folders instead of extracting. */
  rescore: string[];
  /** Run the pages in reverse order. */
  reverse: boolean;
  /** Skip pages that already have a line for every adapter in these folders' JSON Lines (resume, or help a running shard). */
  skipDone: string[];
}

export const USAGE = `usage: npm run bench -- [options]
  --corpus DIR          corpora folder (default: ../shared/corpus beside the repository)
  --dataset NAME        ${DATASETS.join('|')}; repeatable or comma-separated (default: all)
  --limit N             at most N pages per dataset
  --adapters A,B        ${ADAPTERS.join(',')} (default: all three)
  --out DIR             per-page results and summary.json (default: bench-results/)
  --no-rule NAME        switch a Clearpage rule off (repeatable; passed as disabledRules)
  --no-strip-ads        Clearpage option stripAds = false
  --no-strip-comments   Clearpage option stripComments = false
  --keep-text           also write each page's rendered text into the JSON Lines
  --shard K/N           only every N-th page, starting at the K-th (split a long run over processes)
  --rescore DIR         no extraction: score the --keep-text JSON Lines in DIR again (repeatable: the
                        shards of one run) with the current metric code, and print the table
  --reverse             run the pages last first
  --skip-done DIR       skip pages already done in DIR (repeatable): resume a run, or, with --reverse,
                        help a running shard from its other end`;

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Parses argv (without node and script); `root` is the repository root. Throws with a message on bad input. */
export function parseBenchArgs(argv: readonly string[], root: string): BenchOptions {
  const opts: BenchOptions = {
    corpus: resolve(root, '../shared/corpus'),
    datasets: [],
    adapters: [],
    out: resolve(root, 'bench-results'),
    disabledRules: [],
    stripAds: true,
    stripComments: true,
    keepText: false,
    rescore: [],
    reverse: false,
    skipDone: [],
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i] as string;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    switch (arg) {
      case '--corpus':
        opts.corpus = resolve(value());
        break;
      case '--dataset':
      case '--datasets':
        for (const d of list(value())) {
          if (!(DATASETS as readonly string[]).includes(d)) throw new Error(`unknown dataset ${d}\n${USAGE}`);
          if (!opts.datasets.includes(d as Dataset)) opts.datasets.push(d as Dataset);
        }
        break;
      case '--limit': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new Error(`--limit needs a positive integer\n${USAGE}`);
        opts.limit = n;
        break;
      }
      case '--adapters':
      case '--adapter':
        for (const a of list(value())) {
          if (!(ADAPTERS as readonly string[]).includes(a)) throw new Error(`unknown adapter ${a}\n${USAGE}`);
          if (!opts.adapters.includes(a as AdapterName)) opts.adapters.push(a as AdapterName);
        }
        break;
      case '--out':
        opts.out = resolve(value());
        break;
      case '--no-rule':
        opts.disabledRules.push(...list(value()));
        break;
      case '--no-strip-ads':
        opts.stripAds = false;
        break;
      case '--no-strip-comments':
        opts.stripComments = false;
        break;
      case '--keep-text':
        opts.keepText = true;
        break;
      case '--shard': {
        const m = /^(\d+)\/(\d+)$/.exec(value());
        const k = Number(m?.[1]);
        const n = Number(m?.[2]);
        if (!m || n < 1 || k < 1 || k > n) throw new Error(`--shard needs K/N with 1 <= K <= N\n${USAGE}`);
        opts.shard = { k, n };
        break;
      }
      case '--rescore':
        opts.rescore.push(resolve(value()));
        break;
      case '--reverse':
        opts.reverse = true;
        break;
      case '--skip-done':
        opts.skipDone.push(resolve(value()));
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  if (opts.datasets.length === 0) opts.datasets = [...DEFAULT_DATASETS];
  if (opts.adapters.length === 0) opts.adapters = [...ADAPTERS];
  // Keep the canonical order, whatever order the options came in.
  opts.datasets = DATASETS.filter((d) => opts.datasets.includes(d));
  opts.adapters = ADAPTERS.filter((a) => opts.adapters.includes(a));
  return opts;
}
