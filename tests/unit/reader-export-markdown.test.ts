// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://news.example.org/2024/05/03/bridge.html"}
/**
 * The export feature mounted in the real reader view (jsdom): the disclosure's ARIA state, Esc closing the menu
 * before the reader, the clipboard API, the textarea fallback where there is none, and the download link.
 * The browser itself (clipboard, downloads) is covered by tests/e2e/reader-export.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleResult } from '../../src/core/index.js';
import { openReaderView, type ReaderView } from '../../src/reader/view.js';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';
import { articleResult } from './helpers/article.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const URL_ = 'https://news.example.org/2024/05/03/bridge.html';
const ARTICLE: ArticleResult = articleResult({
  byline: 'Jane Doe', published: '2018-05-15T09:19:00+10:00', textContent: 'First paragraph.',
  contentHtml: '<p>First paragraph.</p><table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>12m</td></tr></table><pre><code>a\n  b</code></pre>',
});

let view: ReaderView | null = null;
let controller = new AbortController();

function open(): { root: ShadowRoot; onRequestClose: ReturnType<typeof vi.fn> } {
  const onRequestClose = vi.fn();
  view = openReaderView(document, { article: ARTICLE, url: URL_ }, {
    appearance: DEFAULT_SETTINGS.appearance, signal: controller.signal, onRequestClose,
  });
  const root = view.host.shadowRoot;
  if (!root) throw new Error('no shadow root');
  return { root, onRequestClose };
}

function parts(root: ShadowRoot) {
  const q = <T extends Element>(sel: string): T => {
    const found = root.querySelector<T>(sel);
    if (!found) throw new Error(`missing ${sel}`);
    return found;
  };
  return {
    toggle: q<HTMLButtonElement>('button[data-cp="export"]'),
    menu: q<HTMLElement>('#cp-export-menu'),
    copy: q<HTMLButtonElement>('button[data-cp="export-copy"]'),
    save: q<HTMLButtonElement>('button[data-cp="export-save"]'),
    status: q<HTMLElement>('[role="status"]'),
  };
}

/** jsdom has no `isSecureContext`; the browser's answer, as a test sets it. */
function secureContext(secure: boolean): void {
  Object.defineProperty(window, 'isSecureContext', { value: secure, configurable: true });
}

/** The text of a jsdom Blob (which has no `text()`), through jsdom's FileReader. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const escape = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));

beforeEach(() => {
  document.documentElement.replaceChildren();
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  view?.destroy();
  view = null;
  vi.restoreAllMocks();
  vi.useRealTimers();
  Reflect.deleteProperty(window, 'isSecureContext');
});

describe('Export menu', () => {
  it('is a disclosure in the toolbar: Export toggles the menu and its ARIA state', () => {
    const { root } = open();
    const { toggle, menu, copy } = parts(root);
    expect(toggle.closest('.cp-tools[role="group"]')).not.toBeNull();
    expect(toggle.textContent).toBe('Export');
    expect(toggle.getAttribute('aria-controls')).toBe(menu.id);
    expect(menu.hidden).toBe(true);

    toggle.click();
    expect(menu.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(root.activeElement).toBe(copy);
    expect(Array.from(menu.querySelectorAll('button'), (b) => b.textContent)).toEqual(['Copy as Markdown', 'Save as Markdown']);

    toggle.click();
    expect(menu.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('Esc closes the open menu and leaves the reader open; the next Esc closes the reader', () => {
    const { root, onRequestClose } = open();
    const { toggle, menu } = parts(root);
    toggle.click();
    escape();
    expect(menu.hidden).toBe(true);
    expect(root.activeElement).toBe(toggle);
    expect(onRequestClose).not.toHaveBeenCalled();
    escape();
    expect(onRequestClose).toHaveBeenCalledTimes(1);
  });

  it('copies with the clipboard API in a secure context and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    secureContext(true);
    Object.defineProperty(window.navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { root } = open();
    const { toggle, copy, status } = parts(root);
    toggle.click();
    copy.click();
    await vi.waitFor(() => expect(status.textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledTimes(1);
    const text = String((writeText.mock.calls[0] as unknown[])[0]);
    expect(text.split('\n').slice(0, 5)).toEqual(['# Council approves the new river bridge', '', 'Jane Doe · 2018-05-15', '', `Source: <${URL_}>`]);
    expect(text).toContain('| Year | Cost |\n| --- | --- |\n| 2024 | 12m |');
    expect(text).toContain('```\na\n  b\n```');
    Reflect.deleteProperty(window.navigator, 'clipboard');
  });

  it('falls back to a selected textarea and execCommand("copy") without the clipboard API', async () => {
    secureContext(false);
    let copied: string | null = null;
    let inShadowRoot = false;
    // jsdom has no execCommand; this stands in for the browser's and records what was selected.
    const execCommand = vi.fn((command: string) => {
      const active = view?.host.shadowRoot?.activeElement;
      inShadowRoot = active instanceof HTMLTextAreaElement;
      if (command === 'copy' && active instanceof HTMLTextAreaElement) copied = active.value.slice(active.selectionStart, active.selectionEnd);
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const { root } = open();
    const { toggle, copy, status } = parts(root);
    toggle.click();
    copy.click();
    await vi.waitFor(() => expect(status.textContent).toBe('Copied'));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(inShadowRoot).toBe(true);
    expect(copied).toMatch(/^# Council approves the new river bridge\n/);
    expect(root.querySelector('textarea'), 'the textarea is gone again').toBeNull();
    expect(root.activeElement).toBe(toggle);
    Reflect.deleteProperty(document, 'execCommand');
  });

  it('saves through a download link to an object URL of a text/markdown Blob, revoked afterwards', async () => {
    vi.useFakeTimers();
    let blob: Blob | null = null;
    const createObjectURL = vi.fn((b: Blob) => { blob = b; return 'blob:https://news.example.org/1234'; });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicks: Array<{ href: string | null; download: string | null; connected: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute('href'), download: this.getAttribute('download'), connected: this.isConnected });
    });
    const { root } = open();
    const { toggle, save, status } = parts(root);
    toggle.click();
    save.click();

    expect(clicks).toEqual([{ href: 'blob:https://news.example.org/1234', download: 'council-approves-the-new-river-bridge.md', connected: true }]);
    expect(root.querySelector('a[download]'), 'the link is removed after the click').toBeNull();
    expect((blob as Blob | null)?.type).toBe('text/markdown;charset=utf-8');
    expect(status.textContent).toBe('Saved');
    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:https://news.example.org/1234');
    expect(status.textContent, 'the status clears itself').toBe('');
    vi.useRealTimers();
    expect(await blobText(blob as unknown as Blob)).toMatch(/^# Council approves the new river bridge\n\nJane Doe · 2018-05-15\n/);
  });
});
