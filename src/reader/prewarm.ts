/**
 * What the reader's first render would otherwise pay for at the click, paid earlier: the extension's message
 * catalogue and the browser's locale data for numbers and dates both load on first use, the reader's stylesheet
 * and sanitizer take a few milliseconds to build, and the chosen reading face must be fetched and decoded. The
 * content script calls this while the popup shows its card, so "Open reader view" has less to do, and the first
 * frame of the reader is drawn in its own face instead of swapping to it a moment later. It reads nothing from
 * the page and changes nothing the page can see: the faces go into `document.fonts` under family names of our own.
 */
import { browser, t } from '../shared/browser.js';
import { formatPublished } from '../shared/format.js';
import type { Appearance } from '../shared/settings.js';
import { formatLineHeight } from './appearance-menu.js';
import { BUNDLED_FONTS, loadBundledFont } from './fonts.js';
import { prepareReaderView } from './view.js';

const warmed = new WeakSet<Document>();

/**
 * The first text drawn in a face at a size makes the renderer ask the browser process how to draw it (hinting,
 * antialiasing: a synchronous round trip on Linux, several milliseconds each). Measuring a line in a detached canvas
 * asks for the body text's cuts now; the canvas shares the document's faces and is never attached.
 */
function warmFace(doc: Document, family: string, sizePx: number): void {
  const ctx = doc.createElement('canvas').getContext('2d');
  if (!ctx) return;
  for (const cut of ['', 'bold ', 'italic ']) {
    ctx.font = `${cut}${sizePx}px "${family}"`;
    ctx.measureText('The quick brown fox jumps over the lazy dog, 1234567890.');
  }
}

export function prewarmReader(doc: Document, appearance: Appearance): void {
  // The font is per document and per family; loadBundledFont keeps its own record of both.
  void loadBundledFont(doc, appearance.font, { resolveUrl: (path) => browser.runtime.getURL(path) }).then((loaded) => {
    const family = BUNDLED_FONTS[appearance.font]?.family;
    if (loaded && family) warmFace(doc, family, appearance.fontSize);
  });
  if (warmed.has(doc)) return;
  warmed.add(doc);
  t('readerClose');
  formatLineHeight(1.5);
  formatPublished('2000-01-01T00:00:00Z');
  formatPublished('2000-01-01');
  prepareReaderView(doc);
}
