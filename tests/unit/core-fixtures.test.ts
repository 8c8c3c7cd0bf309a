/**
 * The project's fixture pages against their ground truth (`tests/fixtures/*.expected.json`): metadata,
 * text that must and must not be in the article, what was removed, and the body paragraph by paragraph.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index.js';
import { fixture, fixturesWithExpectations, normalise } from './helpers/page.js';

/** The URL each fixture was saved from (its <base href>), so links and site detection are real. */
function urlOf(doc: Document): string {
  return doc.querySelector('base[href]')?.getAttribute('href') ?? 'https://example.org/';
}

function satisfies(count: number | undefined, rule: string): boolean {
  const match = /^(>=|<=|=)?\s*(\d+)$/.exec(rule);
  if (!match) throw new Error(`bad count rule ${rule}`);
  const n = Number(match[2]);
  const got = count ?? 0;
  return match[1] === '>=' ? got >= n : match[1] === '<=' ? got <= n : got === n;
}

describe.each(fixturesWithExpectations())('fixture $name', ({ name, expected }) => {
  const doc = fixture(name);
  const result = extractArticle(doc, { url: urlOf(doc) });

  it('classifies the page', () => {
    expect(result.isArticle).toBe(expected.isArticle);
  });

  for (const field of ['title', 'byline', 'published', 'siteName', 'lang'] as const) {
    if (expected[field] === undefined) continue;
    it(`finds the ${field}`, () => {
      expect(result[field]).toBe(expected[field]);
    });
  }

  const mustContain = (expected.mustContain as string[] | undefined) ?? [];
  const mustNotContain = (expected.mustNotContain as string[] | undefined) ?? [];
  if (mustContain.length || mustNotContain.length) {
    it('keeps every article sentence and none of the boilerplate', () => {
      const text = normalise(result.textContent);
      expect(mustContain.filter((s) => !text.includes(normalise(s)))).toEqual([]);
      expect(mustNotContain.filter((s) => text.includes(normalise(s)))).toEqual([]);
    });
  }

  if (typeof expected.bodyText === 'string') {
    it('extracts the body paragraph by paragraph, lead caption included', () => {
      const got = result.textContent.split(/\n{2,}/).map(normalise);
      const want = (expected.bodyText as string).split(/\n{2,}/).map(normalise);
      expect(got).toEqual(want);
    });
  }

  const removed = expected.removed as Record<string, string> | undefined;
  if (removed) {
    it('counts what it stripped', () => {
      for (const [family, rule] of Object.entries(removed)) {
        expect(satisfies(result.removed[family as keyof typeof result.removed], rule), `${family} ${rule}`).toBe(true);
      }
    });
  }
});
