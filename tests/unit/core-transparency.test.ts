/** What extraction tells about the blocks it stripped: stable selectors, fingerprints, keep rules, the comment thread. */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index.js';
import { countComments, stableSelector, textFingerprint } from '../../src/core/transparency.js';
import { articlePage, fixture, normalise, page } from './helpers/page.js';

const ITWIRE = 'https://www.itwire.com/security/82961-us-govt-divided-on-whether-to-hit-kaspersky-with-more-sanctions.html';
const itwire = () => fixture('itwire-kaspersky-sanctions.html', ITWIRE);

function element(html: string, selector: string): Element {
  const found = page(`<!doctype html><body>${html}</body>`).querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

describe('stableSelector', () => {
  it('names an element by tag and id, or by up to three class names', () => {
    expect(stableSelector(element('<div id="newsletter-box" class="box">x</div>', 'div'))).toBe('div#newsletter-box');
    expect(stableSelector(element('<aside class="event-promo wide">x</aside>', 'aside'))).toBe('aside.event-promo.wide');
    expect(stableSelector(element('<aside class="a b c d e">x</aside>', 'aside'))).toBe('aside.a.b.c');
  });

  it('leaves out generated ids and hashed or numbered classes, and falls back to the parent', () => {
    expect(stableSelector(element('<div class="post-body"><aside id="ad-123456" class="css-1x2y3z sc-abc 98765">x</aside></div>', 'aside')))
      .toBe('div.post-body > aside');
    expect(stableSelector(element('<section><aside>x</aside></section>', 'aside'))).toBe('aside');
  });

  it('never carries the text', () => {
    const el = element('<div class="entry"><p>Secret words of the block</p></div>', 'p');
    expect(stableSelector(el)).not.toMatch(/secret/i);
  });
});

describe('textFingerprint', () => {
  it('is 8 hex digits that ignore case and whitespace but tell texts apart', () => {
    const a = textFingerprint('Join us at the  Summit\n2025');
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(textFingerprint('join us at the summit 2025')).toBe(a);
    expect(textFingerprint('join us at the summit 2026')).not.toBe(a);
  });
});

describe('countComments', () => {
  it('counts each comment once, not its body and text again, replies included', () => {
    const comment = (id: number, inner = '') =>
      `<li id="comment-${id}" class="comment"><article class="comment-body"><footer class="comment-meta">Reader ${id}</footer>` +
      `<div class="comment-content"><p>Comment text ${id}.</p></div></article>${inner}</li>`;
    const thread = element(
      `<div id="comments" class="comments-area"><h2>3 thoughts</h2><ol class="comment-list">${comment(1, `<ol class="children">${comment(2)}</ol>`)}${comment(3)}</ol></div>`,
      '#comments');
    expect(countComments(thread)).toBe(3);
  });

  it('counts plain list items when nothing says comment', () => {
    expect(countComments(element('<section><ul><li>One</li><li>Two</li></ul></section>', 'section'))).toBe(2);
  });
});

describe('extractArticle: stripped blocks', () => {
  it('lists the iTWire event promotion with a selector, a fingerprint, sanitized HTML and the paragraph it followed', () => {
    const result = extractArticle(itwire(), { url: ITWIRE });
    const promo = result.stripped.find((block) => block.family === 'promos');
    expect(promo).toBeDefined();
    if (!promo) return;
    expect(promo.kept).toBe(false);
    expect(promo.selector).toMatch(/^div[.#]/);
    expect(promo.selector).not.toMatch(/hilton|brisbane/i);
    expect(promo.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(promo.html).toContain('Hilton Brisbane');
    expect(promo.html).toContain('src="https://www.itwire.com/images/banners/');
    expect(promo.html).not.toMatch(/<script|class=|style=/i);
    expect(normalise(result.textContent)).toContain(promo.after);
    expect(promo.after).toBe('In other actions against Kaspersky Lab in the US, its products were taken off th');
    expect(result.contentHtml).not.toContain('Hilton Brisbane');
    // Same scope as the counts: every listed block was counted, and nothing from the sidebar is listed.
    for (const block of result.stripped) expect(result.removed[block.family]).toBeGreaterThan(0);
    expect(result.stripped.map((b) => b.html).join(' ')).not.toContain('iTWire Newsletter');
    expect(new Set(result.stripped.map((b) => b.id)).size).toBe(result.stripped.length);
  });

  it('sanitizes a listed block when its HTML is first read, and serializes it like any other field', () => {
    const result = extractArticle(itwire(), { url: ITWIRE });
    const promo = result.stripped.find((block) => block.family === 'promos');
    if (!promo) throw new Error('no promotion listed');
    expect(typeof Object.getOwnPropertyDescriptor(promo, 'html')?.get).toBe('function');
    expect(promo.html).toBe(promo.html);
    const serialized = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(serialized.stripped.find((block) => block.id === promo.id)?.html).toBe(promo.html);
    expect(structuredClone(promo).html).toBe(promo.html);
  });

  it('counts but does not list a block with nothing to see (iTWire\'s bar of icon-only share links)', () => {
    const result = extractArticle(itwire(), { url: ITWIRE });
    expect(result.removed.share).toBeGreaterThan(0);
    expect(result.stripped.some((block) => block.family === 'share')).toBe(false);
  });

  it('keeps a block a keep rule names: in the article, after its paragraph, marked with data-cp-kept', () => {
    const promo = extractArticle(itwire(), { url: ITWIRE }).stripped.find((block) => block.family === 'promos');
    if (!promo) throw new Error('no promotion listed');
    const result = extractArticle(itwire(), { url: ITWIRE, keep: [{ selector: promo.selector, fingerprint: promo.fingerprint }] });
    const kept = result.stripped.find((block) => block.family === 'promos');
    expect(kept).toMatchObject({ kept: true, selector: promo.selector, fingerprint: promo.fingerprint });
    expect(result.contentHtml).toContain(`data-cp-kept="${kept?.id}"`);
    const text = normalise(result.textContent);
    expect(text).toContain('Hilton Brisbane');
    expect(text.indexOf('Hilton Brisbane')).toBeGreaterThan(text.indexOf('Twitter had imposed an advertising ban'));
    expect(result.removed.promos).toBeUndefined();
    // The rest is still stripped.
    expect(result.removed.comments).toBeGreaterThan(0);
    expect(text).not.toContain('writing for iTWire since 2006');
  });

  it('does not keep a block whose text changed, nor one the selector does not name', () => {
    const promo = extractArticle(itwire(), { url: ITWIRE }).stripped.find((block) => block.family === 'promos');
    if (!promo) throw new Error('no promotion listed');
    for (const rule of [{ selector: promo.selector, fingerprint: '00000000' }, { selector: 'div.something-else', fingerprint: promo.fingerprint }, { selector: '((', fingerprint: promo.fingerprint }]) {
      const result = extractArticle(itwire(), { url: ITWIRE, keep: [rule] });
      expect(result.textContent).not.toContain('Hilton Brisbane');
      expect(result.contentHtml).not.toContain('data-cp-kept');
    }
  });

  describe('a promotion kept in place with "strip ads" off', () => {
    const storyWith = (promo: string) => articlePage({
      body: Array.from({ length: 8 }, (_, i) =>
        `<p>Paragraph ${i + 1} of the story explains in plain words what happened, who was involved, and why it matters.</p>${i === 3 ? promo : ''}`).join('\n'),
    });
    const count = (text: string, part: string) => text.split(part).length - 1;
    const summit = (label: string, cls: string) =>
      `<div class="${cls}"><p>${label} Join us at the Waterfront Summit on 4 June 2025, where speakers from the council, the port and local firms talk about the bridge.</p>` +
      '<p>The two-day conference, with talks, workshops and a harbour tour, sells early tickets at a reduced price, ' +
      '<a href="https://events.example.com/summit?utm_source=news">register now</a>.</p></div>';

    it('is in the article once when Readability kept it in part (it drops the hidden label that opens the block)', () => {
      const html = storyWith(summit('<span aria-hidden="true">Partner event label</span>', 'box'));
      expect(extractArticle(page(html)).textContent).not.toContain('Waterfront Summit');
      const text = normalise(extractArticle(page(html), { stripAds: false }).textContent);
      expect(count(text, 'Join us at the Waterfront Summit')).toBe(1);
      expect(count(text, 'The two-day conference')).toBe(1);
    });

    it('goes back right after the paragraph it followed when Readability dropped it (its promotional class)', () => {
      const html = storyWith(summit('', 'event-promo'));
      const text = normalise(extractArticle(page(html), { stripAds: false }).textContent);
      expect(count(text, 'Join us at the Waterfront Summit')).toBe(1);
      const at = text.indexOf('Join us at the Waterfront Summit');
      expect(at).toBeGreaterThan(text.indexOf('Paragraph 4 of the story'));
      expect(at).toBeLessThan(text.indexOf('Paragraph 5 of the story'));
    });
  });

  it('ignores data-cp-kept attributes the page sets itself', () => {
    const html = articlePage({}).replace('<div class="story">', '<div class="story" data-cp-kept="s1">');
    expect(extractArticle(page(html)).contentHtml).not.toContain('data-cp-kept');
  });
});

describe('extractArticle: comments', () => {
  const thread = `<div id="comments" class="comments-area"><h2>2 Comments</h2><ol class="comment-list">
    <li id="comment-11" class="comment"><div class="comment-content"><p>First reader says the bridge is overdue. <a href="/u/ann">Ann</a></p></div></li>
    <li id="comment-12" class="comment"><div class="comment-content"><p>Second reader worries about the cost.</p></div></li></ol>
    <div id="respond" class="comment-respond"><form action="/post"><textarea name="c"></textarea><input type="submit" value="Post"><button>Send</button></form></div></div>`;

  it('gives the thread beside the article with a count, without the form, links absolute', () => {
    const html = articlePage({}).replace('</article>', `</article>${thread}`);
    const doc = page(html, 'https://news.example.org/news/story.html');
    const before = doc.documentElement.outerHTML;
    const result = extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(result.comments?.count).toBe(2);
    expect(result.comments?.html).toContain('Second reader worries about the cost.');
    expect(result.comments?.html).toContain('href="https://news.example.org/u/ann"');
    expect(result.comments?.html).not.toMatch(/<form|<input|<textarea|<button/i);
    expect(result.textContent).not.toContain('Second reader');
  });

  it('gives the thread inside the article region too', () => {
    const html = articlePage({ afterBody: thread });
    const result = extractArticle(page(html));
    expect(result.comments?.count).toBe(2);
    expect(result.textContent).not.toContain('First reader');
  });

  it('is null without comments (the iTWire thread is an empty Disqus box; the sidebar widget is not the thread) and when comments are not stripped', () => {
    expect(extractArticle(itwire(), { url: ITWIRE }).comments).toBeNull();
    const html = articlePage({ afterBody: thread });
    const kept = extractArticle(page(html), { stripComments: false });
    expect(kept.comments).toBeNull();
    expect(kept.textContent).toContain('First reader');
  });
});
