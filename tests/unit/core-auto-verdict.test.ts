/** The auto-mode verdict: only pages that are one news or blog article by text, address and publisher evidence. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoVerdict, hasDateByHeadline } from '../../src/core/auto-verdict.js';
import { hasBylineClass, scanPage, scanPageBySelectors } from '../../src/core/detect.js';
import { articlePage, fixture, FIXTURES, page } from './helpers/page.js';

/** Our non-article pages (home pages, fronts, searches, listings, shops, docs, forums, apps…), with their addresses. */
const NON_ARTICLES = join(FIXTURES, 'non-articles');
const nonArticles = JSON.parse(readFileSync(join(NON_ARTICLES, 'pages.json'), 'utf8')) as Array<{ file: string; url: string; kind: string }>;
const nonArticle = (file: string, url: string) => page(readFileSync(join(NON_ARTICLES, file), 'utf8'), url);

const STORY = 'https://www.itwire.com/security/kaspersky-sanctions.html';

describe('autoVerdict', () => {
  it('opens the iTWire story and not its front page, wherever the front page is served', () => {
    expect(autoVerdict(fixture('itwire-kaspersky-sanctions.html', STORY))).toMatchObject({ isArticle: true, isNewsArticle: true });
    expect(autoVerdict(fixture('itwire-home.html', 'https://www.itwire.com/'))).toMatchObject({ isArticle: false, isNewsArticle: false });
    expect(autoVerdict(fixture('itwire-home.html', 'https://www.itwire.com/latest.html')).isNewsArticle).toBe(false);
  });

  it.each([
    ['a site root', 'https://paper.example/'],
    ['a language root', 'https://paper.example/de/'],
    ['an index file', 'https://paper.example/index.html'],
    ['a search', 'https://paper.example/search?q=bridge'],
    ['a tag page', 'https://paper.example/tag/bridges/'],
    ['a paginated listing', 'https://paper.example/news?page=2'],
  ])('stays closed on an article-like page at %s', (_kind, url) => {
    const head = '<meta property="og:type" content="article">';
    const body = Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i} tells the story in plain words, long enough to count as running text in any detector.</p>`).join('');
    expect(autoVerdict(page(articlePage({ head, body }), url)).isNewsArticle).toBe(false);
  });

  it('needs the publisher\'s word: an article type, a date, a dated address or a byline', () => {
    const body = Array.from({ length: 16 }, (_, i) => `<p>Paragraph ${i} tells the story in plain words, long enough to count as running text in any detector.</p>`).join('');
    const url = 'https://paper.example/news/bridge-approved';
    expect(autoVerdict(page(articlePage({ body }), url))).toMatchObject({ isArticle: true, isNewsArticle: false });
    expect(autoVerdict(page(articlePage({ body, beforeBody: '<p class="byline">By Jane Doe</p>' }), url)).isNewsArticle).toBe(true);
    expect(autoVerdict(page(articlePage({ body }), 'https://paper.example/2024/05/03/bridge-approved')).isNewsArticle).toBe(true);
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the new river bridge"}</script>';
    expect(autoVerdict(page(articlePage({ body, head: ld }), url)).isNewsArticle).toBe(true);
  });

  it.each([
    ['below the headline, day first', '<p class="meta">26.01.2022 · Press release</p>', ''],
    ['below the headline, month first, in a byline', '<div><span>By the newsroom</span> | <span>May 3, 2021</span></div>', ''],
    ['in another language', '<p>Veröffentlicht am 3. März 2021</p>', ''],
  ])('takes a date printed by the headline as the publisher\'s word: %s', (_kind, beforeBody) => {
    const url = 'https://paper.example/news/bridge-approved';
    const doc = page(articlePage({ beforeBody }), url);
    expect(hasDateByHeadline(doc)).toBe(true);
    expect(autoVerdict(doc, url)).toMatchObject({ isArticle: true, isNewsArticle: true });
    // The same story without the date line has no word from the publisher and is too short to open on text alone.
    expect(autoVerdict(page(articlePage({}), url))).toMatchObject({ isArticle: true, isNewsArticle: false });
  });

  it('does not take a date far from the headline, or one in a script, for a printed date', () => {
    const script = '<script>var built = "26.01.2022";</script>';
    expect(hasDateByHeadline(page(articlePage({ beforeBody: script })))).toBe(false);
    expect(hasDateByHeadline(page(articlePage({ afterBody: '<p>Archived on 26.01.2022</p>' })))).toBe(false);
    expect(hasDateByHeadline(page('<html><body><p>26.01.2022</p><p>No headline on this page at all.</p></body></html>'))).toBe(false);
  });

  it('stays closed on a page that declares itself a product, even with a long description and a date', () => {
    const body = Array.from({ length: 16 }, (_, i) => `<p>Feature ${i}: the kettle boils water quickly and quietly, and its handle stays cool in the hand.</p>`).join('');
    const head = '<script type="application/ld+json">{"@type":"Product","name":"Kettle"}</script><meta property="article:published_time" content="2024-05-03">';
    expect(autoVerdict(page(articlePage({ body, head }), 'https://shop.example/kettle-2000')).isNewsArticle).toBe(false);
  });

  it('has at least 30 non-article pages of many kinds to check against', () => {
    expect(nonArticles.length).toBeGreaterThanOrEqual(30);
    expect(new Set(nonArticles.map((p) => p.kind)).size).toBeGreaterThanOrEqual(20);
  });

  it.each(nonArticles.map((p) => [p.kind, p.file, p.url] as const))('stays closed on the %s page %s', (_kind, file, url) => {
    expect(autoVerdict(nonArticle(file, url), url).isNewsArticle).toBe(false);
    // Not thanks to its address alone: at an address that looks like a story it stays closed too.
    expect(autoVerdict(nonArticle(file, 'https://neutral.example/news/some-story-slug')).isNewsArticle).toBe(false);
  });

  it('scans by selectors exactly as by the walk (the detector uses the first, extraction the second)', () => {
    const docs = [fixture('itwire-kaspersky-sanctions.html'), fixture('itwire-home.html'), ...nonArticles.map((p) => nonArticle(p.file, p.url))];
    for (const doc of docs) {
      const walk = scanPage(doc);
      const selectors = scanPageBySelectors(doc);
      // The selector scan leaves byline classes to hasBylineClass.
      expect({ ...selectors, block: selectors.block.chars, hasByline: selectors.hasByline || hasBylineClass(doc), bylineClassesChecked: true }).toEqual({
        ...walk, block: walk.block.chars,
      });
      // Same verdict (the signal list may lack "byline" where byline classes did not decide anything).
      const verdict = ({ isArticle, isNewsArticle }: ReturnType<typeof autoVerdict>) => ({ isArticle, isNewsArticle });
      expect(verdict(autoVerdict(doc, doc.URL, selectors))).toEqual(verdict(autoVerdict(doc, doc.URL, walk)));
      expect(selectors.block.container).toBe(walk.block.container);
    }
  });
});
