// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://www.itwire.com/security/82961-us-govt-divided-on-whether-to-hit-kaspersky-with-more-sanctions.html"}
/**
 * The content script on the iTWire fixture: the popup's analysis, open / toggle / close through the
 * message listener, live re-extraction when a strip option changes, idempotent injection, and the page
 * given back unchanged.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_ID } from '../../src/reader/view.js';
import type { AnalyzeResponse } from '../../src/shared/messages.js';
import { EXTENSION_ID, fakeBrowser, resetFakeBrowser } from './fake-browser.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/itwire-kaspersky-sanctions.html');
const HTML = readFileSync(FIXTURE, 'utf8');
const fromUs = { id: EXTENSION_ID };

function loadFixture(): void {
  const parsed = new DOMParser().parseFromString(HTML, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}

/** Injects the content script the way executeScript does: evaluating the entry module again. */
async function inject(): Promise<void> {
  vi.resetModules();
  await import('../../src/content/index.js');
}

/** Sends a message as the popup or background would, through the listener the content script installed. */
async function send(message: unknown, sender: { id?: string } = fromUs): Promise<unknown> {
  const answers = fakeBrowser.runtime.onMessage.emit(message, sender).filter((a) => a !== undefined);
  expect(answers.length).toBeLessThanOrEqual(1);
  return answers[0];
}

const host = (): HTMLElement | null => document.getElementById(HOST_ID);
const readerText = (): string => host()?.shadowRoot?.querySelector('[data-cp="content"]')?.textContent ?? '';

beforeEach(() => {
  resetFakeBrowser();
  loadFixture();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('clearpage.content-script')];
});

describe('content script', () => {
  it('installs one message listener however often it is injected', async () => {
    await inject();
    await inject();
    expect(fakeBrowser.runtime.onMessage.listeners.size).toBe(1);
  });

  it('warms the reader\'s strings and locale data once, after answering analyze', async () => {
    await inject();
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    const warmed = (): boolean => getMessage.mock.calls.some(([key]) => key === 'readerClose');
    await send({ type: 'analyze' });
    expect(warmed()).toBe(false); // the answer goes out first
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warmed()).toBe(true);
    getMessage.mockClear();
    await send({ type: 'analyze' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warmed()).toBe(false); // once per content script
  });

  it('answers analyze with the card data and no body, text or stripped HTML', async () => {
    await inject();
    const response = (await send({ type: 'analyze' })) as AnalyzeResponse;
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.article).toMatchObject({
      isArticle: true, title: 'US Govt divided on whether to hit Kaspersky with more sanctions',
      byline: 'Sam Varghese', published: '2018-05-15T09:19:00+10:00', siteName: 'iTWire',
    });
    // The card needs no article text and no stripped blocks' HTML: the message stays small.
    for (const heavy of ['contentHtml', 'textContent', 'stripped', 'comments']) expect(response.article).not.toHaveProperty(heavy);
    expect(response.article.removed.promos, 'the counts of what was stripped stay').toBe(1);
    expect(response.article.readingMinutes).toBeGreaterThan(0);
    expect(response.readerOpen).toBe(false);
  });

  it('ignores unknown messages and other extensions', async () => {
    await inject();
    expect(await send({ type: 'open-reader' }, { id: 'another-extension' })).toBeUndefined();
    expect(await send({ type: 'delete-everything' })).toBeUndefined();
    expect(host()).toBeNull();
  });

  it('opens, toggles and closes the reader, and gives the page back unchanged', async () => {
    await inject();
    const input = document.querySelector<HTMLInputElement>('input[name="searchword"]');
    input?.focus();
    if (input) input.value = 'kaspersky';
    const before = document.documentElement.outerHTML;

    expect(await send({ type: 'open-reader' })).toEqual({ ok: true, open: true });
    expect(host()?.shadowRoot?.querySelector('h1[data-cp="title"]')?.textContent)
      .toBe('US Govt divided on whether to hit Kaspersky with more sanctions');
    expect(readerText()).toContain('Sanctions would be a bullet in the head for Kaspersky.');
    expect(await send({ type: 'reader-state' })).toEqual({ ok: true, open: true });
    expect(await send({ type: 'open-reader' })).toEqual({ ok: true, open: true });
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(1);

    expect(await send({ type: 'toggle-reader' })).toEqual({ ok: true, open: false });
    expect(host()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.activeElement).toBe(input);
    expect(input?.value).toBe('kaspersky');

    expect(await send({ type: 'toggle-reader' })).toEqual({ ok: true, open: true });
    expect(await send({ type: 'close-reader' })).toEqual({ ok: true, open: false });
    expect(document.documentElement.outerHTML).toBe(before);
    const url = document.URL;
    expect(fakeBrowser.runtime.sent).toEqual([
      { type: 'reader-changed', open: true, url, byUser: true }, { type: 'reader-changed', open: false, url, byUser: true },
      { type: 'reader-changed', open: true, url, byUser: true }, { type: 'reader-changed', open: false, url, byUser: true },
    ]);
  });

  it('tells the background when auto mode, not the user, opened or closed the reader', async () => {
    await inject();
    expect(await send({ type: 'auto-open' })).toEqual({ ok: true, open: true });
    expect(await send({ type: 'auto-close' })).toEqual({ ok: true, open: false });
    expect(host()).toBeNull();
    await send({ type: 'auto-open' });
    // The user closes the auto-opened reader (Esc): that one counts.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host()).toBeNull();
    const url = document.URL;
    expect(fakeBrowser.runtime.sent).toEqual([
      { type: 'reader-changed', open: true, url, byUser: false }, { type: 'reader-changed', open: false, url, byUser: false },
      { type: 'reader-changed', open: true, url, byUser: false }, { type: 'reader-changed', open: false, url, byUser: true },
    ]);
  });

  it('re-extracts an open reader when a strip option changes, and restyles on appearance changes', async () => {
    await inject();
    await send({ type: 'open-reader' });
    expect(readerText()).not.toContain('Hilton Brisbane');

    await fakeBrowser.storage.sync.set({ stripAds: false });
    await vi.waitFor(() => expect(readerText()).toContain('Hilton Brisbane'));

    await fakeBrowser.storage.sync.set({ appearance: { theme: 'dark' } });
    await vi.waitFor(() => expect(host()?.getAttribute('data-theme')).toBe('dark'));

    await send({ type: 'close-reader' });
    // The session's settings listener went with it.
    expect(fakeBrowser.storage.onChanged.listeners.size).toBe(0);
  });

  it('uses the stored strip settings for the analysis', async () => {
    fakeBrowser.storage.sync.seed({ stripAds: false, stripComments: false });
    await inject();
    const response = (await send({ type: 'analyze' })) as AnalyzeResponse;
    expect(response.ok && response.article.removed.promos).toBeFalsy();
    expect(response.ok && response.article.removed.comments).toBeFalsy();
  });
});
