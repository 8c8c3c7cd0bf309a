// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://news.example.org/2024/05/03/bridge.html"}
/** The reading-progress bar: its value follows the host's scroll position. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleResult } from '../../src/core/index.js';
import { frameThrottle, PROGRESS_CSS, progressPercent } from '../../src/reader/progress.js';
import { openReaderView, type ReaderView } from '../../src/reader/view.js';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';
import { articleResult } from './helpers/article.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const URL_ = 'https://news.example.org/2024/05/03/bridge.html';

function article(): ArticleResult {
  return articleResult({ contentHtml: Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i + 1} about the bridge.</p>`).join('') });
}

let view: ReaderView | null = null;
let controller = new AbortController();

beforeEach(() => {
  document.documentElement.replaceChildren(document.createElement('head'), document.createElement('body'));
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  view?.destroy();
  view = null;
});

describe('progressPercent', () => {
  it('is the share of the scroll range passed, in whole percent, clamped to 0-100', () => {
    // 2,000 px of content in a 500 px viewport: 1,500 px to scroll.
    expect(progressPercent(0, 2000, 500)).toBe(0);
    expect(progressPercent(375, 2000, 500)).toBe(25);
    expect(progressPercent(1000, 2000, 500)).toBe(67);
    expect(progressPercent(1500, 2000, 500)).toBe(100);
    expect(progressPercent(1600, 2000, 500), 'overscroll').toBe(100);
    expect(progressPercent(-40, 2000, 500), 'rubber-band above the top').toBe(0);
  });

  it('is 100 when the whole article fits on the screen', () => {
    expect(progressPercent(0, 500, 500)).toBe(100);
    expect(progressPercent(0, 300, 500)).toBe(100);
  });
});

describe('frameThrottle', () => {
  it('runs the callback once per frame however often it is scheduled', async () => {
    const fn = vi.fn();
    const schedule = frameThrottle(window, fn);
    for (let i = 0; i < 10; i++) schedule();
    expect(fn).not.toHaveBeenCalled();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await vi.waitFor(() => expect(fn).toHaveBeenCalledTimes(1));
    schedule();
    await vi.waitFor(() => expect(fn).toHaveBeenCalledTimes(2));
  });
});

describe('reading-progress bar', () => {
  it('is a labelled progressbar whose value follows the host scroll', async () => {
    view = openReaderView(document, { article: article(), url: URL_ }, {
      appearance: DEFAULT_SETTINGS.appearance, signal: controller.signal, onRequestClose: vi.fn(),
    });
    const host = view.host;
    let scrollTop = 0;
    Object.defineProperty(host, 'scrollTop', { configurable: true, get: () => scrollTop, set: (v: number) => { scrollTop = v; } });
    Object.defineProperty(host, 'clientHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(host, 'scrollHeight', { configurable: true, get: () => 3000 });

    const bar = host.shadowRoot?.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-label')).toBe('Reading progress');
    expect(bar?.getAttribute('aria-valuemin')).toBe('0');
    expect(bar?.getAttribute('aria-valuemax')).toBe('100');
    await vi.waitFor(() => expect(bar?.getAttribute('aria-valuenow')).toBe('0'));

    // 2,400 px of scroll range: 600 px is a quarter, 1,800 px three quarters.
    scrollTop = 600;
    host.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(bar?.getAttribute('aria-valuenow')).toBe('25'));
    scrollTop = 1800;
    host.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(bar?.getAttribute('aria-valuenow')).toBe('75'));

    // Closed reader: no more updates.
    controller.abort();
    scrollTop = 0;
    host.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(bar?.getAttribute('aria-valuenow')).toBe('75');
  });

  it('listens to scroll passively', () => {
    const added: Array<{ type: string; options: unknown }> = [];
    const original = HTMLElement.prototype.addEventListener;
    const spy = vi.spyOn(HTMLElement.prototype, 'addEventListener').mockImplementation(function (this: HTMLElement, type, listener, options) {
      added.push({ type, options });
      original.call(this, type, listener, options);
    });
    view = openReaderView(document, { article: article(), url: URL_ }, {
      appearance: DEFAULT_SETTINGS.appearance, signal: controller.signal, onRequestClose: vi.fn(),
    });
    spy.mockRestore();
    const scrolls = added.filter((a) => a.type === 'scroll');
    expect(scrolls.length).toBeGreaterThan(0);
    for (const { options } of scrolls) expect(options).toMatchObject({ passive: true });
  });

  it('is hidden in print', () => {
    expect(PROGRESS_CSS.replace(/\s+/g, ' ')).toMatch(/@media print \{ \.cp-progress \{ display: none/);
  });
});
