/**
 * Media and links in extraction: lazy images get their real source, <noscript> fallbacks win, players become
 * links, and footnote links keep pointing at their notes (in the reader's own id namespace).
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index.js';
import { articlePage, page } from './helpers/page.js';

const URL_ = 'https://news.example/2024/05/03/bridge-approved';
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const paragraph = (i: number) =>
  `<p>Paragraph ${i} of the story explains in plain words what happened, who was involved, and why it matters to the people who read it.</p>`;

/** The article body of a page whose story holds `media` between its paragraphs. */
function contentWith(media: string, prepare?: (doc: Document) => void): HTMLElement {
  const body = [paragraph(1), paragraph(2), media, paragraph(3), paragraph(4), paragraph(5), paragraph(6)].join('\n');
  const doc = page(articlePage({ body }), URL_);
  prepare?.(doc);
  const html = extractArticle(doc, { url: URL_ }).contentHtml;
  const out = doc.createElement('div');
  out.append(new doc.defaultView!.DOMParser().parseFromString(`<body>${html}`, 'text/html').body);
  return out;
}

describe('lazy images', () => {
  it('takes the real source from data-src when the page shows a placeholder', () => {
    const content = contentWith(`<figure><img src="${PIXEL}" data-src="/img/a.jpg" alt="A bridge"><figcaption>The bridge.</figcaption></figure>`);
    expect(content.querySelector('img')?.getAttribute('src')).toBe('https://news.example/img/a.jpg');
  });

  it('takes data-srcset, and gives an image with only a srcset a plain source too', () => {
    const content = contentWith('<figure><img data-srcset="/img/b-400.jpg 400w, /img/b-800.jpg 800w" alt="B"><figcaption>B.</figcaption></figure>');
    const img = content.querySelector('img');
    expect(img?.getAttribute('srcset')).toContain('https://news.example/img/b-800.jpg 800w');
    expect(img?.getAttribute('src')).toBe('https://news.example/img/b-400.jpg');
  });

  it('gives <picture> sources their lazy srcset', () => {
    const content = contentWith('<picture><source type="image/webp" data-srcset="/img/d.webp"><img data-src="/img/d.jpg" alt="D"></picture>');
    expect(content.querySelector('source')?.getAttribute('srcset')).toBe('https://news.example/img/d.webp');
    expect(content.querySelector('picture img')?.getAttribute('src')).toBe('https://news.example/img/d.jpg');
  });

  it.each([
    ['before the placeholder', '<figure><noscript><img src="/img/c.jpg" alt="C"></noscript><img class="lazy" src="/img/placeholder.svg" alt="C"><figcaption>C.</figcaption></figure>'],
    ['after the placeholder', `<figure><img class="lazy" src="${PIXEL}" data-src="/img/c-small.jpg" alt="C"><noscript><img src="/img/c.jpg" alt="C"></noscript><figcaption>C.</figcaption></figure>`],
  ])('shows the <noscript> image instead of the placeholder beside it (%s)', (_where, media) => {
    const images = Array.from(contentWith(media).querySelectorAll('img'));
    expect(images.map((img) => img.getAttribute('src'))).toEqual(['https://news.example/img/c.jpg']);
  });

  it('reads <noscript> content that a browser with scripting parsed as text', () => {
    const media = '<figure><noscript id="ns"></noscript><img src="/img/placeholder.gif" alt="E"><figcaption>E.</figcaption></figure>';
    const content = contentWith(media, (doc) => {
      // What Chromium and Firefox hold: the fallback markup as one text node.
      doc.getElementById('ns')!.textContent = '<img src="/img/e.jpg" alt="E" onerror="alert(1)">';
    });
    const img = content.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://news.example/img/e.jpg');
    expect(img?.hasAttribute('onerror')).toBe(false);
  });

  it('keeps a real image that merely sits next to a noscript tracking pixel', () => {
    const content = contentWith('<figure><img src="/img/f.jpg" alt="F"><noscript><img src="https://track.example/p.gif?x=1" width="1"></noscript><figcaption>F.</figcaption></figure>');
    expect(content.querySelector('img[alt="F"]')?.getAttribute('src')).toBe('https://news.example/img/f.jpg');
  });
});

describe('embedded video', () => {
  it('turns a player into a link to the video, marked for the reader to label', () => {
    const content = contentWith('<div class="video-wrap"><iframe src="https://player.video.example/embed/99" allow="autoplay; fullscreen" title="Bridge opening"></iframe></div>');
    const link = content.querySelector('a[data-cp-embed="video"]');
    expect(link?.getAttribute('href')).toBe('https://player.video.example/embed/99');
    expect(link?.textContent).toBe('Video: Bridge opening (player.video.example)');
    expect(content.querySelector('iframe')).toBeNull();
  });

  it('gives one link for a player the page embeds twice (a desktop and a mobile copy), where the first copy was', () => {
    const player = (cls: string) => `<div class="${cls}"><iframe src="https://player.video.example/embed/7" allowfullscreen title="Flood barrier"></iframe></div>`;
    const content = contentWith(`${player('video-desktop')}<p>Between the two copies, a paragraph of the story that readers should see once.</p>${player('video-mobile')}`);
    const links = content.querySelectorAll('a[data-cp-embed="video"]');
    expect(links).toHaveLength(1);
    expect(links[0]?.textContent).toBe('Video: Flood barrier (player.video.example)');
    expect(content.textContent!.indexOf('Video: Flood barrier')).toBeLessThan(content.textContent!.indexOf('Between the two copies'));
    expect(content.querySelector('iframe')).toBeNull();
  });

  it('leaves out frames that are not players (ads, forms, widgets)', () => {
    const content = contentWith('<iframe src="https://ads.example/slot?id=3" width="300" height="250"></iframe><iframe src="/newsletter-form"></iframe>');
    expect(content.querySelector('a[data-cp-embed]')).toBeNull();
    expect(content.querySelector('iframe')).toBeNull();
    expect(content.textContent).toContain('Paragraph 3');
  });
});

describe('links within the article', () => {
  it('keeps footnote references and back links pointing at each other, under reader-owned ids', () => {
    const media = '<p>The council voted.<sup id="ref1"><a href="#fn1">1</a></sup> It was a long meeting that went late into the night for everyone there.</p>' +
      '<ol class="notes"><li id="fn1">The vote was 7 to 2. <a href="#ref1">back</a></li></ol>';
    const content = contentWith(media);
    const reference = content.querySelector('sup a');
    expect(reference?.getAttribute('href')).toBe('#cp-note-fn1');
    expect(reference?.hasAttribute('target')).toBe(false);
    expect(content.querySelector('#cp-note-fn1')?.textContent).toContain('The vote was 7 to 2.');
    expect(content.querySelector('li a')?.getAttribute('href')).toBe('#cp-note-ref1');
    expect(content.querySelector('#cp-note-ref1')?.localName).toBe('sup');
  });

  it('drops every other id, and links to other pages still open in a new tab', () => {
    const media = '<p id="cp-title">A page id that would clash with the reader.</p><p>See <a href="/2024/other-story#part2">the other story</a> and <a href="#nowhere">this</a> for more on the long meeting.</p>';
    const content = contentWith(media);
    expect(content.querySelector('[id]')).toBeNull();
    const other = Array.from(content.querySelectorAll('a')).find((a) => a.textContent === 'the other story');
    expect(other?.getAttribute('href')).toBe('https://news.example/2024/other-story#part2');
    expect(other?.getAttribute('target')).toBe('_blank');
  });
});

describe('code blocks', () => {
  it('keep the class that names their language, and no other class', () => {
    const content = contentWith('<pre class="highlight x"><code class="hljs language-python">print("hi")\n    pass</code></pre>');
    const code = content.querySelector('pre code');
    expect(code?.getAttribute('class')).toBe('language-python');
    expect(content.querySelector('pre')?.hasAttribute('class')).toBe(false);
    expect(code?.textContent).toBe('print("hi")\n    pass');
  });
});
