/** The extraction budget (core/budget.ts): huge or slow pages end extraction cleanly with `budgetExceeded`. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetExceededError, countElements, DEFAULT_BUDGET, startBudget } from '../../src/core/budget.js';
import { extractArticle, EXTRACT_STEPS } from '../../src/core/index.js';
import { articlePage, fixture, FIXTURES, page } from './helpers/page.js';

/** A clock that moves only when the test says so. */
function fakeClock(start = 1000): { now: () => number; advance: (ms: number) => void; reads: () => number } {
  let time = start;
  let reads = 0;
  return {
    now: () => {
      reads++;
      return time;
    },
    advance: (ms) => {
      time += ms;
    },
    reads: () => reads,
  };
}

/** A story whose article body holds `cells` table cells: big in elements, short in text. */
function bigArticle(cells: number): Document {
  const table = `<table><tbody>${'<tr><td>cell</td></tr>'.repeat(Math.ceil(cells / 2))}</tbody></table>`;
  return page(articlePage({ beforeBody: table }));
}

describe('startBudget', () => {
  it('throws "time" only once more than maxMillis passed since it started', () => {
    const clock = fakeClock();
    const budget = startBudget({ maxMillis: 100 }, clock.now);
    clock.advance(100);
    expect(() => budget.checkTime('step one')).not.toThrow();
    clock.advance(1);
    expect(() => budget.checkTime('step two')).toThrow(BudgetExceededError);
    expect(() => budget.checkTime('step three')).toThrow(/\(time\): 101 ms after step three/);
  });

  it('throws "nodes" when a root holds more elements than allowed', () => {
    const doc = page(`<html><body>${'<span></span>'.repeat(50)}</body></html>`);
    expect(countElements(doc.body)).toBe(50);
    const budget = startBudget({}, fakeClock().now);
    expect(() => budget.checkElements(doc.body, 50, 'body')).not.toThrow();
    expect(() => budget.checkElements(doc.body, 49, 'body')).toThrow(/nodes/);
  });

  it('has no time limit without a clock (the core reads none of its own)', () => {
    expect(() => startBudget({ maxMillis: -1 }).checkTime('any step')).not.toThrow();
    expect(() => startBudget({ maxMillis: -1 }, () => 0).checkTime('any step')).toThrow(/time/);
  });

  it('fills the limits it is not given from the defaults', () => {
    expect(startBudget({ maxMillis: 5 }).limits).toEqual({ ...DEFAULT_BUDGET, maxMillis: 5 });
  });
});

describe('extractArticle under a budget', () => {
  it('extracts normally when the clock does not run out, and reads the injected clock', () => {
    const clock = fakeClock();
    const result = extractArticle(page(articlePage({})), { now: clock.now });
    expect(result.budgetExceeded).toBeUndefined();
    expect(result.isArticle).toBe(true);
    expect(clock.reads(), 'the budget checks the clock between steps').toBeGreaterThan(3);
  });

  it('stops with "time" when a step takes longer than the limit, and leaves the page untouched', () => {
    const doc = fixture('itwire-kaspersky-sanctions.html', 'https://www.itwire.com/security/story.html');
    const before = doc.documentElement.outerHTML;
    // Every reading of the clock is 1 s later than the last: the second check (after metadata) is at 2 s.
    let time = 0;
    const result = extractArticle(doc, { now: () => (time += 1000), budget: { maxMillis: 1500 } });
    expect(result.budgetExceeded).toBe('time');
    expect(result.isArticle).toBe(false);
    expect(result.contentHtml).toBe('');
    expect(result.wordCount).toBe(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reports the end of each step to onStep, in order, and no step after the one the budget stopped', () => {
    const url = 'https://www.itwire.com/security/story.html';
    const steps: string[] = [];
    const result = extractArticle(fixture('itwire-kaspersky-sanctions.html', url), { onStep: (step) => steps.push(step) });
    expect(result.isArticle).toBe(true);
    expect(steps).toEqual([...EXTRACT_STEPS]);
    // The same clock as above: the check after detection passes, the one after metadata stops extraction.
    const stopped: string[] = [];
    let time = 0;
    const out = extractArticle(fixture('itwire-kaspersky-sanctions.html', url), { now: () => (time += 1000), budget: { maxMillis: 1500 }, onStep: (step) => stopped.push(step) });
    expect(out.budgetExceeded).toBe('time');
    expect(stopped).toEqual(['detection']);
  });

  it('stops with "nodes" on a page with more elements than maxBodyElements, before walking it', () => {
    const doc = bigArticle(3000);
    const total = countElements(doc.documentElement);
    expect(total).toBeGreaterThan(3000);
    const clock = fakeClock();
    const result = extractArticle(doc, { now: clock.now, budget: { maxBodyElements: 3000 } });
    expect(result.budgetExceeded).toBe('nodes');
    expect(result.title).toContain('Council approves');
    expect(result.contentHtml).toBe('');
    // The same page with the limit just above its size extracts.
    const fits = extractArticle(bigArticle(3000), { now: fakeClock().now, budget: { maxBodyElements: total } });
    expect(fits.budgetExceeded).toBeUndefined();
    expect(fits.isArticle).toBe(true);
  });

  it('stops with "nodes" when the article region alone is larger than maxRegionElements', () => {
    const doc = bigArticle(3000);
    const result = extractArticle(doc, { now: fakeClock().now, budget: { maxRegionElements: 2000 } });
    expect(result.budgetExceeded).toBe('nodes');
    // The navigation and footer outside the region do not count against the region's limit.
    const article = doc.querySelector('article');
    expect(article).not.toBeNull();
    const inRegion = countElements(article as Element);
    const fits = extractArticle(bigArticle(3000), { now: fakeClock().now, budget: { maxRegionElements: inRegion + 1 } });
    expect(fits.budgetExceeded).toBeUndefined();
  });

  it('leaves every fixture page far below the default limits (a tenth of them at most)', () => {
    const names = [
      ...readdirSync(FIXTURES).filter((f) => f.endsWith('.html')),
      ...readdirSync(join(FIXTURES, 'non-articles')).filter((f) => f.endsWith('.html')).map((f) => `non-articles/${f}`),
    ];
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const doc = fixture(name);
      expect(countElements(doc.documentElement), name).toBeLessThan(DEFAULT_BUDGET.maxRegionElements / 10);
      // A clock that never moves isolates the element limits from this machine's speed.
      expect(extractArticle(doc, { now: () => 0 }).budgetExceeded, name).toBeUndefined();
    }
  });
});
