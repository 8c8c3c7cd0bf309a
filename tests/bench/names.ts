/** Names of the adapters and datasets (no imports, so option parsing and tests stay light). */
export const ADAPTERS = ['clearpage', 'readability', 'defuddle'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export const CORPUS_DATASETS = ['zyte', 'trafilatura', 'readability-tests'] as const;
/**
 * `auto` and `speed` are no extraction datasets: they run the auto-mode detector's section (auto-mode.ts) and the
 * speed section (speed.ts), both in headless Chromium with the built extension (`npm run build` first).
 */
export const DATASETS = [...CORPUS_DATASETS, 'fixtures', 'auto', 'speed'] as const;
/** What a run without --dataset runs: everything. */
export const DEFAULT_DATASETS: readonly Dataset[] = DATASETS;
export type CorpusDataset = (typeof CORPUS_DATASETS)[number];
export type Dataset = (typeof DATASETS)[number];

/** The adapter the speed ratios are taken against. */
export const REFERENCE_ADAPTER: AdapterName = 'readability';
