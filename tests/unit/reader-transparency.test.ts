// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://www.itwire.com/security/82961-us-govt-divided-on-whether-to-hit-kaspersky-with-more-sanctions.html"}
/**
 * Transparency in the reader, through the content script on the iTWire fixture: chips that say what was
 * stripped, revealing a family, "Keep this" (a keep rule the next extraction honours), "Remove again";
 * and, on a built article, the comments drawer and the date line with its sources.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractArticle, type ArticleResult } from '../../src/core/index.js';
import { KEEP_RULES_KEY } from '../../src/shared/keep-rules.js';
import { HOST_ID, openReaderView, type ReaderView } from '../../src/reader/view.js';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';
import { EXTENSION_ID, fakeBrowser, resetFakeBrowser } from './fake-browser.js';
import { articleResult } from './helpers/article.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/itwire-kaspersky-sanctions.html');
const HTML = readFileSync(FIXTURE, 'utf8');
const EN = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const msg = (key: string, sub = ''): string => (EN[key]?.message ?? key).replace('$1', sub);

function loadFixture(): void {
  const parsed = new DOMParser().parseFromString(HTML, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}

async function inject(): Promise<void> {
  vi.resetModules();
  await import('../../src/content/index.js');
}

async function send(message: unknown): Promise<unknown> {
  return fakeBrowser.runtime.onMessage.emit(message, { id: EXTENSION_ID }).find((a) => a !== undefined);
}

const root = (): ShadowRoot => {
  const shadow = document.getElementById(HOST_ID)?.shadowRoot;
  if (!shadow) throw new Error('reader not open');
  return shadow;
};
const content = (): Element | null => root().querySelector('[data-cp="content"]');
const chip = (family: string): HTMLElement | null => root().querySelector(`.cp-chip[data-cp-family="${family}"]`);
const storedRules = (): unknown => fakeBrowser.storage.local.data.get(KEEP_RULES_KEY);

beforeEach(() => {
  resetFakeBrowser();
  loadFixture();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('clearpage.content-script')];
});

describe('chips, reveal, keep and remove on the iTWire article', () => {
  it('names each stripped family with its count, in a labelled group of buttons', async () => {
    const expected = extractArticle(document, { url: document.URL });
    await inject();
    await send({ type: 'open-reader' });
    const group = root().querySelector('.cp-chips');
    expect(group?.getAttribute('role')).toBe('group');
    expect(group?.getAttribute('aria-label')).toBe(msg('chipsLabel'));
    expect(group?.previousElementSibling?.classList.contains('cp-header')).toBe(true);
    const promos = expected.removed.promos ?? 0;
    expect(promos).toBeGreaterThan(0);
    expect(chip('promos')?.textContent).toBe(promos === 1 ? msg('chipPromo') : msg('chipPromos', String(promos)));
    expect(chip('promos')?.localName).toBe('button');
    expect(chip('promos')?.getAttribute('aria-pressed')).toBe('false');
    for (const family of ['share', 'authorBio'] as const) {
      if (expected.removed[family]) expect(chip(family)).not.toBeNull();
    }
    // The iTWire thread is an empty Disqus box: no comments chip, no drawer.
    expect(expected.comments).toBeNull();
    expect(chip('comments')).toBeNull();
    expect(root().querySelector('[data-cp="comments"]')).toBeNull();
  });

  it('reveals the promotion greyed after its paragraph, keeps it for the site, and shows it kept on the next open', async () => {
    await inject();
    await send({ type: 'open-reader' });
    expect(content()?.textContent).not.toContain('Hilton Brisbane');

    chip('promos')?.click();
    expect(chip('promos')?.getAttribute('aria-pressed')).toBe('true');
    const box = content()?.querySelector('.cp-revealed[data-cp-family="promos"]');
    expect(box?.textContent).toContain('Hilton Brisbane');
    expect(box?.previousElementSibling?.textContent).toContain('Twitter had imposed an advertising ban');
    expect(box?.querySelector('.cp-revealed-label')?.textContent).toBe(msg('revealedRemoved', msg('familyPromos')));

    chip('promos')?.click();
    expect(content()?.textContent).not.toContain('Hilton Brisbane');
    chip('promos')?.click();

    const keep = content()?.querySelector<HTMLButtonElement>('.cp-revealed button[data-cp-action="keep"]');
    expect(keep?.textContent).toBe(msg('keepThis'));
    keep?.click();
    await vi.waitFor(() => expect(storedRules()).toEqual({ 'itwire.com': [expect.objectContaining({ fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) })] }));
    expect(JSON.stringify(storedRules())).not.toMatch(/hilton|brisbane/i);
    // The content script re-extracts with the rule: the block is now part of the article, with "Remove again".
    await vi.waitFor(() => expect(content()?.querySelector('[data-cp-kept]')?.textContent).toContain('Hilton Brisbane'));
    expect(content()?.querySelector('[data-cp-kept-bar] button')?.textContent).toBe(msg('removeAgain'));

    await send({ type: 'close-reader' });
    await send({ type: 'open-reader' });
    expect(chip('promos')?.getAttribute('aria-pressed')).toBe('false');
    expect(content()?.querySelector('[data-cp-kept]')?.textContent).toContain('Hilton Brisbane');
    expect(content()?.querySelector('.cp-revealed')).toBeNull();
  });

  it('"Remove again" on a kept block hides it and deletes the rule; the next extraction strips it', async () => {
    await inject();
    await send({ type: 'open-reader' });
    chip('promos')?.click();
    content()?.querySelector<HTMLButtonElement>('button[data-cp-action="keep"]')?.click();
    await vi.waitFor(() => expect(content()?.querySelector('[data-cp-kept]')).not.toBeNull());

    content()?.querySelector<HTMLButtonElement>('[data-cp-kept-bar] button[data-cp-action="remove"]')?.click();
    await vi.waitFor(() => expect(storedRules()).toEqual({}));
    await vi.waitFor(() => expect(content()?.querySelector('[data-cp-kept]')).toBeNull());
    // Removed again in this session: not revealed again although the chip is still on.
    expect(content()?.textContent).not.toContain('Hilton Brisbane');
    expect(root().activeElement).toBe(chip('promos'));

    await send({ type: 'close-reader' });
    await send({ type: 'open-reader' });
    expect(content()?.textContent).not.toContain('Hilton Brisbane');
  });

  it('"Remove again" on a revealed block hides it without storing anything', async () => {
    await inject();
    await send({ type: 'open-reader' });
    chip('promos')?.click();
    content()?.querySelector<HTMLButtonElement>('.cp-revealed button[data-cp-action="remove"]')?.click();
    expect(content()?.querySelector('.cp-revealed:not([hidden])')).toBeNull();
    expect(storedRules()).toBeUndefined();
  });

  it('says so when the rule cannot be stored, and leaves the block greyed', async () => {
    await inject();
    await send({ type: 'open-reader' });
    chip('promos')?.click();
    fakeBrowser.storage.local.failing = true;
    content()?.querySelector<HTMLButtonElement>('button[data-cp-action="keep"]')?.click();
    await vi.waitFor(() => expect(content()?.querySelector('[role="alert"]')?.textContent).toBe(msg('keepFailed')));
    expect(content()?.querySelector('.cp-revealed.cp-is-kept')).toBeNull();
  });

  it('extracts with the stored rules on the first open of a page', async () => {
    const promo = extractArticle(document, { url: document.URL }).stripped.find((b) => b.family === 'promos');
    if (!promo) throw new Error('no promotion listed');
    fakeBrowser.storage.local.data.set(KEEP_RULES_KEY, { 'itwire.com': [{ selector: promo.selector, fingerprint: promo.fingerprint }] });
    await inject();
    await send({ type: 'open-reader' });
    expect(content()?.querySelector('[data-cp-kept]')?.textContent).toContain('Hilton Brisbane');
  });
});

describe('comments drawer and date line', () => {
  let view: ReaderView | null = null;
  const controller = new AbortController();
  afterEach(() => {
    view?.destroy();
    view = null;
  });

  function open(overrides: Partial<ArticleResult>): ShadowRoot {
    const article: ArticleResult = articleResult({
      title: 'A title', published: '2018-05-15T09:19:00+10:00', sources: { published: 'json-ld' }, siteName: 'Example',
      contentHtml: '<p>Body text of the article.</p>', textContent: 'Body text of the article.', wordCount: 5, readingMinutes: 1,
      ...overrides,
    });
    view = openReaderView(document, { article, url: 'https://example.org/a' }, {
      appearance: DEFAULT_SETTINGS.appearance, signal: controller.signal, onRequestClose: () => undefined,
    });
    const shadow = view.host.shadowRoot;
    if (!shadow) throw new Error('no shadow root');
    return shadow;
  }

  it('puts the comments in a collapsed drawer before the footer, opened by the comments chip', () => {
    const shadow = open({
      removed: { comments: 1 },
      comments: { count: 2, html: '<ol><li><p>First comment.</p></li><li><p>Second comment.</p></li></ol><form><input></form><script>window.x=1</script>' },
    });
    const drawer = shadow.querySelector<HTMLDetailsElement>('details[data-cp="comments"]');
    expect(drawer?.open).toBe(false);
    expect(drawer?.querySelector('summary')?.textContent).toBe(msg('commentsDrawer', '2'));
    expect(drawer?.nextElementSibling?.classList.contains('cp-footer')).toBe(true);
    expect(drawer?.textContent).toContain('Second comment.');
    expect(drawer?.querySelector('form, input, script')).toBeNull();
    const commentsChip = shadow.querySelector<HTMLButtonElement>('.cp-chip[data-cp-family="comments"]');
    expect(commentsChip?.textContent).toBe(msg('chipComments', '2'));
    expect(commentsChip?.getAttribute('aria-controls')).toBe(drawer?.id);
    commentsChip?.click();
    expect(drawer?.open).toBe(true);
    expect(shadow.activeElement).toBe(drawer?.querySelector('summary'));
  });

  it('counts a family without listed blocks as plain text, not a button', () => {
    const shadow = open({ removed: { ads: 3 } });
    const ads = shadow.querySelector('.cp-chip[data-cp-family="ads"]');
    expect(ads?.localName).toBe('span');
    expect(ads?.textContent).toBe(msg('chipAds', '3'));
  });

  it('shows the update on another day, and where each date came from', () => {
    const shadow = open({ modified: '2018-05-17T08:00:00+10:00', sources: { published: 'json-ld', modified: 'meta' } });
    const published = shadow.querySelector('time[data-cp="published"]');
    const modified = shadow.querySelector('time[data-cp="modified"]');
    expect(published?.getAttribute('title')).toContain(msg('datePublishedFrom', msg('dateSourceJsonLd')));
    expect(modified?.getAttribute('datetime')).toBe('2018-05-17T08:00:00+10:00');
    expect(modified?.getAttribute('title')).toContain(msg('dateUpdatedFrom', msg('dateSourceMeta')));
    expect(modified?.parentElement?.textContent).toContain(msg('dateUpdated'));
  });

  it('leaves out an update on the day of publication', () => {
    const shadow = open({ modified: '2018-05-15T17:00:00+10:00', sources: { published: 'time-element', modified: 'json-ld' } });
    expect(shadow.querySelector('[data-cp="modified"]')).toBeNull();
    expect(shadow.querySelector('time[data-cp="published"]')?.getAttribute('title')).toContain(msg('dateSourceTimeElement'));
  });
});
