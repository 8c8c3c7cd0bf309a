/**
 * The live preview of the appearance settings: a sample article styled the way the reader would show it.
 *
 * The reader keeps its font stacks, column widths and palettes private to src/reader/styles.ts, so the preview has
 * its own copies: the stacks and widths here, the palettes in options.css (`.preview[data-theme]`). A unit test
 * (tests/unit/options-preview.test.ts) compares both against the reader's CSS, so they cannot drift apart unnoticed.
 * Values reach the page through `style.setProperty` on CSS custom properties: no style text is ever built from
 * stored data, and the extension pages' CSP (style-src 'self') allows CSSOM writes.
 */
import type { Appearance, ContentWidth, FontFamily, Theme } from '../shared/settings.js';

/** The reader's font stacks (src/reader/styles.ts FONT_STACKS); the bundled faces are loaded by options.ts. */
export const PREVIEW_FONTS: Readonly<Record<FontFamily, string>> = {
  serif: "'Clearpage Literata', Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, 'Noto Serif', 'DejaVu Serif', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif",
  legible: "'Clearpage Atkinson Hyperlegible', 'Atkinson Hyperlegible', Verdana, system-ui, -apple-system, 'Segoe UI', Roboto, " +
    "'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif",
};

/** The reader's column widths (src/reader/styles.ts WIDTHS), in em of the body text. */
export const PREVIEW_WIDTHS: Readonly<Record<ContentWidth, string>> = { narrow: '32em', medium: '38em', wide: '46em' };

export interface PreviewStyle {
  /** Goes to `data-theme`; options.css maps it to a palette ("system" follows prefers-color-scheme). */
  theme: Theme;
  /** CSS custom properties options.css reads in `.preview`. */
  properties: Readonly<Record<'--preview-font' | '--preview-font-size' | '--preview-line-height' | '--preview-width', string>>;
}

/** What the preview shows for `appearance`. Pure, from validated settings only. */
export function previewStyle(appearance: Appearance): PreviewStyle {
  return {
    theme: appearance.theme,
    properties: {
      '--preview-font': PREVIEW_FONTS[appearance.font],
      '--preview-font-size': `${appearance.fontSize}px`,
      '--preview-line-height': String(appearance.lineHeight),
      '--preview-width': PREVIEW_WIDTHS[appearance.width],
    },
  };
}

export function applyPreview(element: HTMLElement, appearance: Appearance): void {
  const style = previewStyle(appearance);
  element.dataset.theme = style.theme;
  for (const [name, value] of Object.entries(style.properties)) element.style.setProperty(name, value);
}
