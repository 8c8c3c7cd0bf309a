/** The auto-mode verdict: only pages that are one news or blog article by text, address and publisher evidence. */
import { describe, expect, it, vi } from 'vitest';
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
const URL = 'https://paper.example/news/bridge-approved';

/** The helper's story page with its <article> element made a plain <div>: evidence of its own (tested below). */
const plainPage = (parts: Parameters<typeof articlePage>[0]) => articlePage(parts).replace('<article>', '<div>').replace('</article>', '</div>');
const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, i) => `<p>Paragraph ${i} tells the story in plain words, long enough to count as running text in any detector.</p>`).join('');

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
    ['a monthly archive', 'https://paper.example/archive/2020/08/'],
  ])('stays closed on an article-like page at %s', (_kind, url) => {
    const head = '<meta property="og:type" content="article">';
    const body = Array.from({ length: 12 }, (_, i) => `<p>Paragraph ${i} tells the story in plain words, long enough to count as running text in any detector.</p>`).join('');
    expect(autoVerdict(page(articlePage({ head, body }), url)).isNewsArticle).toBe(false);
  });

  it('does not read a page at a home, search or listing address at all (the detector runs on every page)', () => {
    const doc = page(articlePage({}), 'https://paper.example/search?q=bridge');
    const query = vi.spyOn(doc, 'querySelectorAll');
    expect(autoVerdict(doc, 'https://paper.example/search?q=bridge')).toMatchObject({ isNewsArticle: false, signals: ['listing-address'] });
    expect(autoVerdict(doc, 'https://paper.example/')).toMatchObject({ isNewsArticle: false, signals: ['home-url'] });
    expect(query).not.toHaveBeenCalled();
    autoVerdict(doc, URL);
    expect(query).toHaveBeenCalled();
  });

  it('needs the publisher\'s word: an article type, a date, a dated address, a byline or an <article> element', () => {
    const body = paragraphs(16);
    const url = URL;
    expect(autoVerdict(page(plainPage({ body }), url))).toMatchObject({ isArticle: true, isNewsArticle: false });
    expect(autoVerdict(page(plainPage({ body, beforeBody: '<p class="byline">By Jane Doe</p>' }), url)).isNewsArticle).toBe(true);
    expect(autoVerdict(page(plainPage({ body }), 'https://paper.example/2024/05/03/bridge-approved')).isNewsArticle).toBe(true);
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the new river bridge"}</script>';
    expect(autoVerdict(page(plainPage({ body, head: ld }), url)).isNewsArticle).toBe(true);
    expect(autoVerdict(page(articlePage({ body }), url))).toMatchObject({ isNewsArticle: true, signals: expect.arrayContaining(['article-element']) });
  });

  it.each([
    ['a year-month-day path', 'https://paper.example/2024/05/03/bridge-approved'],
    ['a compact date segment', 'https://paper.example/articles/35030/20240503/bridge-approved'],
    ['a day-month-year slug', 'https://paper.example/press/03-05-2024-bridge-approved'],
  ])('takes %s for a dated permalink', (_kind, url) => {
    expect(autoVerdict(page(plainPage({ body: paragraphs(6) }), url))).toMatchObject({ isNewsArticle: true, signals: expect.arrayContaining(['dated-url']) });
  });

  it('takes a dated story filed under a listing word for a story ("/ideas/archive/2020/08/slug/615610/")', () => {
    const url = 'https://magazine.example/ideas/archive/2020/08/the-bridge-is-approved/615610/';
    expect(autoVerdict(page(plainPage({ body: paragraphs(6) }), url))).toMatchObject({ isNewsArticle: true, signals: expect.arrayContaining(['dated-url']) });
    expect(autoVerdict(page(plainPage({ body: paragraphs(6) }), 'https://magazine.example/ideas/archive/2020/08/')).isNewsArticle).toBe(false);
    expect(autoVerdict(page(plainPage({ body: paragraphs(6) }), 'https://magazine.example/tag/bridges/')).isNewsArticle).toBe(false);
  });

  it('takes a short story with a "more news" box beside it for a story, and a lead story among teasers for a front page', () => {
    const head = '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-03">';
    const teasers = Array.from({ length: 8 }, (_, i) => `<h3><a href="/news/other-story-${i}">Another story from the newsroom, number ${i}</a></h3>`).join('');
    // Two long paragraphs (about 650 characters): a thin block next to eight teasers.
    const body = Array.from({ length: 2 }, (_, i) => `<p>${i ? 'Then' : 'First'}, ${'the council met on the river bank and voted for the new bridge, '.repeat(5)}after a long debate.</p>`).join('');
    const story = plainPage({ head, body, aside: `<aside>${teasers}</aside>` });
    expect(autoVerdict(page(story, URL))).toMatchObject({ isNewsArticle: true, signals: expect.arrayContaining(['region-teasers:0']) });
    const front = plainPage({ head, body, afterBody: teasers });
    expect(autoVerdict(page(front, URL))).toMatchObject({ isArticle: false, isNewsArticle: false, signals: expect.arrayContaining(['region-teasers:8']) });
  });

  it('opens on prose alone from about 170 words, but not on as much text in summaries or links', () => {
    const sentence = 'The council met on the river bank and voted for the new bridge after a long debate about its cost. ';
    const prose = Array.from({ length: 5 }, () => `<p>${sentence.repeat(2)}And so it was decided.</p>`).join(''); // 5 × 220 characters
    expect(autoVerdict(page(plainPage({ body: prose }), URL))).toMatchObject({ isNewsArticle: true, signals: expect.arrayContaining(['prose']) });
    // The same text as nine summary lines: too short a paragraph for prose.
    const summaries = Array.from({ length: 9 }, () => `<p>${sentence}More.</p>`).join('');
    expect(autoVerdict(page(plainPage({ body: summaries }), URL)).isNewsArticle).toBe(false);
    // Or as long paragraphs that each open with a linked headline (one character in eight linked).
    const linked = Array.from({ length: 5 }, (_, i) => `<p><a href="/news/${i}">Bridge vote on the river bank</a> ${sentence.repeat(2)}</p>`).join('');
    expect(autoVerdict(page(plainPage({ body: linked }), URL)).isNewsArticle).toBe(false);
  });

  it('takes the generic publication-date and author meta tags, but not the bare "date" tag any page may carry', () => {
    const body = paragraphs(6);
    expect(autoVerdict(page(plainPage({ body, head: '<meta name="dc.date.issued" content="2024-05-03">' }), URL)).isNewsArticle).toBe(true);
    expect(autoVerdict(page(plainPage({ body: paragraphs(8), head: '<meta name="sailthru.author" content="Jane Doe">' }), URL)).isNewsArticle).toBe(true);
    expect(autoVerdict(page(plainPage({ body, head: '<meta name="date" content="2024-05-03">' }), URL)).isNewsArticle).toBe(false);
  });

  it('opens a short news brief that the publisher both declares an article and dates or signs, and nothing shorter', () => {
    const head = '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-03">';
    const brief = paragraphs(4); // about 390 characters: under detectArticle's usual 500
    expect(autoVerdict(page(plainPage({ head, body: brief }), URL))).toMatchObject({ isArticle: true, isNewsArticle: true });
    // Declared but undated, or dated but undeclared: too short to be an article.
    expect(autoVerdict(page(plainPage({ head: '<meta property="og:type" content="article">', body: brief }), URL)).isArticle).toBe(false);
    expect(autoVerdict(page(plainPage({ head: '<meta property="article:published_time" content="2024-05-03">', body: brief }), URL)).isArticle).toBe(false);
    expect(autoVerdict(page(plainPage({ head, body: paragraphs(1) }), URL)).isArticle).toBe(false);
    // Declared and signed: by a byline class (which the selector scan looks for only here) or an author meta tag.
    const declared = '<meta property="og:type" content="article">';
    const signed = page(plainPage({ head: declared, beforeBody: '<p class="byline">By Jane Doe</p>', body: brief }), URL);
    expect(autoVerdict(signed, URL)).toMatchObject({ isArticle: true, isNewsArticle: true });
    expect(autoVerdict(signed, URL, scanPage(signed))).toMatchObject({ isArticle: true, isNewsArticle: true });
    expect(autoVerdict(page(plainPage({ head: `${declared}<meta name="author" content="Jane Doe">`, body: brief }), URL)).isNewsArticle).toBe(true);
  });

  it('takes schema.org microdata for an article type only where it marks the main text, not teasers elsewhere', () => {
    const body = paragraphs(6);
    const marked = plainPage({ body }).replace('<div class="story">', '<div class="story" itemscope itemtype="https://schema.org/NewsArticle">');
    expect(autoVerdict(page(marked, URL)).signals).toContain('structured-article');
    const teaser = '<aside><div itemscope itemtype="http://schema.org/Article"><h3><a href="/other">Another story on this site</a></h3></div></aside>';
    expect(autoVerdict(page(plainPage({ body, aside: teaser }), URL)).signals).not.toContain('structured-article');
  });

  it('reads a root address that names one item as that item, and a page number inside an item as no listing', () => {
    const head = '<meta property="article:published_time" content="2024-05-03">';
    const story = plainPage({ head, body: paragraphs(6) });
    expect(autoVerdict(page(story, 'https://blog.example/?p=5031'))).toMatchObject({ isNewsArticle: true });
    expect(autoVerdict(page(story, 'https://paper.example/view.php?idx=8576&page=1'))).toMatchObject({ isNewsArticle: true });
    expect(autoVerdict(page(story, 'https://paper.example/?lang=en')).isNewsArticle).toBe(false);
    expect(autoVerdict(page(story, 'https://paper.example/news?page=2')).isNewsArticle).toBe(false);
    expect(autoVerdict(page(story, 'https://paper.example/forum?p=2&sort=new')).isNewsArticle).toBe(false);
  });

  it.each([
    ['below the headline, day first', '<p class="meta">26.01.2022 · Press release</p>', ''],
    ['below the headline, month first, in a byline', '<div><span>By the newsroom</span> | <span>May 3, 2021</span></div>', ''],
    ['in another language', '<p>Veröffentlicht am 3. März 2021</p>', ''],
  ])('takes a date printed by the headline as the publisher\'s word: %s', (_kind, beforeBody) => {
    const url = URL;
    const doc = page(plainPage({ beforeBody }), url);
    expect(hasDateByHeadline(doc)).toBe(true);
    expect(autoVerdict(doc, url)).toMatchObject({ isArticle: true, isNewsArticle: true });
    // The same story without the date line has no word from the publisher and is too short to open on text alone.
    expect(autoVerdict(page(plainPage({}), url))).toMatchObject({ isArticle: true, isNewsArticle: false });
  });

  it('finds the headline\'s date where a logo is the first h1, and the date line heading the story where there is no h1', () => {
    const logo = plainPage({ beforeBody: '<p>03.05.2024 | Press release</p>' }).replace('<body>', '<body><header><h1>Example News</h1></header>');
    expect(hasDateByHeadline(page(logo, URL))).toBe(true);
    const noH1 = plainPage({ beforeBody: '<p>Published 3 May 2024</p>' }).replace(/<(\/?)h1>/g, '<$1h2>');
    const doc = page(noH1, URL);
    expect(hasDateByHeadline(doc)).toBe(false); // no h1 to look beside…
    expect(hasDateByHeadline(doc, doc.querySelector('.story'))).toBe(true); // …but the date line heads the text block
    expect(autoVerdict(doc, URL).isNewsArticle).toBe(true);
  });

  it('does not take a date far from the headline, or one in a script, for a printed date', () => {
    const script = '<script>var built = "26.01.2022";</script>';
    expect(hasDateByHeadline(page(plainPage({ beforeBody: script })))).toBe(false);
    expect(hasDateByHeadline(page(plainPage({ afterBody: '<p>Archived on 26.01.2022</p>' })))).toBe(false);
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
