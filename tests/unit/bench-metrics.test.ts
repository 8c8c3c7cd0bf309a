/**
 * The benchmark's metric code on small hand-made inputs, numbers computed by hand (no corpus needed).
 * Definitions: ../shared/corpus/README.md, "Metrics".
 */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../bench/args.js';
import { checkFixture, meetsCondition, unknownKeys } from '../bench/metrics/fixtures.js';
import {
  bylineContains,
  bylineExact,
  dayOf,
  normalizeByline,
  normalizeTitle,
  sameDay,
  share,
  titleExact,
  titleNormalized,
} from '../bench/metrics/metadata.js';
import { renderText } from '../bench/metrics/render-text.js';
import { addCounts, countSnippets, foundSnippets, normalizeSpace, snippetScores } from '../bench/metrics/snippets.js';
import { median, quantile, speedRatios, speedStats } from '../bench/metrics/speed.js';
import {
  bodyScores,
  precisionScore,
  recallScore,
  sampleStd,
  seededRandom,
  shingleMatch,
  shingles,
  summarizeBody,
  tokenize,
  tokensEqual,
} from '../bench/metrics/zyte.js';
import { bodyRecord } from '../bench/score.js';

describe('renderText', () => {
  it('puts blocks on their own lines and keeps inline runs together', () => {
    expect(renderText('<p>One <b>two</b></p><p>Three</p>')).toBe('One two\nThree');
    expect(renderText('<span>foo</span><span>bar</span>')).toBe('foobar');
    expect(renderText('<ul><li>x</li><li>y</li></ul><h2>Z</h2>')).toBe('x\ny\nZ');
    expect(renderText('<div>a<br>b</div>')).toBe('a\nb');
  });

  it('skips script, style, template, iframe and svg, and ignores images', () => {
    const html =
      '<div>kept</div><script>s()</script><style>.x{}</style><template>t</template>' +
      '<iframe>i</iframe><svg><text>v</text></svg><img alt="alt text"><p>also kept</p>';
    expect(renderText(html)).toBe('kept\nalso kept');
  });

  it('separates table cells with tabs, one row per line', () => {
    const html = '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td> 2 </td></tr></table>';
    expect(renderText(html)).toBe('A\tB\n1\t2');
  });

  it('collapses HTML white space but keeps no-break spaces; keeps <pre> line breaks; trims lines', () => {
    expect(renderText('<p>a  \n b&nbsp;c</p>')).toBe('a b\u00a0c');
    expect(renderText('<pre>  line1\n    line2</pre>')).toBe('line1\nline2');
    expect(renderText('')).toBe('');
  });
});

describe('zyte body metric', () => {
  it('tokenizes like Python \\w+ (letters, digits, underscore; marks split)', () => {
    expect(tokenize('Hello, wörld_x 42 — naïve!')).toEqual(['Hello', 'wörld_x', '42', 'naïve']);
    // "i" + COMBINING DIAERESIS: the mark is not a word character in Python, so the token splits.
    expect(tokenize('nai\u0308ve')).toEqual(['nai', 've']);
    expect(tokenize('東京 ٣')).toEqual(['東京', '٣']);
  });

  it('counts 4-token shingles; shorter texts form one shingle', () => {
    expect([...shingles(['a', 'b', 'c', 'd', 'e'])]).toEqual([
      ['a b c d', 1],
      ['b c d e', 1],
    ]);
    expect([...shingles(['a', 'b'])]).toEqual([['a b', 1]]);
    expect(shingles([]).size).toBe(0);
    expect([...shingles(['x', 'x', 'x', 'x', 'x'])]).toEqual([['x x x x', 2]]);
  });

  it('normalises TP/FP/FN of a document to sum 1', () => {
    // truth shingles {abcd, bcde}; prediction {abcd}: TP 1, FN 1.
    expect(shingleMatch('a b c d e', 'a b c d')).toEqual({ tp: 0.5, fp: 0, fn: 0.5 });
    // prediction {abcd, bcdx, cdxy}: TP 1, FP 2; FN 1 (bcde).
    expect(shingleMatch('a b c d e', 'a b c d x y')).toEqual({ tp: 0.25, fp: 0.5, fn: 0.25 });
    expect(shingleMatch('', '')).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(shingleMatch('a b c d', '')).toEqual({ tp: 0, fp: 0, fn: 1 });
  });

  it('scores per document as evaluate.py does', () => {
    expect(precisionScore({ tp: 0.5, fp: 0, fn: 0.5 })).toBe(1);
    expect(recallScore({ tp: 0.5, fp: 0, fn: 0.5 })).toBe(0.5);
    expect(precisionScore({ tp: 0, fp: 0, fn: 0 })).toBe(1);
    expect(precisionScore({ tp: 0, fp: 1, fn: 0 })).toBe(0);
    expect(recallScore({ tp: 0, fp: 0, fn: 1 })).toBe(0);
  });

  it('averages precision over documents with a prediction and recall over documents with truth', () => {
    const docs = [
      { tp: 0.5, fp: 0, fn: 0.5 }, // P 1, R 0.5
      { tp: 0, fp: 0, fn: 1 }, // no prediction: not in P; R 0
      { tp: 0.25, fp: 0.75, fn: 0 }, // P 0.25, R 1
    ];
    const s = bodyScores(docs);
    expect(s.precision).toBeCloseTo(0.625, 12); // (1 + 0.25) / 2
    expect(s.recall).toBeCloseTo(0.5, 12); // (0.5 + 0 + 1) / 3
    expect(s.f1).toBeCloseTo((2 * 0.625 * 0.5) / 1.125, 12); // 0.5556, not the mean of per-document F1
  });

  it('accuracy compares token sequences exactly', () => {
    expect(tokensEqual('A b, c.', 'A\nb c')).toBe(true);
    expect(tokensEqual('a b c', 'A b c')).toBe(false);
    expect(tokensEqual('a b c', 'a b')).toBe(false);
  });

  it('bootstrap standard deviations are seeded and zero for identical documents', () => {
    expect(sampleStd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const same = Array.from({ length: 5 }, () => ({ tp: 0.5, fp: 0.25, fn: 0.25 }));
    const s = summarizeBody(same, [true, true, true, true, true], 50);
    expect(s.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recall).toBeCloseTo(2 / 3, 12);
    expect(s.accuracy).toBe(1);
    expect(s.std.f1).toBeCloseTo(0, 12);
    const mixed = [
      { tp: 1, fp: 0, fn: 0 },
      { tp: 0, fp: 0.5, fn: 0.5 },
    ];
    const r1 = summarizeBody(mixed, [true, false], 200, 1);
    const r2 = summarizeBody(mixed, [true, false], 200, 1);
    expect(r1.std).toEqual(r2.std);
    expect(r1.accuracy).toBe(0.5);
    expect(r1.std.accuracy).toBeGreaterThan(0);
  });

  it('a page record carries its per-document scores', () => {
    const r = bodyRecord('One two three four five.', 'One two three four five');
    expect(r).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, exact: true });
    expect(bodyRecord('One two three four', '')).toMatchObject({ precision: null, recall: 0, exact: false });
  });
});

describe('trafilatura snippet metric', () => {
  it('normalises white space as Python re \\s+ then strip', () => {
    expect(normalizeSpace(' a\u00a0\n b\u2003c\x1c ')).toBe('a b c');
    // U+FEFF is no white space for Python (it is for JavaScript's \s).
    expect(normalizeSpace('a\ufeffb')).toBe('a\ufeffb');
  });

  it('counts TP/FP/FN/TN per page; no output finds nothing', () => {
    const item = { with: ['quick brown', 'lazy dog'], without: ['Subscribe now', 'Comments'] };
    const page = countSnippets(item, 'The quick\nbrown fox.\nSubscribe   now!');
    expect(page).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 1, missing: ['lazy dog'], leaked: ['Subscribe now'] });
    expect(countSnippets(item, null)).toMatchObject({ tp: 0, fp: 0, fn: 2, tn: 2 });
    expect(countSnippets(item, '')).toMatchObject({ tp: 0, fp: 0, fn: 2, tn: 2 });
  });

  it('micro-averages over pages', () => {
    const total = addCounts([
      { tp: 4, fp: 1, fn: 1, tn: 4 },
      { tp: 2, fp: 1, fn: 2, tn: 5 },
    ]);
    expect(total).toEqual({ tp: 6, fp: 2, fn: 3, tn: 9 });
    const s = snippetScores(total);
    expect(s.precision).toBeCloseTo(0.75, 12); // 6 / 8
    expect(s.recall).toBeCloseTo(6 / 9, 12);
    expect(s.accuracy).toBeCloseTo(15 / 20, 12);
    expect(s.f1).toBeCloseTo(12 / 17, 12); // 2TP / (2TP + FP + FN)
    expect(snippetScores({ tp: 0, fp: 0, fn: 0, tn: 0 })).toEqual({ precision: 0, recall: 0, accuracy: 0, f1: 0 });
  });

  it('finds comment snippets', () => {
    expect(foundSnippets(['Great post!', 'First'], 'text\nGreat   post!')).toEqual(['Great post!']);
    expect(foundSnippets(['Great post!'], null)).toEqual([]);
  });
});

describe('metadata metrics', () => {
  it('normalises titles', () => {
    expect(normalizeTitle('  The  Café’s Menu – Part 2…  ')).toBe("the café's menu - part 2");
    expect(normalizeTitle('“Quoted”: a title!')).toBe('quoted": a title');
    expect(titleExact(' Foo Bar ', 'Foo Bar')).toBe(true);
    expect(titleExact('foo bar', 'Foo Bar')).toBe(false);
    expect(titleNormalized('foo  bar.', 'Foo Bar')).toBe(true);
    expect(titleNormalized(null, 'Foo')).toBe(false);
  });

  it('normalises bylines: leading By, separators, arrays', () => {
    const want = 'jane doe, john smith';
    expect(normalizeByline('By: Jane Doe and John Smith')).toBe(want);
    expect(normalizeByline('by Jane Doe & John Smith')).toBe(want);
    expect(normalizeByline('Jane Doe | John Smith')).toBe(want);
    expect(normalizeByline('Jane Doe;John Smith')).toBe(want);
    expect(normalizeByline('Jane Doe / John Smith')).toBe(want);
    expect(normalizeByline(['Jane Doe', 'John Smith'])).toBe(want);
    expect(normalizeByline('Alexandra Anderson')).toBe('alexandra anderson');
    expect(normalizeByline('Byron Bay')).toBe('byron bay');
  });

  it('byline exact and contains', () => {
    expect(bylineExact('By JANE DOE', 'Jane Doe')).toBe(true);
    expect(bylineExact('Jane Doe, Staff Writer', 'Jane Doe')).toBe(false);
    expect(bylineContains('Jane Doe, Staff Writer', 'Jane Doe')).toBe(true);
    expect(bylineContains('Doe', 'Jane Doe')).toBe(true);
    expect(bylineContains(null, 'Jane Doe')).toBe(false);
    expect(bylineContains('  ', 'Jane Doe')).toBe(false);
    expect(bylineExact('Jane Doe and John Smith', ['Jane Doe', 'John Smith'])).toBe(true);
  });

  it('published day: as written when it starts YYYY-MM-DD, else the UTC day', () => {
    expect(dayOf('2020-01-02T23:30:00-05:00')).toBe('2020-01-02');
    expect(dayOf('Thu, 02 Jan 2020 23:30:00 -0500')).toBe('2020-01-03');
    expect(dayOf('not a date')).toBeNull();
    expect(dayOf(null)).toBeNull();
    expect(sameDay('2020-01-02T23:30:00-05:00', '2020-01-02')).toBe(true);
    expect(sameDay('2020-01-03', '2020-01-02')).toBe(false);
    expect(sameDay(null, '2020-01-02')).toBe(false);
    expect(share([true, false, true, true])).toBe(0.75);
    expect(share([])).toBeNaN();
  });
});

describe('speed metrics', () => {
  it('median and p95 interpolate linearly', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile(Array.from({ length: 20 }, (_, i) => i + 1), 0.95)).toBeCloseTo(19.05, 12);
    expect(speedStats([3, 1, 2])).toEqual({ n: 3, median: 2, p95: 2.9, max: 3 });
  });

  it('ratios to the reference: of medians, of p95s, median of per-page ratios', () => {
    const r = speedRatios([
      [2, 1],
      [4, 2],
      [9, 3],
      [null, 1],
    ]);
    expect(r.medianRatio).toBeCloseTo(4 / 1.5, 12); // median [2,4,9] / median [1,1,2,3]
    expect(r.p95Ratio).toBeCloseTo(8.5 / 2.85, 12); // p95 [2,4,9] = 8.5; p95 [1,1,2,3] = 2.85
    expect(r.perPageMedianRatio).toBe(2); // median [2, 2, 3]
  });
});

describe('fixture checks', () => {
  it('reads count conditions', () => {
    expect(meetsCondition(1, '>=1')).toBe(true);
    expect(meetsCondition(0, '>=1')).toBe(false);
    expect(meetsCondition(2, '<=1')).toBe(false);
    expect(meetsCondition(3, 3)).toBe(true);
    expect(meetsCondition(3, '=3')).toBe(true);
    expect(meetsCondition(1, '>0')).toBe(true);
    expect(() => meetsCondition(1, 'some')).toThrow();
  });

  it('checks every expected key and explains failures', () => {
    const expected = {
      isArticle: true,
      title: 'A title',
      byline: 'Jane Doe',
      published: '2018-05-15T09:19:00+10:00',
      mustContain: ['first  sentence'],
      mustNotContain: ['Advertisement'],
      removed: { ads: '>=1' },
    };
    const ok = checkFixture(expected, {
      isArticle: true,
      title: ' A title ',
      byline: 'Jane Doe',
      published: '2018-05-14T23:19:00Z',
      text: 'The first sentence.\nMore.',
      removed: { ads: 2 },
    });
    expect(ok).toMatchObject({ pass: true, failures: [], notApplicable: [] });
    const bad = checkFixture(expected, {
      title: 'Another',
      byline: null,
      published: '2018-05-15',
      text: 'Advertisement\nnothing else',
    });
    expect(bad.pass).toBe(false);
    expect(bad.failures).toEqual([
      'title: got "Another", want "A title"',
      'byline: got null, want "Jane Doe"',
      'published: got "2018-05-15", want "2018-05-15T09:19:00+10:00"',
      'missing: "first  sentence"',
      'should not contain: "Advertisement"',
    ]);
    expect(bad.notApplicable).toEqual(['isArticle', 'removed.ads']);
    // A page none of whose checks applies is not a pass.
    expect(checkFixture({ isArticle: false }, { text: '' }).pass).toBe(false);
    expect(unknownKeys({ title: 'x', colour: 'red' })).toEqual(['colour']);
  });
});

describe('bench options', () => {
  it('defaults to all datasets and adapters, corpus beside the repository', () => {
    const o = parseBenchArgs([], '/repo/main');
    expect(o.corpus).toBe('/repo/shared/corpus');
    expect(o.datasets).toEqual(['zyte', 'trafilatura', 'readability-tests', 'fixtures', 'auto', 'speed']);
    expect(o.adapters).toEqual(['clearpage', 'readability', 'defuddle']);
    expect(o.out).toBe('/repo/main/bench-results');
    expect(o.stripAds && o.stripComments).toBe(true);
  });

  it('reads repeatable and comma-separated options', () => {
    const o = parseBenchArgs(
      ['--dataset', 'trafilatura', '--dataset=zyte', '--limit', '20', '--adapters', 'readability,clearpage', '--no-rule', 'promos', '--no-rule=share', '--no-strip-ads'],
      '/repo/main',
    );
    expect(o.datasets).toEqual(['zyte', 'trafilatura']);
    expect(o.limit).toBe(20);
    expect(o.adapters).toEqual(['clearpage', 'readability']);
    expect(o.disabledRules).toEqual(['promos', 'share']);
    expect(o.stripAds).toBe(false);
    expect(o.stripComments).toBe(true);
  });

  it('reads shards, re-score folders and switches', () => {
    const o = parseBenchArgs(['--shard', '2/3', '--rescore', '/tmp/a', '--rescore=/tmp/b', '--keep-text', '--reverse', '--skip-done', '/tmp/c'], '/r');
    expect(o.shard).toEqual({ k: 2, n: 3 });
    expect(o.rescore).toEqual(['/tmp/a', '/tmp/b']);
    expect(o.keepText).toBe(true);
    expect(o.reverse).toBe(true);
    expect(o.skipDone).toEqual(['/tmp/c']);
    expect(() => parseBenchArgs(['--shard', '4/3'], '/r')).toThrow(/K\/N/);
  });

  it('rejects unknown names and bad values', () => {
    expect(() => parseBenchArgs(['--dataset', 'nope'], '/r')).toThrow(/unknown dataset/);
    expect(() => parseBenchArgs(['--adapters', 'goose'], '/r')).toThrow(/unknown adapter/);
    expect(() => parseBenchArgs(['--limit', '0'], '/r')).toThrow(/positive integer/);
    expect(() => parseBenchArgs(['--frobnicate'], '/r')).toThrow(/unknown option/);
  });
});
