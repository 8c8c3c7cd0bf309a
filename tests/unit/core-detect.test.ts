/** detectArticle: articles yes; home pages, listings and search results no. */
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../src/core/index.js';
import { articlePage, fixture, page } from './helpers/page.js';

const teaserList = (n: number) =>
  Array.from({ length: n }, (_, i) => `<div class="teaser"><h3><a href="/story-${i}">Story number ${i} has a headline of some length</a></h3><p>A one-sentence summary of story ${i}, written to make the reader click through to it.</p></div>`).join('');

describe('detectArticle', () => {
  it('says yes to the iTWire article and no to its front page', () => {
    expect(detectArticle(fixture('itwire-kaspersky-sanctions.html')).isArticle).toBe(true);
    expect(detectArticle(fixture('itwire-home.html', 'https://www.itwire.com/')).isArticle).toBe(false);
  });

  it('is confident on an article with structured data', () => {
    const head = '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-03">';
    const result = detectArticle(page(articlePage({ head })));
    expect(result.isArticle).toBe(true);
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps an article with a related-stories box an article', () => {
    expect(detectArticle(page(articlePage({ aside: `<aside>${teaserList(4)}</aside>` }))).isArticle).toBe(true);
  });

  it('says no to a section front made of teasers', () => {
    const doc = page(`<html><head><title>World news</title></head><body><h1>World</h1>${teaserList(12)}</body></html>`, 'https://news.example.org/world/');
    expect(detectArticle(doc).isArticle).toBe(false);
  });

  it('says no to a search results page, even with long snippets', () => {
    const doc = page(articlePage({}), 'https://news.example.org/search?q=bridge');
    const result = detectArticle(doc);
    expect(result.isArticle).toBe(false);
    expect(result.signals).toContain('search-url');
  });

  it('says no to a page without running text', () => {
    const doc = page('<html><body><h1>Sign in</h1><form><input name="user"><input type="password"></form></body></html>');
    expect(detectArticle(doc).isArticle).toBe(false);
  });
});
