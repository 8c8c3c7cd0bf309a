/**
 * The bundled reading faces: Literata (serif) and Atkinson Hyperlegible (legible), from the npm packages
 * `@fontsource/literata` and `@fontsource/atkinson-hyperlegible` (SIL Open Font License), copied into the
 * extension's `fonts/` by vite.config.ts and listed there as web-accessible resources. Never loaded from the network.
 *
 * Why the FontFace API and bytes, not `@font-face`: an `@font-face` rule inside a shadow root does not apply, and a
 * document-level rule would be subject to the page's CSP (`font-src` can refuse extension URLs). Bytes fetched by the
 * content script and handed to `new FontFace(family, buffer)` need neither; the face goes into `document.fonts` under
 * a family name of our own, so the page's text is never affected.
 *
 * No extension APIs here: the caller passes how a packaged path becomes a URL (`browser.runtime.getURL`).
 */
import type { FontFamily } from '../shared/settings.js';

/** Code points of fontsource's `latin` and `latin-ext` subsets (their unicode.json), so each file loads only if used. */
const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,' +
  'U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT = 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,' +
  'U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';
const SUBSETS = [['latin', LATIN], ['latin-ext', LATIN_EXT]] as const;

/** Where the files go inside the extension (dist/fonts/). */
export const FONT_DIR = 'fonts';

export interface FontFile {
  /** File name inside the package's `files/` and inside FONT_DIR. */
  file: string;
  weight: '400' | '700';
  style: 'normal' | 'italic';
  unicodeRange: string;
}

export interface BundledFont {
  /** Our own family name: unique, so no page style can pick it up or be changed by it. */
  family: string;
  /** The npm package the files come from. */
  pkg: string;
  files: readonly FontFile[];
}

/** Regular, bold and italic (the reader's body, headings, and quotes), latin and latin-ext. */
function faces(prefix: string): FontFile[] {
  const cuts = [['400', 'normal'], ['700', 'normal'], ['400', 'italic']] as const;
  return cuts.flatMap(([weight, style]) => SUBSETS.map(([subset, unicodeRange]) => ({
    file: `${prefix}-${subset}-${weight}-${style}.woff2`, weight, style, unicodeRange,
  })));
}

/** The families with bundled faces; `sans` is the system's own. */
export const BUNDLED_FONTS: Readonly<Partial<Record<FontFamily, BundledFont>>> = {
  serif: { family: 'Clearpage Literata', pkg: '@fontsource/literata', files: faces('literata') },
  legible: { family: 'Clearpage Atkinson Hyperlegible', pkg: '@fontsource/atkinson-hyperlegible', files: faces('atkinson-hyperlegible') },
};

/**
 * How the bytes arrive: `fetch` (content scripts: the page's CSP governs `url()` font loads in its document, not the
 * content script's fetch), or `url` (extension pages, whose own CSP forbids fetch but allows `font-src 'self'`).
 */
export type FontSource = 'fetch' | 'url';

export interface LoadFontOptions {
  /** A path inside the extension (`fonts/x.woff2`) to its URL: `browser.runtime.getURL`. */
  resolveUrl: (path: string) => string;
  source?: FontSource;
}

/** Loads per document and family: a second request for the same family gets the first one's promise. */
const loads = new WeakMap<Document, Map<string, Promise<boolean>>>();

/** Whether `doc` already has faces of `family` (added by an earlier instance of the content script, say). */
function hasFamily(doc: Document, family: string): boolean {
  for (const face of doc.fonts) {
    if (face.family.replace(/^["']|["']$/g, '') === family && face.status === 'loaded') return true;
  }
  return false;
}

async function loadFace(win: Window & typeof globalThis, family: string, file: FontFile, url: string, source: FontSource): Promise<FontFace> {
  const descriptors: FontFaceDescriptors = { weight: file.weight, style: file.style, unicodeRange: file.unicodeRange, display: 'swap' };
  let data: ArrayBuffer | string;
  if (source === 'fetch') {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    data = await response.arrayBuffer();
  } else {
    data = `url("${url}") format("woff2")`;
  }
  const face = new win.FontFace(family, data, descriptors);
  return face.load();
}

/**
 * Makes the bundled faces of `font` available in `doc` (lazily: only the chosen family, once per document). Resolves
 * true when at least one face is in `doc.fonts`, false when the family has no bundled faces or nothing could be
 * loaded; never rejects, so the reader silently keeps the system fallback of its font stack.
 */
export function loadBundledFont(doc: Document, font: FontFamily, options: LoadFontOptions): Promise<boolean> {
  const bundled = BUNDLED_FONTS[font];
  const win = doc.defaultView;
  // jsdom, or a browser without the Font Loading API: the font stacks fall back to system faces.
  if (!bundled || !win || typeof win.FontFace !== 'function' || !doc.fonts) return Promise.resolve(false);
  let perDoc = loads.get(doc);
  if (!perDoc) loads.set(doc, perDoc = new Map());
  const known = perDoc.get(bundled.family);
  if (known) return known;
  const load = (async (): Promise<boolean> => {
    if (hasFamily(doc, bundled.family)) return true;
    const results = await Promise.allSettled(bundled.files.map((file) =>
      loadFace(win, bundled.family, file, options.resolveUrl(`${FONT_DIR}/${file.file}`), options.source ?? 'fetch')));
    let added = 0;
    for (const result of results) {
      if (result.status !== 'fulfilled') continue;
      try {
        doc.fonts.add(result.value);
        added++;
      } catch {
        // A face the set refuses (a Firefox Xray edge) is skipped like one that failed to load.
      }
    }
    return added > 0;
  })().catch(() => false);
  perDoc.set(bundled.family, load);
  return load;
}
