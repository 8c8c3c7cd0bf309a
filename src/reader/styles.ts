/**
 * The reader's styles. They live in constructable stylesheets adopted by the shadow root, so a page CSP
 * such as `style-src 'none'` cannot block them, and `:host { all: initial }` with `!important` keeps page
 * CSS off the host (for !important declarations the shadow tree's context wins over the page's).
 */
import type { Appearance, ContentWidth, FontFamily } from '../shared/settings.js';

/** Font stacks of fonts most systems have; bundled faces come with issue 5. */
const FONT_STACKS: Record<FontFamily, string> = {
  serif: "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, 'Noto Serif', 'DejaVu Serif', serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif",
};
const UI_FONT = FONT_STACKS.sans;
const MONO_FONT = "ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace";

/** Text column widths in `em` of the body text: about 60, 70 and 85 characters a line. */
const WIDTHS: Record<ContentWidth, string> = { narrow: '32em', medium: '38em', wide: '46em' };

const LIGHT = `
  --cp-bg: #fbfbf9; --cp-fg: #1f1f1f; --cp-muted: #5c5f66; --cp-link: #0b57d0; --cp-rule: #dcdcd6;
  --cp-code-bg: #f0f0eb; --cp-button-bg: #ecece7; --cp-button-hover: #e0e0da; --cp-focus: #0b57d0;
  color-scheme: light;`;
const SEPIA = `
  --cp-bg: #f4ecd8; --cp-fg: #3b2e1e; --cp-muted: #6e5c45; --cp-link: #8b4513; --cp-rule: #dccdaa;
  --cp-code-bg: #ebe0c4; --cp-button-bg: #e8dcc0; --cp-button-hover: #dfd0ae; --cp-focus: #8b4513;
  color-scheme: light;`;
const DARK = `
  --cp-bg: #1c1b22; --cp-fg: #e8e6e3; --cp-muted: #a9a7b0; --cp-link: #8ab4f8; --cp-rule: #3b3a44;
  --cp-code-bg: #2a2932; --cp-button-bg: #2e2d36; --cp-button-hover: #3a3944; --cp-focus: #8ab4f8;
  color-scheme: dark;`;

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
  margin: 0 !important;
  border: 0 !important;
  padding: 0 !important;
  scrollbar-gutter: stable;
  background: var(--cp-bg) !important;
  color: var(--cp-fg);
  ${LIGHT}
}
:host([data-theme="sepia"]) { ${SEPIA} }
:host([data-theme="dark"]) { ${DARK} }
@media (prefers-color-scheme: dark) {
  :host([data-theme="system"]) { ${DARK} }
}

* { box-sizing: border-box; }

.cp-page {
  min-height: 100%;
  padding: 0 1.25rem 4rem;
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
  display: flex; justify-content: flex-end;
  pointer-events: none;
}
.cp-tools {
  pointer-events: auto;
  display: flex; align-items: center; gap: 0.25rem;
  margin: 0.75rem 0.5rem 0 0;
}
.cp-tools:empty { display: none; }
.cp-close {
  pointer-events: auto;
  margin: 0.75rem -0.5rem 0 0;
  width: 2.5rem; height: 2.5rem;
  display: inline-flex; align-items: center; justify-content: center;
  border: 0; border-radius: 50%;
  background: var(--cp-button-bg); color: var(--cp-fg);
  font: 16px/1 ${UI_FONT};
  cursor: pointer;
}
.cp-close:hover { background: var(--cp-button-hover); }
.cp-close svg { width: 1.125rem; height: 1.125rem; }

:focus-visible { outline: 2px solid var(--cp-focus); outline-offset: 2px; border-radius: 2px; }
.cp-close:focus-visible { border-radius: 50%; }

.cp-article {
  max-width: var(--cp-width);
  margin: 0 auto;
  padding-top: 3.5rem;
}

.cp-header { margin-bottom: 2em; padding-bottom: 1.25em; border-bottom: 1px solid var(--cp-rule); }
.cp-site {
  display: inline-block;
  font: 600 0.8125rem/1.4 ${UI_FONT};
  letter-spacing: 0.06em; text-transform: uppercase;
  color: var(--cp-link); text-decoration: none;
  margin-bottom: 0.75rem;
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
  font: 0.9375rem/1.5 ${UI_FONT};
  color: var(--cp-muted);
  display: flex; flex-wrap: wrap; gap: 0 0.5em;
}
.cp-byline { color: var(--cp-fg); font-weight: 600; }
.cp-meta > * + *::before { content: "·"; margin-inline-end: 0.5em; color: var(--cp-muted); font-weight: 400; }

.cp-content { overflow-wrap: break-word; }
.cp-content > :first-child { margin-top: 0; }
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
  font: 0.875rem/1.45 ${UI_FONT};
  color: var(--cp-muted);
}
.cp-content blockquote {
  margin: 1.5em 0; padding: 0.1em 0 0.1em 1.2em;
  border-inline-start: 3px solid var(--cp-rule);
  color: var(--cp-muted); font-style: italic;
}
.cp-content blockquote p:last-child { margin-bottom: 0; }
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
  background: var(--cp-code-bg); padding: 1em 1.2em; border-radius: 6px;
  margin: 1.5em 0;
}
.cp-content pre code { background: none; padding: 0; font-size: inherit; border-radius: 0; }
.cp-table-wrap { overflow-x: auto; margin: 1.5em 0; }
.cp-content table {
  border-collapse: collapse;
  font: 0.875rem/1.45 ${UI_FONT};
}
.cp-content th, .cp-content td {
  border: 1px solid var(--cp-rule); padding: 0.45em 0.7em;
  text-align: start; vertical-align: top;
}
.cp-content th, .cp-content thead td { background: var(--cp-code-bg); font-weight: 600; }
.cp-content caption { caption-side: bottom; padding-top: 0.5em; color: var(--cp-muted); text-align: start; }
.cp-content sup, .cp-content sub { line-height: 0; }
.cp-content [hidden] { display: none !important; }

.cp-empty { color: var(--cp-muted); font-style: italic; }
.cp-footer {
  margin-top: 3em; padding-top: 1.25em; border-top: 1px solid var(--cp-rule);
  font: 0.875rem/1.5 ${UI_FONT}; color: var(--cp-muted);
}
.cp-footer a { color: var(--cp-link); }

@media (max-width: 600px) {
  .cp-title { font-size: 1.6em; }
}
`;

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
