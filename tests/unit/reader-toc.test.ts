// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://news.example.org/2024/05/03/bridge.html"}
/** The table of contents in the reader: when it appears, how it nests, and where its links take the reader. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleResult } from '../../src/core/index.js';
import { TOC_MIN_HEADINGS } from '../../src/reader/toc.js';
import { openReaderView, type ReaderView } from '../../src/reader/view.js';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';
import { articleResult } from './helpers/article.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const URL_ = 'https://news.example.org/2024/05/03/bridge.html';
const para = (n: number): string => `<p>Paragraph ${n} says something about the bridge.</p>`;

function article(contentHtml: string): ArticleResult {
  return articleResult({ byline: 'Jane Doe', contentHtml });
}

/** Headings as [tag, text]; each followed by a paragraph. */
function sectioned(headings: Array<[string, string]>): string {
  return para(0) + headings.map(([tag, text], i) => `<${tag}>${text}</${tag}>${para(i + 1)}`).join('');
}

const FIVE: Array<[string, string]> = [
  ['h2', 'Why a new bridge'], ['h3', 'The old one'], ['h3', 'Traffic'], ['h2', 'What it costs'], ['h3', 'Who pays'],
];

let view: ReaderView | null = null;
let controller = new AbortController();
let onRequestClose = vi.fn();

function open(contentHtml: string): { view: ReaderView; root: ShadowRoot } {
  view = openReaderView(document, { article: article(contentHtml), url: URL_ }, {
    appearance: DEFAULT_SETTINGS.appearance, signal: controller.signal, onRequestClose,
  });
  const root = view.host.shadowRoot;
  if (!root) throw new Error('no open shadow root');
  return { view, root };
}

function toggleOf(root: ShadowRoot): HTMLButtonElement {
  const toggle = root.querySelector<HTMLButtonElement>('[data-cp="toc-toggle"]');
  if (!toggle) throw new Error('no Contents button');
  return toggle;
}

function navOf(root: ShadowRoot): HTMLElement {
  const nav = root.querySelector<HTMLElement>('nav[data-cp="toc"]');
  if (!nav) throw new Error('no contents list');
  return nav;
}

/** jsdom does no layout: give elements the top edges a browser would report. */
function placeAt(node: Element, top: number, height = 30): void {
  node.getBoundingClientRect = () => ({
    top, bottom: top + height, left: 0, right: 600, width: 600, height, x: 0, y: top, toJSON: () => ({}),
  });
}

/** A host whose scrollTop works as in a browser (jsdom keeps it at 0), with a viewport of `height`. */
function scrollableHost(host: HTMLElement, height: number, scrollHeight: number): { top: number } {
  const state = { top: 0 };
  Object.defineProperty(host, 'scrollTop', {
    configurable: true,
    get: () => state.top,
    set: (value: number) => { state.top = Math.min(Math.max(value, 0), scrollHeight - height); },
  });
  Object.defineProperty(host, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(host, 'scrollHeight', { configurable: true, get: () => scrollHeight });
  placeAt(host, 0, height);
  return state;
}

beforeEach(() => {
  document.documentElement.replaceChildren();
  document.documentElement.append(document.createElement('head'), document.createElement('body'));
  document.body.append(Object.assign(document.createElement('p'), { textContent: 'The page.' }));
  controller = new AbortController();
  onRequestClose = vi.fn();
});

afterEach(() => {
  controller.abort();
  view?.destroy();
  view = null;
});

describe('table of contents', () => {
  it(`appears only with ${TOC_MIN_HEADINGS} or more section headings`, () => {
    const headings = FIVE.slice(0, TOC_MIN_HEADINGS - 1);
    const few = open(sectioned(headings));
    const toggle = toggleOf(few.root);
    expect(toggle.hidden, 'Contents button hidden').toBe(true);
    expect(toggle.disabled, 'and out of the tab order').toBe(true);
    expect(navOf(few.root).querySelectorAll('a')).toHaveLength(0);
    expect(few.root.querySelectorAll('[id^="cp-section-"]')).toHaveLength(0);

    // The same view re-rendered with one more heading gets a table of contents.
    few.view.update({ article: article(sectioned(FIVE.slice(0, TOC_MIN_HEADINGS))), url: URL_ });
    expect(toggle.hidden).toBe(false);
    expect(toggle.disabled).toBe(false);
    expect(navOf(few.root).querySelectorAll('a')).toHaveLength(TOC_MIN_HEADINGS);
  });

  it('lists h3 under the h2 before it, with unique ids of its own on the headings', () => {
    const { root } = open(`<h3>Before any section</h3>${sectioned(FIVE)}<h4>Not listed</h4>`);
    const nav = navOf(root);
    const childrenOf = (node: Element | null | undefined, tag: string): Element[] =>
      Array.from(node?.children ?? []).filter((child) => child.localName === tag);
    const top = childrenOf(nav, 'ol');
    expect(top).toHaveLength(1);
    const entries = childrenOf(top[0], 'li').map((li) => ({
      text: childrenOf(li, 'a')[0]?.textContent,
      children: childrenOf(childrenOf(li, 'ol')[0], 'li').map((sub) => childrenOf(sub, 'a')[0]?.textContent),
    }));
    expect(entries).toEqual([
      { text: 'Before any section', children: [] },
      { text: FIVE[0]?.[1], children: [FIVE[1]?.[1], FIVE[2]?.[1]] },
      { text: FIVE[3]?.[1], children: [FIVE[4]?.[1]] },
    ]);

    const headings = Array.from(root.querySelectorAll<HTMLElement>('.cp-content h2, .cp-content h3'));
    const ids = headings.map((h) => h.id);
    expect(new Set(ids).size, 'ids are unique').toBe(headings.length);
    for (const id of ids) expect(id).toMatch(/^cp-section-\d+$/);
    const allIds = Array.from(root.querySelectorAll('[id]'), (node) => node.id);
    expect(new Set(allIds).size, 'no id in the reader is used twice').toBe(allIds.length);
    for (const h of headings) expect(h.tabIndex, `${h.textContent} is focusable by script`).toBe(-1);
    const hrefs = Array.from(nav.querySelectorAll('a'), (a) => a.getAttribute('href'));
    expect(hrefs).toEqual(ids.map((id) => `#${id}`));
    expect(root.querySelector('.cp-content h4')?.hasAttribute('id')).toBe(false);
  });

  it('opens from the toolbar as a disclosure and moves focus into the list', () => {
    const { root } = open(sectioned(FIVE));
    const toggle = toggleOf(root);
    const nav = navOf(root);
    expect(toggle.getAttribute('aria-controls')).toBe(nav.id);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toBe('Contents');
    expect(nav.getAttribute('aria-label')).toBe('Table of contents');
    expect(nav.hidden).toBe(true);

    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(nav.hidden).toBe(false);
    const links = Array.from(nav.querySelectorAll('a'));
    expect(root.activeElement).toBe(links[0]);

    links[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    expect(root.activeElement).toBe(links[1]);
    links[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
    expect(root.activeElement).toBe(links[links.length - 1]);

    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(nav.hidden).toBe(true);
  });

  it('a link scrolls the host (not the page) to its heading and focuses the heading', () => {
    const { root, view } = open(sectioned(FIVE));
    const scroll = scrollableHost(view.host, 800, 5000);
    scroll.top = 100;
    const headings = Array.from(root.querySelectorAll<HTMLElement>('.cp-content h2, .cp-content h3'));
    headings.forEach((h, i) => placeAt(h, 400 + i * 500));
    const windowScroll = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);

    toggleOf(root).click();
    const third = navOf(root).querySelectorAll('a')[2];
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    third?.dispatchEvent(click);

    expect(click.defaultPrevented, 'the page URL is left alone').toBe(true);
    expect(window.location.hash).toBe('');
    // The third heading was 400 + 2 * 500 px below the host's top with the host scrolled by 100.
    expect(scroll.top).toBe(100 + 400 + 2 * 500);
    expect(root.activeElement).toBe(headings[2]);
    expect(navOf(root).hidden, 'the list closes').toBe(true);
    expect(toggleOf(root).getAttribute('aria-expanded')).toBe('false');
    expect(windowScroll).not.toHaveBeenCalled();
    windowScroll.mockRestore();
  });

  it('Esc closes the list first and gives focus back to the button; the next Esc closes the reader', () => {
    const { root } = open(sectioned(FIVE));
    toggleOf(root).click();
    const link = navOf(root).querySelector('a');
    link?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(navOf(root).hidden).toBe(true);
    expect(root.activeElement).toBe(toggleOf(root));
    expect(onRequestClose).not.toHaveBeenCalled();

    toggleOf(root).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect(onRequestClose).toHaveBeenCalledTimes(1);
  });

  it('a click elsewhere in the reader closes the list', () => {
    const { root } = open(sectioned(FIVE));
    toggleOf(root).click();
    root.querySelector('.cp-content p')?.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(navOf(root).hidden).toBe(true);
  });

  it('marks the section being read with aria-current as the host scrolls', async () => {
    const { root, view } = open(sectioned(FIVE));
    scrollableHost(view.host, 800, 5000);
    const headings = Array.from(root.querySelectorAll<HTMLElement>('.cp-content h2, .cp-content h3'));
    const links = Array.from(navOf(root).querySelectorAll('a'));
    const current = (): string[] => links.filter((a) => a.getAttribute('aria-current') === 'true').map((a) => a.textContent ?? '');

    // Above the first heading: no section yet.
    headings.forEach((h, i) => placeAt(h, 900 + i * 700));
    view.host.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(current()).toEqual([]);

    // The second heading has just passed the top, the third is far below.
    headings.forEach((h, i) => placeAt(h, -700 + i * 700 - 20));
    view.host.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(current()).toEqual([FIVE[1]?.[1]]));

    // The third is close to the top: it counts as started.
    headings.forEach((h, i) => placeAt(h, -1400 + i * 700 + 50));
    view.host.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(current()).toEqual([FIVE[2]?.[1]]));
  });
});
