import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './paths.js';

/** The ground truth beside a fixture page (`tests/fixtures/NAME.expected.json`). */
export interface ExpectedArticle {
  isArticle: boolean;
  title?: string;
  byline?: string;
  published?: string;
  siteName?: string;
  lang?: string;
  mustContain?: string[];
  mustNotContain?: string[];
}

export function loadExpected(name: string): ExpectedArticle {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as ExpectedArticle;
}

/** Collapses every run of whitespace (including NBSP) to one space and trims, so text compares across layouts. */
export function normalise(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
