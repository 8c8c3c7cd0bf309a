/**
 * The reader's styles. They live in constructable stylesheets adopted by the shadow root, so a page CSP
 * such as `style-src 'none'` cannot block them, and `:host { all: initial }` with `!important` keeps page
 * CSS off the host (for !important declarations the shadow tree's context wins over the page's).
 */
import type { Appearance, ContentWidth, FontFamily } from '../shared/settings.js';
import { BUNDLED_FONTS } from './fonts.js';

/** System fallbacks behind the bundled faces, and the system sans-serif. */
const SERIF_FALLBACK = "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, 'Noto Serif', 'DejaVu Serif', serif";
const SANS_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif";

/** A family name in CSS, quoted (our names have spaces; they are constants, never user data). */
const quoted = (family: string): string => `'${family}'`;

/**
 * Font stacks: the bundled face first (src/reader/fonts.ts adds it to the document when chosen; until then, or if it
 * cannot load, the browser uses the next family), then fonts most systems have.
 */
export const FONT_STACKS: Readonly<Record<FontFamily, string>> = {
  serif: `${quoted(BUNDLED_FONTS.serif?.family ?? 'Literata')}, ${SERIF_FALLBACK}`,
  sans: SANS_STACK,
  legible: `${quoted(BUNDLED_FONTS.legible?.family ?? 'Atkinson Hyperlegible')}, 'Atkinson Hyperlegible', Verdana, ${SANS_STACK}`,
};
const UI_FONT = SANS_STACK;
const MONO_FONT = "ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace";

/** Text column widths in `em` of the body text: about 60, 70 and 85 characters a line. */
const WIDTHS: Record<ContentWidth, string> = { narrow: '32em', medium: '38em', wide: '46em' };

/*
 * Palettes. Every pair of text and background here passes WCAG AA (4.5:1) in axe-core, which the e2e test runs in
 * every theme (tests/e2e/reader-appearance.test.ts); `contrast` aims at AAA (7:1) for every colour.
 */
const LIGHT = `
  --cp-bg: #fbfbf9; --cp-fg: #1f1f1f; --cp-muted: #5c5f66; --cp-link: #0b57d0; --cp-rule: #dcdcd6;
  --cp-code-bg: #f0f0eb; --cp-button-bg: #ecece7; --cp-button-hover: #e0e0da; --cp-focus: #0b57d0;
  --cp-button-border: transparent; --cp-shadow: 0 6px 24px rgb(0 0 0 / 0.16);
  color-scheme: light;`;
const SEPIA = `
  --cp-bg: #f4ecd8; --cp-fg: #3b2e1e; --cp-muted: #6e5c45; --cp-link: #8b4513; --cp-rule: #dccdaa;
  --cp-code-bg: #ebe0c4; --cp-button-bg: #e8dcc0; --cp-button-hover: #dfd0ae; --cp-focus: #8b4513;
  --cp-button-border: transparent; --cp-shadow: 0 6px 24px rgb(59 46 30 / 0.2);
  color-scheme: light;`;
const DARK = `
  --cp-bg: #1c1b22; --cp-fg: #e8e6e3; --cp-muted: #a9a7b0; --cp-link: #8ab4f8; --cp-rule: #3b3a44;
  --cp-code-bg: #2a2932; --cp-button-bg: #2e2d36; --cp-button-hover: #3a3944; --cp-focus: #8ab4f8;
  --cp-button-border: transparent; --cp-shadow: 0 6px 24px rgb(0 0 0 / 0.5);
  color-scheme: dark;`;
const CONTRAST = `
  --cp-bg: #ffffff; --cp-fg: #000000; --cp-muted: #1a1a1a; --cp-link: #0000c8; --cp-rule: #000000;
  --cp-code-bg: #f0f0f0; --cp-button-bg: #ffffff; --cp-button-hover: #e0e0e0; --cp-focus: #000000;
  --cp-button-border: #000000; --cp-shadow: none;
  color-scheme: light;`;
/**
 * Forced colours (Windows high contrast and the like): the system palette for everything, whatever the theme, and
 * borders where a background would have marked a control, since forced colours drop backgrounds and shadows.
 */
const FORCED = `
  --cp-bg: Canvas; --cp-fg: CanvasText; --cp-muted: CanvasText; --cp-link: LinkText; --cp-rule: CanvasText;
  --cp-code-bg: Canvas; --cp-button-bg: ButtonFace; --cp-button-hover: ButtonFace; --cp-focus: Highlight;
  --cp-button-border: ButtonText; --cp-shadow: none;`;

/*
 * Sizes are in px and em, never rem: rem follows the page's <html> font size, which page CSS sets at will (hostile
 * pages set it to 3px: tests/e2e/pages/hostile-css.html). `:host { all: initial }` makes 1em at the host the
 * browser's default size. Directions are logical (inline-start, block-end) so right-to-left articles mirror.
 */
export const READER_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  inset: 0 !important;
  z-index: 2147483647 !important;
  overflow: auto !important;
  overscroll-behavior: contain !important;
  visibility: visible !important;
  opacity: 1 !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  margin: 0 !important;
  border: 0 !important;
  padding: 0 !important;
  scrollbar-gutter: stable;
  background: var(--cp-bg) !important;
  color: var(--cp-fg) !important;
  ${LIGHT}
}
:host([data-theme="sepia"]) { ${SEPIA} }
:host([data-theme="dark"]) { ${DARK} }
:host([data-theme="contrast"]) { ${CONTRAST} }
@media (prefers-color-scheme: dark) {
  :host([data-theme="system"]) { ${DARK} }
}
@media (forced-colors: active) {
  :host, :host([data-theme]) { ${FORCED} }
}

* { box-sizing: border-box; }

.cp-page {
  min-height: 100%;
  padding: 0 20px 64px;
  font-family: var(--cp-font);
  font-size: var(--cp-font-size);
  line-height: var(--cp-line-height);
  color: var(--cp-fg);
  -webkit-font-smoothing: antialiased;
  text-rendering: optimizeLegibility;
}
.cp-page:focus { outline: none; }

.cp-bar {
  position: sticky; top: 0; height: 0; z-index: 1;
  display: flex; justify-content: flex-end; align-items: flex-start;
  pointer-events: none;
  font: 16px/1.4 ${UI_FONT};
}
.cp-tools {
  pointer-events: auto;
  display: flex; align-items: center; gap: 4px;
  margin: 12px 8px 0 0;
}
.cp-tools:empty { display: none; }
.cp-close, .cp-tool {
  pointer-events: auto;
  width: 40px; height: 40px;
  display: inline-flex; align-items: center; justify-content: center;
  border: 1px solid var(--cp-button-border); border-radius: 50%;
  background: var(--cp-button-bg); color: var(--cp-fg);
  font: 16px/1 ${UI_FONT};
  cursor: pointer;
}
.cp-close { margin: 12px -8px 0 0; }
.cp-close:hover, .cp-tool:hover { background: var(--cp-button-hover); }
.cp-close svg { width: 18px; height: 18px; }
.cp-tool[aria-expanded="true"] { background: var(--cp-button-hover); border-color: var(--cp-fg); }
.cp-tool-text { font: 600 17px/1 ${FONT_STACKS.serif}; letter-spacing: -0.02em; }

:focus-visible { outline: 2px solid var(--cp-focus); outline-offset: 2px; border-radius: 2px; }
:host([data-theme="contrast"]) :focus-visible { outline-width: 3px; }
.cp-close:focus-visible, .cp-tool:focus-visible { border-radius: 50%; }

/* The appearance menu (src/reader/appearance-menu.ts): a popover under its toolbar button. */
.cp-appearance { position: relative; display: inline-flex; }
.cp-popover {
  position: absolute; top: calc(100% + 8px); inset-inline-end: 0;
  width: 300px; max-width: calc(100vw - 24px); max-height: calc(100vh - 80px); overflow: auto;
  display: grid; gap: 14px;
  padding: 14px 16px 16px;
  background: var(--cp-bg); color: var(--cp-fg);
  border: 1px solid var(--cp-rule); border-radius: 10px;
  box-shadow: var(--cp-shadow);
  font: 14px/1.4 ${UI_FONT};
  text-align: start;
}
.cp-popover[hidden] { display: none; }
.cp-popover fieldset { margin: 0; padding: 0; border: 0; min-width: 0; }
.cp-popover legend, .cp-step-label { padding: 0; margin-bottom: 6px; font-weight: 600; font-size: 13px; color: var(--cp-muted); }
.cp-options { display: flex; flex-wrap: wrap; gap: 6px; }
.cp-option { position: relative; display: inline-flex; }
.cp-option input { position: absolute; inset: 0; margin: 0; opacity: 0; cursor: pointer; }
.cp-option span {
  display: inline-flex; align-items: center; gap: 6px;
  padding: 6px 10px; border-radius: 6px;
  border: 1px solid var(--cp-rule); background: var(--cp-bg); color: var(--cp-fg);
}
.cp-option input:checked + span { border-color: var(--cp-fg); box-shadow: inset 0 0 0 1px var(--cp-fg); font-weight: 600; }
.cp-option input:focus-visible + span { outline: 2px solid var(--cp-focus); outline-offset: 2px; }
.cp-option input:hover + span { background: var(--cp-button-hover); }
.cp-swatch { width: 14px; height: 14px; border-radius: 50%; border: 1px solid var(--cp-muted); flex: none; }
.cp-swatch[data-theme="system"] { background: linear-gradient(135deg, #fbfbf9 50%, #1c1b22 50%); }
.cp-swatch[data-theme="light"] { background: #fbfbf9; }
.cp-swatch[data-theme="sepia"] { background: #f4ecd8; }
.cp-swatch[data-theme="dark"] { background: #1c1b22; }
.cp-swatch[data-theme="contrast"] { background: linear-gradient(135deg, #ffffff 50%, #000000 50%); }
.cp-option[data-font="serif"] span { font-family: ${FONT_STACKS.serif}; }
.cp-option[data-font="sans"] span { font-family: ${FONT_STACKS.sans}; }
.cp-option[data-font="legible"] span { font-family: ${FONT_STACKS.legible}; }
.cp-stepper { display: flex; align-items: center; gap: 8px; }
.cp-stepper .cp-step-label { margin: 0; flex: 1; }
.cp-step {
  width: 36px; height: 32px; border-radius: 6px;
  border: 1px solid var(--cp-rule); background: var(--cp-button-bg); color: var(--cp-fg);
  font: 600 18px/1 ${UI_FONT}; cursor: pointer;
}
.cp-step:hover { background: var(--cp-button-hover); }
.cp-step[aria-disabled="true"] { opacity: 0.45; cursor: default; }
.cp-step-value { min-width: 52px; text-align: center; font-variant-numeric: tabular-nums; }

.cp-article {
  max-width: var(--cp-width);
  margin: 0 auto;
  padding-top: 56px;
}

.cp-header { margin-bottom: 2em; padding-bottom: 1.25em; border-bottom: 1px solid var(--cp-rule); }
.cp-site {
  display: inline-block;
  font: 600 13px/1.4 ${UI_FONT};
  letter-spacing: 0.06em; text-transform: uppercase;
  color: var(--cp-link); text-decoration: none;
  margin-bottom: 12px;
}
.cp-site:hover { text-decoration: underline; }
.cp-title {
  font-family: var(--cp-font);
  font-size: 2em; line-height: 1.2; font-weight: 700;
  letter-spacing: -0.01em;
  margin: 0 0 0.6em;
  overflow-wrap: break-word;
}
.cp-meta {
  margin: 0;
  font: 15px/1.5 ${UI_FONT};
  color: var(--cp-muted);
  display: flex; flex-wrap: wrap; gap: 0 0.5em;
}
.cp-byline { color: var(--cp-fg); font-weight: 600; }
.cp-meta > * + *::before { content: "·"; margin-inline-end: 0.5em; color: var(--cp-muted); font-weight: 400; }

.cp-content { overflow-wrap: break-word; }
/*
 * The first frame: blocks below the fold are neither laid out nor painted until the reader has been drawn
 * (view.ts removes the class once the browser is idle). Only blocks whose children are inline or self-contained:
 * their own margins still collapse with their neighbours', so nothing moves when the class goes.
 */
.cp-settling .cp-content :is(p, h2, h3, h4, h5, h6, figure, pre, hr, .cp-table-wrap) {
  content-visibility: auto;
  contain-intrinsic-size: auto 3em;
}
.cp-content > :first-child { margin-block-start: 0; }
.cp-content p { margin: 0 0 1.1em; }
.cp-content h1, .cp-content h2, .cp-content h3, .cp-content h4, .cp-content h5, .cp-content h6 {
  line-height: 1.25; margin: 1.7em 0 0.6em; font-weight: 700;
}
.cp-content h1 { font-size: 1.5em; }
.cp-content h2 { font-size: 1.35em; }
.cp-content h3 { font-size: 1.15em; }
.cp-content h4, .cp-content h5, .cp-content h6 { font-size: 1em; }
.cp-content a { color: var(--cp-link); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
.cp-content img, .cp-content video, .cp-content svg, .cp-content canvas, .cp-content picture {
  max-width: 100%; height: auto;
}
.cp-content img { display: block; margin: 1.5em auto; border-radius: 3px; }
.cp-content figure { margin: 1.75em 0; }
.cp-content figure img { margin: 0 auto; }
.cp-content figcaption {
  margin-top: 0.6em;
  font: 0.78em/1.45 ${UI_FONT};
  color: var(--cp-muted);
}
.cp-content blockquote {
  margin: 1.5em 0; padding-block: 0.1em; padding-inline: 1.2em 0;
  border-inline-start: 3px solid var(--cp-rule);
  color: var(--cp-muted); font-style: italic;
}
:host([data-theme="contrast"]) .cp-content blockquote { color: var(--cp-fg); }
.cp-content blockquote p:last-child { margin-bottom: 0; }
.cp-content blockquote cite, .cp-content blockquote footer { font-style: normal; font-size: 0.9em; }
.cp-content ul, .cp-content ol { margin: 0 0 1.1em; padding-inline-start: 1.6em; }
.cp-content li { margin: 0.35em 0; }
.cp-content li > ul, .cp-content li > ol { margin: 0.35em 0 0; }
.cp-content hr { border: 0; border-top: 1px solid var(--cp-rule); margin: 2.5em 0; }
.cp-content code, .cp-content kbd, .cp-content samp {
  font-family: ${MONO_FONT}; font-size: 0.85em;
  background: var(--cp-code-bg); padding: 0.1em 0.35em; border-radius: 3px;
}
.cp-content pre {
  font-family: ${MONO_FONT}; font-size: 0.8125em; line-height: 1.55;
  white-space: pre; overflow-x: auto; tab-size: 4;
  direction: ltr; text-align: left;
  background: var(--cp-code-bg); padding: 1em 1.2em; border-radius: 6px;
  margin: 1.5em 0;
}
.cp-content pre code { background: none; padding: 0; font-size: inherit; border-radius: 0; white-space: inherit; }
.cp-table-wrap { overflow-x: auto; margin: 1.5em 0; max-width: 100%; }
.cp-table-wrap:focus-visible { outline-offset: 4px; }
.cp-content table {
  border-collapse: collapse;
  font: 0.78em/1.45 ${UI_FONT};
}
.cp-content th, .cp-content td {
  border: 1px solid var(--cp-rule); padding: 0.45em 0.7em;
  text-align: start; vertical-align: top;
}
.cp-content th, .cp-content thead td { background: var(--cp-code-bg); font-weight: 600; }
.cp-content caption { caption-side: bottom; padding-top: 0.5em; color: var(--cp-muted); text-align: start; }
/* Footnotes: the markers, and a list of notes at the end of the article (after a rule, or marked as endnotes). */
.cp-content sup, .cp-content sub { line-height: 0; font-size: 0.75em; }
.cp-content sup a { text-decoration: none; padding-inline: 0.1em; }
.cp-content hr ~ ol:last-child, .cp-content [role="doc-endnotes"], .cp-content aside, .cp-content small {
  font-size: 0.85em; line-height: 1.5;
}
.cp-content hr ~ ol:last-child li, .cp-content [role="doc-endnotes"] li { margin: 0.25em 0; }
.cp-content [hidden] { display: none !important; }

.cp-empty { color: var(--cp-muted); font-style: italic; }
.cp-footer {
  margin-top: 3em; padding-top: 1.25em; border-top: 1px solid var(--cp-rule);
  font: 14px/1.5 ${UI_FONT}; color: var(--cp-muted);
}
.cp-footer a { color: var(--cp-link); }

@media (max-width: 600px) {
  .cp-title { font-size: 1.6em; }
}

@media (forced-colors: active) {
  .cp-popover, .cp-option span, .cp-step { border-color: CanvasText; box-shadow: none; }
  .cp-option input:checked + span { outline: 2px solid Highlight; box-shadow: none; }
  .cp-swatch { forced-color-adjust: none; }
  .cp-tool[aria-expanded="true"] { border-color: Highlight; }
}

/*
 * Print: the article alone, black on white, on as many pages as it takes: the host flows instead of covering the
 * viewport, the toolbar and whatever a feature adds outside the article are hidden, and the source address follows the
 * footer link. (The page itself is hidden for print by PRINT_PAGE_CSS, adopted on the document while the reader is open.)
 */
@media print {
  :host, :host([data-theme]) {
    --cp-bg: #ffffff; --cp-fg: #000000; --cp-muted: #333333; --cp-link: #000000; --cp-rule: #999999;
    --cp-code-bg: #f4f4f4;
    color-scheme: light;
    position: static !important;
    overflow: visible !important;
    inset: auto !important;
    background: #ffffff !important;
    color: #000000 !important;
  }
  .cp-page { padding: 0; min-height: 0; }
  .cp-bar, .cp-page > :not(.cp-article), .cp-article > :not(.cp-header, .cp-content, .cp-footer), [data-cp-noprint] {
    display: none !important;
  }
  .cp-article { max-width: none; padding-top: 0; }
  .cp-title, .cp-content h1, .cp-content h2, .cp-content h3, .cp-content h4 { break-after: avoid; }
  .cp-content img, .cp-content figure, .cp-content pre, .cp-content blockquote, .cp-content tr { break-inside: avoid; }
  .cp-content pre { white-space: pre-wrap; overflow: visible; }
  .cp-table-wrap { overflow: visible; }
  .cp-content a { color: inherit; }
  .cp-footer a { text-decoration: none; }
  .cp-footer a[href]::after { content: ": " attr(href); overflow-wrap: anywhere; }
}
`;

/**
 * Adopted on the page's document while the reader is open (src/reader/appearance-menu.ts): in print, everything but
 * the reader's host is hidden, so only the article prints. A constructable sheet, so a page CSP that forbids styles
 * cannot stop it; removed when the reader closes. Screen media are untouched.
 */
export const PRINT_PAGE_CSS = `@media print {
  html > :not(clearpage-reader) { display: none !important; }
  html, body { background: #ffffff !important; }
}`;

/**
 * The variable part of the styles, from validated settings only (numbers range-checked, names from enums),
 * so nothing user- or page-controlled is ever spliced into CSS text.
 */
export function appearanceCss(appearance: Appearance): string {
  return `:host {
  --cp-font: ${FONT_STACKS[appearance.font]};
  --cp-font-size: ${appearance.fontSize}px;
  --cp-line-height: ${appearance.lineHeight};
  --cp-width: ${WIDTHS[appearance.width]};
}`;
}
