/** extractArticle's contract: works on a clone, sanitizes, honours its options, explains itself. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index.js';
import { articlePage, fixture, normalise, page } from './helpers/page.js';

const ITWIRE = 'https://www.itwire.com/security/82961-us-govt-divided-on-whether-to-hit-kaspersky-with-more-sanctions.html';

describe('extractArticle', () => {
  it('never modifies the live document', () => {
    const doc = fixture('itwire-kaspersky-sanctions.html', ITWIRE);
    const before = doc.documentElement.outerHTML;
    const result = extractArticle(doc, { url: ITWIRE, debug: true });
    expect(result.removed.promos).toBeGreaterThan(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns sanitized HTML: no scripts, handlers or javascript: links survive', () => {
    const body = Array.from({ length: 6 }, (_, i) =>
      `<p>Paragraph ${i} tells the story at length, with enough words to count as running text for any reader view out there. <img src="x.png" onerror="window.hacked=1"><a href="javascript:alert(1)">link</a></p>`,
    ).join('') + '<script>window.hacked=2</script><svg><script>alert(1)</script></svg>';
    const result = extractArticle(page(articlePage({ body })));
    expect(result.contentHtml).not.toMatch(/onerror|javascript:|<script/i);
    expect(result.contentHtml).toContain('Paragraph 3 tells the story');

    // The content script's call leaves that to the reader, which sanitizes as it inserts (reader-view tests):
    // the same text and words, the handlers still there for it to remove.
    const raw = extractArticle(page(articlePage({ body })), { sanitizeContent: false });
    expect(raw.contentHtml).toMatch(/onerror/);
    expect(raw.textContent).toBe(result.textContent);
    expect(raw.wordCount).toBe(result.wordCount);
  });

  it('resolves relative links against the page URL and opens them in a new tab', () => {
    const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} has <a href="/related/${i}">a relative link</a> inside a sentence long enough to be article text for the extractor.</p>`).join('');
    const result = extractArticle(page(articlePage({ body }), 'https://news.example.org/a/b.html'));
    expect(result.contentHtml).toContain('href="https://news.example.org/related/2"');
    expect(result.contentHtml).toContain('rel="noopener noreferrer"');
  });

  it('strips nothing when both options are off, and counts nothing', () => {
    const doc = fixture('itwire-kaspersky-sanctions.html', ITWIRE);
    const result = extractArticle(doc, { url: ITWIRE, stripAds: false, stripComments: false });
    expect(result.removed).toEqual({});
  });

  it('shows the in-article promotion in place when "strip ads" is off, though Readability alone drops it', () => {
    const doc = fixture('itwire-kaspersky-sanctions.html', ITWIRE);
    const stripped = extractArticle(doc, { url: ITWIRE });
    const kept = extractArticle(doc, { url: ITWIRE, stripAds: false });
    expect(stripped.textContent).not.toContain('Hilton Brisbane');
    const text = normalise(kept.textContent);
    // After the last paragraph it followed on the page, and nothing from the sidebar comes with it.
    expect(text.indexOf('Hilton Brisbane')).toBeGreaterThan(text.indexOf('Twitter had imposed an advertising ban'));
    expect(text).not.toContain('Recent Comments');
    expect(text).not.toContain('iTWire Newsletter');
  });

  it('records each removal with its rule, family, reason and a sample in debug mode', () => {
    const doc = fixture('itwire-kaspersky-sanctions.html', ITWIRE);
    const { debug } = extractArticle(doc, { url: ITWIRE, debug: true });
    const promo = debug?.find((r) => r.family === 'promos');
    expect(promo).toMatchObject({ rule: 'event-promos', family: 'promos' });
    expect(promo?.sample).toContain('Hilton Brisbane');
    expect(debug?.some((r) => r.rule === 'comment-sections')).toBe(true);
  });

  it('can switch single rules off by name', () => {
    const doc = fixture('itwire-kaspersky-sanctions.html', ITWIRE);
    const result = extractArticle(doc, { url: ITWIRE, disabledRules: ['event-promos'], debug: true });
    expect(result.debug?.some((r) => r.rule === 'event-promos')).toBe(false);
    expect(result.debug?.some((r) => r.rule === 'comment-sections')).toBe(true);
    expect(result.removed.comments).toBeGreaterThan(0);
  });

  it('reports words and reading time from the body', () => {
    const result = extractArticle(fixture('itwire-kaspersky-sanctions.html', ITWIRE), { url: ITWIRE });
    expect(result.wordCount).toBeGreaterThan(500);
    expect(result.wordCount).toBeLessThan(800);
    expect(result.readingMinutes).toBe(Math.round(result.wordCount / 230));
  });

  it('survives body attributes the parser accepts but setAttribute refuses (a stray second <body>)', () => {
    const html = articlePage({}).replace('</article>', '</article><body <="x" class="late">');
    const result = extractArticle(page(html));
    expect(result.textContent).toContain('Paragraph 8');
  });

  it('gives a well-formed empty result for a page without text', () => {
    const result = extractArticle(page('<!doctype html><title>Empty</title><body></body>'));
    expect(result.isArticle).toBe(false);
    expect(result.contentHtml).toBe('');
    expect(result.title).toBe('Empty');
  });
});
