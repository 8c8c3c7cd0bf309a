/** Names of the adapters and datasets (no imports, so option parsing and tests stay light). */
export const ADAPTERS = ['clearpage', 'readability', 'defuddle'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export const CORPUS_DATASETS = ['zyte', 'trafilatura', 'readability-tests'] as const;
/**
 * `auto` is no extraction dataset: it runs the auto-mode detector's section (auto-mode.ts). `speed` runs the
 * speed section (speed.ts); it needs `npm run build` and two Chromium sessions, so only `--dataset speed` runs it.
 */
export const DATASETS = [...CORPUS_DATASETS, 'fixtures', 'auto', 'speed'] as const;
/** What a run without --dataset runs. */
export const DEFAULT_DATASETS: readonly Dataset[] = DATASETS.filter((d) => d !== 'speed');
export type CorpusDataset = (typeof CORPUS_DATASETS)[number];
export type Dataset = (typeof DATASETS)[number];

/** The adapter the speed ratios are taken against. */
export const REFERENCE_ADAPTER: AdapterName = 'readability';
