// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://news.example.org/2024/05/03/bridge.html"}
/**
 * The appearance menu in the reader's toolbar: an accessible disclosure, choices saved to storage.sync (the controller
 * applies them to the open reader), steppers that stop at the ends, Esc closing the menu before the reader, and the
 * menu following changes made elsewhere.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleResult } from '../../src/core/index.js';
import { stepValue } from '../../src/reader/appearance-menu.js';
import { openReaderView, type ReaderView } from '../../src/reader/view.js';
import { DEFAULT_SETTINGS, FONT_SIZES, LINE_HEIGHTS, loadSettings, watchSettings, type Appearance } from '../../src/shared/settings.js';
import { fakeBrowser, resetFakeBrowser } from './fake-browser.js';
import { articleResult } from './helpers/article.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const ARTICLE: ArticleResult = articleResult({
  byline: 'Jane Doe', published: '2018-05-15T09:19:00+10:00', textContent: 'First paragraph.',
  contentHtml: '<p>First paragraph.</p><table><tr><th>Year</th></tr><tr><td>2024</td></tr></table>',
});

let view: ReaderView | null = null;
let controller = new AbortController();

/** Opens the reader wired as the content controller wires it: stored changes reach view.setAppearance. */
function open(appearance: Appearance = { ...DEFAULT_SETTINGS.appearance }) {
  const onRequestClose = vi.fn();
  const v = openReaderView(document, { article: ARTICLE, url: location.href }, { appearance, signal: controller.signal, onRequestClose });
  view = v;
  watchSettings((settings) => v.setAppearance(settings.appearance), controller.signal);
  const root = v.host.shadowRoot as ShadowRoot;
  const q = <T extends Element>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };
  return { root, q, onRequestClose, view: v };
}

const stored = async (): Promise<Appearance> => (await loadSettings()).appearance;
const esc = (): boolean => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));

beforeEach(() => {
  resetFakeBrowser();
  document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Page text.' }));
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  view?.destroy();
  view = null;
});

describe('stepValue', () => {
  it('steps through the offered values and stops at the ends', () => {
    expect(stepValue(FONT_SIZES, 19, 1)).toBe(20);
    expect(stepValue(FONT_SIZES, 19, -1)).toBe(18);
    expect(stepValue(FONT_SIZES, FONT_SIZES[0], -1)).toBeNull();
    expect(stepValue(FONT_SIZES, FONT_SIZES[FONT_SIZES.length - 1] as number, 1)).toBeNull();
    expect(stepValue(LINE_HEIGHTS, 1.6, 1)).toBe(1.7);
  });

  it('moves a value that is not offered to its neighbour in the direction asked', () => {
    expect(stepValue(FONT_SIZES, 21, 1)).toBe(22);
    expect(stepValue(FONT_SIZES, 21, -1)).toBe(20);
    expect(stepValue(LINE_HEIGHTS, 1.65, -1)).toBe(1.6);
  });
});

describe('the appearance menu', () => {
  it('is a named toolbar button that discloses a panel of labelled controls', () => {
    const { q, root } = open();
    const button = q<HTMLButtonElement>('.cp-tools button[data-cp="appearance"]');
    expect(button.getAttribute('aria-label')).toBe('Appearance');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const panel = root.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(panel?.hidden).toBe(true);

    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel?.hidden).toBe(false);
    expect(root.activeElement, 'focus moves to the chosen theme').toBe(q('input[name="cp-theme"]:checked'));
    expect((root.activeElement as HTMLInputElement).value).toBe('system');

    const legends = Array.from(root.querySelectorAll('.cp-popover legend'), (l) => l.textContent);
    expect(legends).toEqual(['Theme', 'Font', 'Line width']);
    const themes = Array.from(root.querySelectorAll<HTMLInputElement>('input[name="cp-theme"]'), (i) => [i.value, i.closest('label')?.textContent]);
    expect(themes).toEqual([['system', 'Same as system'], ['light', 'Light'], ['sepia', 'Sepia'], ['dark', 'Dark'], ['contrast', 'High contrast']]);
    expect(Array.from(root.querySelectorAll<HTMLInputElement>('input[name="cp-font"]'), (i) => i.value)).toEqual(['serif', 'sans', 'legible']);
    for (const step of Array.from(root.querySelectorAll('.cp-step'))) expect(step.getAttribute('aria-label')).toMatch(/\w/);

    button.click();
    expect(panel?.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('saves a chosen theme and font, and the open reader takes them on', async () => {
    const { q, view: v } = open();
    q<HTMLButtonElement>('button[data-cp="appearance"]').click();
    const contrast = q<HTMLInputElement>('input[name="cp-theme"][value="contrast"]');
    contrast.click();
    await vi.waitFor(async () => expect((await stored()).theme).toBe('contrast'));
    await vi.waitFor(() => expect(v.host.getAttribute('data-theme')).toBe('contrast'));

    q<HTMLInputElement>('input[name="cp-font"][value="legible"]').click();
    await vi.waitFor(async () => expect(await stored()).toMatchObject({ theme: 'contrast', font: 'legible' }));
    expect(fakeBrowser.storage.sync.data.get('appearance')).toMatchObject({ font: 'legible', fontSize: DEFAULT_SETTINGS.appearance.fontSize });
  });

  it('steps the text size and line spacing, every click saved, and stops at the largest size', async () => {
    const { q } = open({ ...DEFAULT_SETTINGS.appearance, fontSize: 24 });
    const up = q<HTMLButtonElement>('[data-cp="cp-font-size"] button[data-step="up"]');
    const output = q<HTMLOutputElement>('[data-cp="cp-font-size"] output');
    expect(output.textContent).toBe('24 px');
    up.click();
    expect(output.textContent, 'shown at once').toBe('26 px');
    expect(up.getAttribute('aria-disabled'), '26 px is the largest offered').toBe('true');
    await vi.waitFor(async () => expect((await stored()).fontSize).toBe(26));
    up.click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await stored()).fontSize, 'no step past the end').toBe(26);
    expect(up.disabled, 'still focusable: aria-disabled, not disabled').toBe(false);

    // Quick clicks are all kept: writes go one after another.
    const more = q<HTMLButtonElement>('[data-cp="cp-line-height"] button[data-step="up"]');
    more.click();
    more.click();
    await vi.waitFor(async () => expect((await stored()).lineHeight).toBe(1.8));
    q<HTMLInputElement>('input[name="cp-width"][value="wide"]').click();
    await vi.waitFor(async () => expect(await stored()).toMatchObject({ fontSize: 26, lineHeight: 1.8, width: 'wide' }));
  });

  it('Esc closes the open menu and returns focus to its button; the next Esc closes the reader', () => {
    const { q, root, onRequestClose } = open();
    const button = q<HTMLButtonElement>('button[data-cp="appearance"]');
    button.click();
    q<HTMLInputElement>('input[name="cp-theme"][value="dark"]').focus();
    esc();
    expect(q<HTMLElement>('.cp-popover').hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(root.activeElement).toBe(button);
    expect(onRequestClose).not.toHaveBeenCalled();
    esc();
    expect(onRequestClose).toHaveBeenCalledTimes(1);
  });

  it('a click elsewhere in the reader closes the menu', () => {
    const { q } = open();
    q<HTMLButtonElement>('button[data-cp="appearance"]').click();
    q('[data-cp="title"]').dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(q<HTMLElement>('.cp-popover').hidden).toBe(true);
  });

  it('follows a change made elsewhere (the options page, another tab)', () => {
    const { q, view: v } = open();
    v.setAppearance({ ...DEFAULT_SETTINGS.appearance, theme: 'sepia', font: 'sans', fontSize: 16, width: 'narrow' });
    expect(q<HTMLInputElement>('input[name="cp-theme"]:checked').value).toBe('sepia');
    expect(q<HTMLInputElement>('input[name="cp-font"]:checked').value).toBe('sans');
    expect(q<HTMLInputElement>('input[name="cp-width"]:checked').value).toBe('narrow');
    expect(q('[data-cp="cp-font-size"] output').textContent).toBe('16 px');
  });

  it('leaves nothing behind on the page when the reader closes', () => {
    const before = document.documentElement.outerHTML;
    const { view: v } = open();
    controller.abort();
    v.destroy();
    view = null;
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
