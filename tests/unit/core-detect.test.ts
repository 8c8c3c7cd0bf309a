/** detectArticle: articles yes; home pages, listings and search results no. */
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../src/core/index.js';
import { scanPage, scanPageBySelectors } from '../../src/core/detect.js';
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

  it('counts bare text in divs as running text', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.';
    const doc = page(`<html><body><article><h1>Lorem</h1><div>${text}</div><div>${text}</div><div>${text}</div></article></body></html>`);
    expect(detectArticle(doc).isArticle).toBe(true);
  });

  it('counts a story set in spans (one span, or one per paragraph from a rich-text editor), by both scans', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.';
    // A span within, between its lines: the outer span's text nodes are not next to each other in a walk over text.
    const oneSpan = `<div class="article"><span>${[text, text, text].join('<br><span class="leader">An inner span that holds a line of its own.</span><br>')}</span></div>`;
    const editor = `<div class="post">${[text, text, text].map((t) => `<div class="block"><span>${t}</span></div>`).join('')}</div>`;
    for (const body of [oneSpan, editor]) {
      const doc = page(`<html><body><h1>Lorem</h1>${body}<footer><p>Copyright Example News, all rights reserved.</p></footer></body></html>`);
      const walk = scanPage(doc);
      expect(scanPageBySelectors(doc).block).toEqual(walk.block);
      for (const scan of [walk, scanPageBySelectors(doc)]) {
        expect(scan.block.chars).toBeGreaterThanOrEqual(3 * text.length);
        expect(scan.block.chars).toBeLessThan(4 * text.length);
        expect(detectArticle(doc, doc.URL, scan).isArticle).toBe(true);
      }
    }
  });

  it('counts list items and spans only where paragraphs and text blocks make no article', () => {
    const item = 'A list item that is long enough to count as a line of running text when nothing else does.';
    const doc = page(articlePage({ afterBody: `<ul class="facts">${`<li>${item}</li>`.repeat(12)}</ul>` }));
    const block = scanPage(doc).block;
    expect(block.container?.className).toBe('story');
    expect(block.chars).toBe(scanPage(page(articlePage({}))).block.chars);
  });

  it('keeps an article whose body has linked subheadings (a product round-up) an article', () => {
    const section = (i: number) => `<h3><a href="/p/${i}">Product number ${i} in the round-up</a></h3><p>${'A long paragraph about this product, what it does well and where it falls short for most people. '.repeat(4)}</p>`;
    const doc = page(`<html><body><h1>The best kettles</h1><div class="body">${[1, 2, 3, 4, 5].map(section).join('')}</div></body></html>`);
    expect(detectArticle(doc).isArticle).toBe(true);
  });

  it('says no to a listing whose summaries share one container', () => {
    const doc = page(`<html><body><h1>Latest</h1><ul>${teaserList(8).replace(/<div class="teaser">/g, '<li>').replace(/<\/div>/g, '</li>')}</ul></body></html>`, 'https://news.example.org/latest');
    expect(detectArticle(doc).isArticle).toBe(false);
  });

  it('says no to a page without running text', () => {
    const doc = page('<html><body><h1>Sign in</h1><form><input name="user"><input type="password"></form></body></html>');
    expect(detectArticle(doc).isArticle).toBe(false);
  });
});
