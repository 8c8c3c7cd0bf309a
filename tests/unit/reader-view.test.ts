// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://news.example.org/2024/05/03/bridge.html"}
/** The reader overlay: the DOM contract, sanitized body, and a page given back exactly as it was. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleResult } from '../../src/core/index.js';
import { HOST_ID, openReaderView, type ReaderView } from '../../src/reader/view.js';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';
import { articleResult } from './helpers/article.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const URL_ = 'https://news.example.org/2024/05/03/bridge.html';
const PAGE = `<head><title>Bridge - Example News</title></head><body>
  <h1>Council approves the new river bridge</h1>
  <form><input id="name" value="initial"><textarea id="note">x</textarea></form>
  <video id="clip" src="clip.mp4"></video>
  <p>Page text.</p></body>`;

function article(overrides: Partial<ArticleResult> = {}): ArticleResult {
  return articleResult({
    byline: 'Jane Doe', published: '2018-05-15T09:19:00+10:00',
    contentHtml: `<p>First paragraph.</p>
      <figure><img src="https://news.example.org/a.jpg" alt="A bridge"><figcaption>The bridge at dusk.</figcaption></figure>
      <table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>12m</td></tr></table>
      <blockquote><p>Quoted.</p></blockquote><pre><code>line 1\n    indented</code></pre>
      <ul><li>one</li><li>two</li></ul>`,
    textContent: 'First paragraph.', removed: { promos: 1 },
    ...overrides,
  });
}

let view: ReaderView | null = null;
const controller = { current: new AbortController() };

/** Resolves once the next frame has been drawn and the task queued from its animation callback has run. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function open(content = article(), onRequestClose = vi.fn()): { view: ReaderView; root: ShadowRoot; onRequestClose: typeof onRequestClose } {
  view = openReaderView(document, { article: content, url: URL_ }, {
    appearance: { ...DEFAULT_SETTINGS.appearance, theme: 'sepia' }, signal: controller.current.signal, onRequestClose,
  });
  const root = view.host.shadowRoot;
  if (!root) throw new Error('no open shadow root');
  return { view, root, onRequestClose };
}

beforeEach(() => {
  document.documentElement.replaceChildren();
  const parsed = new DOMParser().parseFromString(`<!doctype html><html lang="en">${PAGE}</html>`, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  controller.current = new AbortController();
});

afterEach(() => {
  controller.current.abort();
  view?.destroy();
  view = null;
});

describe('openReaderView', () => {
  it('renders the DOM contract in an open shadow root on <html>', () => {
    const { root, view } = open();
    expect(view.host.localName).toBe('clearpage-reader');
    expect(view.host.id).toBe(HOST_ID);
    expect(view.host.parentNode).toBe(document.documentElement);
    expect(view.host.getAttribute('data-theme')).toBe('sepia');

    const site = root.querySelector('[data-cp="site"]');
    expect(site?.localName).toBe('a');
    expect(site?.getAttribute('href')).toBe(URL_);
    expect(site?.textContent).toBe('Example News');
    expect(root.querySelector('h1[data-cp="title"]')?.textContent).toBe('Council approves the new river bridge');
    expect(root.querySelector('[data-cp="byline"]')?.textContent).toBe('Jane Doe');
    const time = root.querySelector('time[data-cp="published"]');
    expect(time?.getAttribute('datetime')).toBe('2018-05-15T09:19:00+10:00');
    expect(time?.getAttribute('title')).toMatch(/2018/);
    expect(time?.textContent).toMatch(/15/);
    expect(root.querySelector('[data-cp="reading-time"]')?.textContent).toBe('3 min read');
    expect(root.querySelector('button[data-cp="close"]')?.getAttribute('aria-label')).toBe('Close reader view');
    const content = root.querySelector('[data-cp="content"]');
    expect(content?.querySelector('figure figcaption')?.textContent).toBe('The bridge at dusk.');
    expect(content?.querySelector('pre code')?.textContent).toBe('line 1\n    indented');
    expect(content?.closest('article')?.getAttribute('lang')).toBe('en');
  });

  it('gives screen readers a modal dialog named by the title, the article in its language and the controls in the browser\'s', () => {
    const { root } = open(article({ lang: 'de', dir: 'ltr' }));
    const dialog = root.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dialog?.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Council approves the new river bridge');
    expect(dialog?.getAttribute('lang')).toBe('en');
    // No second <main>: the page has its own, and the dialog already sets the reader apart.
    expect(dialog?.querySelector('main')).toBeNull();
    expect(dialog?.querySelector('article')?.getAttribute('lang')).toBe('de');
    expect(root.querySelector('.cp-tools')?.getAttribute('aria-label')).toBe('Reader tools');
  });

  it('wraps tables so they scroll sideways', () => {
    const { root } = open();
    expect(root.querySelector('.cp-table-wrap > table')).not.toBeNull();
  });

  it('labels the link the core left for an embedded video in the user\'s language', () => {
    const contentHtml = '<p>Text.</p><p><a href="https://player.video.example/embed/9" data-cp-embed="video">Video (player.video.example)</a></p>';
    const { root } = open(article({ contentHtml }));
    const link = root.querySelector('a.cp-embed');
    expect(link?.textContent).toBe('Watch the video on player.video.example');
    expect(link?.getAttribute('href')).toBe('https://player.video.example/embed/9');
  });

  it('leaves out what the page did not give', () => {
    const { root } = open(article({ byline: null, published: null, siteName: null }));
    expect(root.querySelector('[data-cp="byline"]')).toBeNull();
    expect(root.querySelector('[data-cp="published"]')).toBeNull();
    expect(root.querySelector('[data-cp="site"]')?.textContent).toBe('news.example.org');
  });

  it('inserts the body only through the sanitizer', () => {
    const { root } = open(article({
      contentHtml: '<p>ok</p><script>window.pwned = 1</script><img src="x.jpg" onerror="window.pwned = 2"><a href="javascript:alert(1)">link</a><iframe src="https://evil.example"></iframe>',
    }));
    const content = root.querySelector('[data-cp="content"]');
    expect(content?.querySelector('script, iframe')).toBeNull();
    expect(content?.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    expect(content?.querySelector('a')?.getAttribute('href') ?? '').not.toMatch(/javascript:/);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('moves to a footnote within the reader instead of following the link', () => {
    const contentHtml = '<p>Claim.<sup id="cp-note-r1"><a href="#cp-note-n1">1</a></sup></p><ol><li id="cp-note-n1">The source.</li></ol>';
    const { root } = open(article({ contentHtml }));
    const note = root.getElementById('cp-note-n1');
    const scrolled = vi.fn();
    if (note) note.scrollIntoView = scrolled;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0 });
    root.querySelector('sup a')?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(root.activeElement).toBe(note);
    expect(location.hash).toBe('');
  });

  it('says so when there is no article text', () => {
    const { root } = open(article({ contentHtml: '' }));
    expect(root.querySelector('[data-cp="content"]')?.textContent).toMatch(/no article text/);
  });

  it('moves focus into the reader once it is drawn and gives it back on close, with the page unchanged', async () => {
    const input = document.getElementById('name') as HTMLInputElement;
    input.focus();
    input.value = 'typed by the user';
    const before = document.documentElement.outerHTML;
    const { view } = open();
    // Focus waits for the first frame: asking for it at once would force a layout before the reader is drawn.
    expect(document.activeElement).toBe(input);
    await nextFrame();
    expect(document.activeElement).toBe(view.host);
    controller.current.abort();
    view.destroy();
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('typed by the user');
  });

  it('lays out only what is on screen for the first frame, then everything', async () => {
    const { root } = open();
    const article = root.querySelector('.cp-article');
    expect(article?.classList.contains('cp-settling')).toBe(true);
    await nextFrame();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(article?.classList.contains('cp-settling')).toBe(false);
  });

  it('asks to close on Esc and on the close button, and stops listening once aborted', () => {
    const { root, onRequestClose } = open();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    (root.querySelector('[data-cp="close"]') as HTMLButtonElement).click();
    expect(onRequestClose).toHaveBeenCalledTimes(2);
    controller.current.abort();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onRequestClose).toHaveBeenCalledTimes(2);
  });

  it('keeps key presses from reaching the page behind it', () => {
    const { root } = open();
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    root.querySelector('[data-cp="close"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    expect(pageHandler).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageHandler);
  });

  it('closes instead of reloading when the site link is clicked', () => {
    const { root, onRequestClose } = open();
    const link = root.querySelector('[data-cp="site"]') as HTMLAnchorElement;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(onRequestClose).toHaveBeenCalledTimes(1);
  });

  it('follows appearance changes and re-renders content', () => {
    const { view, root } = open();
    view.setAppearance({ ...DEFAULT_SETTINGS.appearance, theme: 'dark' });
    expect(view.host.getAttribute('data-theme')).toBe('dark');
    view.update({ article: article({ title: 'Updated title' }), url: URL_ });
    expect(root.querySelector('h1[data-cp="title"]')?.textContent).toBe('Updated title');
    expect(root.querySelectorAll('[data-cp="content"]')).toHaveLength(1);
  });

  it('replaces a host left behind by an earlier content script', () => {
    open();
    const second = openReaderView(document, { article: article(), url: URL_ }, {
      appearance: DEFAULT_SETTINGS.appearance, signal: controller.current.signal, onRequestClose: vi.fn(),
    });
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(1);
    second.destroy();
  });
});
