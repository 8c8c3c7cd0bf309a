/**
 * Reads the evaluation corpora (`<corpus>/<dataset>/truth.jsonl` + `pages/<id>.html.gz`, see
 * ../shared/corpus/README.md) and the project's fixture pages (`tests/fixtures/<name>.html` +
 * `<name>.expected.json`). Pages are read one at a time, when the run reaches them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../../src/cli/decode.js';
import { DEFAULT_PAGE_URL } from '../../src/cli/extract-html.js';
import type { FixtureExpectation } from './metrics/fixtures.js';
import type { CorpusDataset, Dataset } from './names.js';


/** One line of truth.jsonl; fields are absent when unknown. */
export interface Truth {
  id: string;
  url: string;
  title?: string;
  byline?: string | string[];
  published?: string;
  body?: string;
  with?: string[];
  without?: string[];
  comments?: string[];
  readerable?: boolean;
  siteName?: string;
  lang?: string;
  excerpt?: string;
  file?: string;
  source?: string;
  page?: string;
}

export interface Page {
  dataset: Dataset;
  id: string;
  /** The address given to the extractors: the truth URL when it is http(s), else the CLI's placeholder. */
  url: string;
  /** Corpus truth (corpus datasets). */
  truth?: Truth;
  /** Expected results (fixtures). */
  expected?: FixtureExpectation;
  /** Reads and decodes the page. */
  load(): string;
}

export function pageUrl(truthUrl: string | undefined): string {
  return truthUrl && /^https?:\/\//i.test(truthUrl) ? truthUrl : DEFAULT_PAGE_URL;
}

export function readTruth(corpus: string, dataset: CorpusDataset): Truth[] {
  const file = join(corpus, dataset, 'truth.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Truth);
}

export function corpusPages(corpus: string, dataset: CorpusDataset, limit?: number): Page[] {
  const truths = readTruth(corpus, dataset);
  return truths.slice(0, limit ?? truths.length).map((truth) => {
    const file = join(corpus, dataset, truth.page ?? `pages/${truth.id}.html.gz`);
    return {
      dataset,
      id: truth.id,
      url: pageUrl(truth.url),
      truth,
      load: () => decodeHtml(gunzipSync(readFileSync(file))),
    };
  });
}

export function fixturePages(dir: string, limit?: number): Page[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.expected.json'))
    .map((name) => basename(name, '.expected.json'))
    .filter((name) => existsSync(join(dir, `${name}.html`)))
    .sort();
  return names.slice(0, limit ?? names.length).map((id) => ({
    dataset: 'fixtures' as const,
    id,
    url: DEFAULT_PAGE_URL,
    expected: JSON.parse(readFileSync(join(dir, `${id}.expected.json`), 'utf8')) as FixtureExpectation,
    load: () => decodeHtml(readFileSync(join(dir, `${id}.html`))),
  }));
}
