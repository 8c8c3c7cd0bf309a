/**
 * The bundled faces: every listed file is in its npm package and shipped as a web-accessible resource, and the loader
 * fetches only the chosen family, once per document, falling back silently when anything fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_FONTS, FONT_DIR, loadBundledFont, type BundledFont } from '../../src/reader/fonts.js';
import { FONT_STACKS } from '../../src/reader/styles.js';
import type { FontFamily } from '../../src/shared/settings.js';

// settings.ts (imported for its types by styles.ts's chain) talks to the browser; the fake stands in.
vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bundled = Object.entries(BUNDLED_FONTS) as [string, BundledFont][];

describe('the bundled faces', () => {
  it('are Literata for serif and Atkinson Hyperlegible for legible, under family names of our own', () => {
    expect(BUNDLED_FONTS.serif?.pkg).toBe('@fontsource/literata');
    expect(BUNDLED_FONTS.legible?.pkg).toBe('@fontsource/atkinson-hyperlegible');
    expect(BUNDLED_FONTS.sans, 'sans is the system face').toBeUndefined();
    for (const [font, { family }] of bundled) {
      expect(family, font).toMatch(/^Clearpage /);
      // The reader's stack names the face first, so it is used as soon as it is in document.fonts.
      expect(FONT_STACKS[font as FontFamily].startsWith(`'${family}',`), font).toBe(true);
    }
  });

  it('cover regular, bold and italic in the latin and latin-ext subsets, all woff2 files present in the packages', () => {
    for (const [font, { pkg, files }] of bundled) {
      const cuts = new Set(files.map((f) => `${f.weight}-${f.style}`));
      expect([...cuts].sort(), font).toEqual(['400-italic', '400-normal', '700-normal']);
      expect(files.filter((f) => f.file.includes('-latin-ext-')).length, font).toBe(3);
      for (const { file, unicodeRange } of files) {
        expect(file).toMatch(/\.woff2$/);
        expect(existsSync(join(ROOT, 'node_modules', pkg, 'files', file)), `${pkg}/files/${file}`).toBe(true);
        // The subset's unicode range is the package's own (unicode.json), so a face loads only for its characters.
        const subsets = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'unicode.json'), 'utf8')) as Record<string, string>;
        const subset = file.includes('-latin-ext-') ? 'latin-ext' : 'latin';
        expect(unicodeRange, file).toBe(subsets[subset]);
      }
    }
  });

  it('are web-accessible resources in the manifest (content scripts fetch them from any page)', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
      web_accessible_resources?: { resources: string[]; matches: string[] }[];
    };
    const entry = manifest.web_accessible_resources?.find((e) => e.resources.some((r) => r.startsWith(`${FONT_DIR}/`)));
    expect(entry?.matches).toEqual(['<all_urls>']);
    const patterns = (entry?.resources ?? []).map((r) => new RegExp(`^${r.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`));
    for (const [, { files }] of bundled) {
      for (const { file } of files) expect(patterns.some((p) => p.test(`${FONT_DIR}/${file}`)), file).toBe(true);
    }
  });
});

/** A FontFace stand-in that records what it was given; `load()` fails for sources named in `failing`. */
class FakeFontFace {
  static failing = new Set<string>();
  status = 'unloaded';
  constructor(readonly family: string, readonly source: string | ArrayBuffer, readonly descriptors: FontFaceDescriptors) {}
  async load(): Promise<this> {
    const name = typeof this.source === 'string' ? this.source : new TextDecoder().decode(this.source);
    if ([...FakeFontFace.failing].some((f) => name.includes(f))) throw new Error('bad font data');
    this.status = 'loaded';
    return this;
  }
}

function fakeDocument(): Document & { fonts: FakeFontFace[] & { add(face: FakeFontFace): void } } {
  const fonts = Object.assign([] as FakeFontFace[], { add(face: FakeFontFace) { fonts.push(face); } });
  // Only what loadBundledFont touches: defaultView.FontFace and an iterable document.fonts with add().
  return { defaultView: { FontFace: FakeFontFace }, fonts } as unknown as Document & { fonts: typeof fonts };
}

const resolveUrl = (path: string): string => `chrome-extension://id/${path}`;

describe('loadBundledFont', () => {
  const serve = async (url: string): Promise<Response> => new Response(new TextEncoder().encode(`bytes of ${url}`));
  const fetchMock = vi.fn(serve);

  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(serve);
    FakeFontFace.failing.clear();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('fetches the chosen family\'s files from the extension and adds them to document.fonts', async () => {
    const doc = fakeDocument();
    expect(await loadBundledFont(doc, 'serif', { resolveUrl })).toBe(true);
    const files = BUNDLED_FONTS.serif?.files ?? [];
    expect(fetchMock.mock.calls.map(([url]) => url).sort()).toEqual(files.map((f) => `chrome-extension://id/fonts/${f.file}`).sort());
    expect(doc.fonts).toHaveLength(files.length);
    expect(new Set(doc.fonts.map((f) => f.family))).toEqual(new Set(['Clearpage Literata']));
    const bold = doc.fonts.find((f) => f.descriptors.weight === '700');
    expect(bold?.source, 'the face is made from the fetched bytes').toBeInstanceOf(ArrayBuffer);
    expect(doc.fonts.every((f) => f.descriptors.unicodeRange)).toBe(true);
  });

  it('loads each family once per document, and nothing for the system sans-serif', async () => {
    const doc = fakeDocument();
    const first = loadBundledFont(doc, 'legible', { resolveUrl });
    expect(loadBundledFont(doc, 'legible', { resolveUrl })).toBe(first);
    await first;
    const calls = fetchMock.mock.calls.length;
    expect(calls).toBe(BUNDLED_FONTS.legible?.files.length);
    expect(await loadBundledFont(doc, 'sans', { resolveUrl })).toBe(false);
    expect(fetchMock.mock.calls.length, 'no fetch for sans').toBe(calls);
    expect(fetchMock.mock.calls.some(([url]) => url.includes('literata')), 'no serif files for the legible family').toBe(false);
    // Another document loads again.
    await loadBundledFont(fakeDocument(), 'legible', { resolveUrl });
    expect(fetchMock.mock.calls.length).toBe(calls * 2);
  });

  it('resolves false, and adds nothing, when the files cannot be fetched (the stack falls back to system faces)', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const doc = fakeDocument();
    await expect(loadBundledFont(doc, 'serif', { resolveUrl })).resolves.toBe(false);
    expect(doc.fonts).toHaveLength(0);
    fetchMock.mockImplementation(async () => new Response('missing', { status: 404 }));
    await expect(loadBundledFont(fakeDocument(), 'serif', { resolveUrl })).resolves.toBe(false);
  });

  it('keeps the faces that loaded when some do not', async () => {
    FakeFontFace.failing.add('latin-ext');
    const doc = fakeDocument();
    expect(await loadBundledFont(doc, 'serif', { resolveUrl })).toBe(true);
    expect(doc.fonts.length).toBe(3);
    expect(doc.fonts.every((f) => !new TextDecoder().decode(f.source as ArrayBuffer).includes('latin-ext'))).toBe(true);
  });

  it('loads by URL, without fetch, where the page\'s CSP allows fonts but not fetch (the options page)', async () => {
    const doc = fakeDocument();
    expect(await loadBundledFont(doc, 'serif', { resolveUrl, source: 'url' })).toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(doc.fonts[0]?.source).toMatch(/^url\("chrome-extension:\/\/id\/fonts\/literata-.*\.woff2"\) format\("woff2"\)$/);
  });

  it('does nothing where the Font Loading API is missing', async () => {
    const doc = { defaultView: {}, fonts: undefined } as unknown as Document;
    expect(await loadBundledFont(doc, 'serif', { resolveUrl })).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
