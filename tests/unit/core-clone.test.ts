/** The working copy extraction runs on: filtered, detached, and able to name the copy of a live element. */
import { describe, expect, it } from 'vitest';
import { cloneForExtraction } from '../../src/core/clone.js';
import { page } from './helpers/page.js';

const URL_ = 'https://news.example/2024/05/03/bridge-approved';

function live(): Document {
  return page(
    `<!doctype html><html lang="en"><head><title>Bridge</title><meta name="author" content="Jane Doe"><script>var x;</script></head>
<body class="single"><header><a href="/">Example News</a></header>
<main><article id="story"><h1 id="headline">Council approves the bridge</h1><!-- a comment -->
<p>First paragraph.</p><script>track()</script><style>p{}</style>
<div hidden><p id="in-hidden">Hidden text.</p></div><div style="color:red; display: none"><p>Also hidden.</p></div>
<iframe src="https://player.video.example/embed/7" allowfullscreen title="Opening"></iframe><iframe src="https://ads.example/slot"></iframe>
<figure><img class="lazy" src="/img/placeholder.gif" data-src="/img/a.jpg" alt="A"><noscript id="ns"></noscript></figure>
<p>Last paragraph.</p></article><aside><p>Sidebar.</p></aside></main></body></html>`,
    URL_,
  );
}

describe('cloneForExtraction', () => {
  it('copies what can be article content and leaves the rest out, the live page untouched', () => {
    const doc = live();
    // What a browser with scripting holds in <noscript>: the fallback markup as text (the copy has no window to parse it).
    doc.getElementById('ns')!.textContent = '<img src="/img/a-full.jpg" alt="A">';
    const before = doc.documentElement.outerHTML;
    const { doc: copy } = cloneForExtraction(doc, URL_);
    const html = copy.body.innerHTML;
    expect(copy.documentElement.getAttribute('lang')).toBe('en');
    expect(copy.body.getAttribute('class')).toBe('single');
    expect(copy.querySelector('base')?.getAttribute('href')).toBe(URL_);
    expect(copy.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('Jane Doe');
    expect(html).not.toMatch(/<script|<style|<!--|Hidden text|Also hidden|ads\.example|<noscript/);
    expect(copy.querySelector('iframe[data-cp-address="https://player.video.example/embed/7"]')?.getAttribute('title')).toBe('Opening');
    // The <noscript> image replaced the lazy placeholder before it.
    expect(Array.from(copy.querySelectorAll('figure img')).map((img) => img.getAttribute('src'))).toEqual(['/img/a-full.jpg']);
    expect(html).toContain('First paragraph.');
    expect(html).toContain('Sidebar.');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('copies only the region when given one, and names the copies of tracked elements that were copied', () => {
    const doc = live();
    const region = doc.getElementById('story')!;
    const headline = doc.getElementById('headline')!;
    const hidden = doc.getElementById('in-hidden')!;
    const copy = cloneForExtraction(doc, URL_, [headline, region, hidden], region);
    expect(copy.doc.body.children).toHaveLength(1);
    expect(copy.doc.body.textContent).not.toContain('Sidebar.');
    expect(copy.copyOf(region)).toBe(copy.doc.body.firstElementChild);
    expect(copy.copyOf(headline)?.textContent).toBe('Council approves the bridge');
    expect(copy.copyOf(headline)?.ownerDocument).toBe(copy.doc);
    expect(copy.copyOf(hidden)).toBeNull(); // left out with its hidden parent
    expect(copy.copyOf(doc.querySelector('aside'))).toBeNull(); // not tracked
  });
});
