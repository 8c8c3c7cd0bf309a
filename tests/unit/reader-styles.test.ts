/**
 * The reader's CSS as text: every theme's colours are readable (WCAG contrast, computed here), the high-contrast theme
 * reaches AAA, forced-colors mode uses system colours, sizes never depend on the page's root font size, print hides the
 * page, and the appearance variables come from the settings alone.
 */
import { FEATURE_CSS } from '../../src/reader/feature-styles.js';
import { describe, expect, it, vi } from 'vitest';
import { appearanceCss, FONT_STACKS, PRINT_PAGE_CSS, READER_CSS } from '../../src/reader/styles.js';
import { DEFAULT_SETTINGS, FONTS, THEMES } from '../../src/shared/settings.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

/** The declarations of the first `selector {` block in `css` (flat: no nested braces), as a map. */
function declarations(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block`);
  const body = css.slice(start + selector.length + 2, css.indexOf('}', start));
  return Object.fromEntries(body.split(';').map((d) => d.split(/:(.*)/s).map((s) => s.trim())).filter(([k, v]) => k && v)
    .map(([k, v]) => [k as string, v as string]));
}

/** The palette of a theme: the base `:host` block with the theme's block over it. */
function palette(theme: string): Record<string, string> {
  const base = declarations(READER_CSS, ':host');
  return theme === 'light' ? base : { ...base, ...declarations(READER_CSS, `:host([data-theme="${theme}"])`) };
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1]?.slice(i, i + 2) ?? '00', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('theme palettes', () => {
  const themes = ['light', 'sepia', 'dark', 'contrast'] as const;

  it('exist for every theme but "system", which is light or dark by prefers-color-scheme', () => {
    for (const theme of THEMES.filter((t) => t !== 'system' && t !== 'light')) {
      expect(READER_CSS, theme).toContain(`:host([data-theme="${theme}"])`);
    }
    expect(READER_CSS).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:host\(\[data-theme="system"\]\)/);
  });

  it.each(themes)('%s: body text, muted text and links pass WCAG AA on the background and on code blocks', (theme) => {
    const p = palette(theme);
    for (const fg of ['--cp-fg', '--cp-muted', '--cp-link']) {
      expect(contrast(p[fg] as string, p['--cp-bg'] as string), `${theme} ${fg} on --cp-bg`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(p['--cp-fg'] as string, p['--cp-code-bg'] as string), `${theme} text on code`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p['--cp-fg'] as string, p['--cp-button-bg'] as string), `${theme} text on buttons`).toBeGreaterThanOrEqual(4.5);
  });

  it('high contrast reaches AAA (7:1) for every text colour, with borders on its buttons', () => {
    const p = palette('contrast');
    for (const fg of ['--cp-fg', '--cp-muted', '--cp-link']) {
      expect(contrast(p[fg] as string, p['--cp-bg'] as string), fg).toBeGreaterThanOrEqual(7);
    }
    expect(p['--cp-button-border']).not.toBe('transparent');
  });

  it('forced-colors mode uses system colours for every theme and drops shadows', () => {
    const start = READER_CSS.indexOf('@media (forced-colors: active)');
    expect(start).toBeGreaterThan(0);
    const forced = declarations(READER_CSS.slice(start), ':host, :host([data-theme])');
    expect(forced).toMatchObject({
      '--cp-bg': 'Canvas', '--cp-fg': 'CanvasText', '--cp-link': 'LinkText', '--cp-button-bg': 'ButtonFace',
      '--cp-focus': 'Highlight', '--cp-shadow': 'none',
    });
    // Declared after every theme, so it wins over each of them.
    expect(start).toBeGreaterThan(READER_CSS.indexOf(':host([data-theme="contrast"])'));
  });
});

describe('isolation from the page', () => {
  it('uses no rem (the page sets the root font size) and no viewport-independent page values', () => {
    expect(READER_CSS).not.toMatch(/\d(?:\.\d+)?rem\b/);
    // The features' own rules (toolbar buttons, contents, read aloud, export, chips, drawer) too.
    expect(FEATURE_CSS).not.toMatch(/\d(?:\.\d+)?rem\b/);
  });

  it('pins the host with !important, where the shadow tree wins over the page', () => {
    const host = declarations(READER_CSS, ':host');
    for (const prop of ['all', 'display', 'position', 'transform', 'opacity', 'visibility', 'color', 'background']) {
      expect(host[prop], prop).toMatch(/!important$/);
    }
  });
});

describe('print', () => {
  it('hides the toolbar and everything outside the article, and lets the reader flow over pages', () => {
    const print = READER_CSS.slice(READER_CSS.indexOf('@media print'));
    expect(print).toMatch(/\.cp-bar[^{]*\{\s*display: none !important;/);
    expect(declarations(print, ':host, :host([data-theme])')).toMatchObject({
      position: 'static !important', overflow: 'visible !important', '--cp-bg': '#ffffff', '--cp-fg': '#000000',
    });
    expect(print).toContain('.cp-footer a[href]::after { content: ": " attr(href);');
  });

  it('hides the page behind the reader in print only', () => {
    expect(PRINT_PAGE_CSS.trim().startsWith('@media print {')).toBe(true);
    expect(PRINT_PAGE_CSS).toContain('html > :not(clearpage-reader) { display: none !important; }');
  });
});

describe('appearanceCss', () => {
  it('sets the font stack, size, line height and width from the settings', () => {
    for (const font of FONTS) {
      const css = appearanceCss({ ...DEFAULT_SETTINGS.appearance, font, fontSize: 22, lineHeight: 1.8, width: 'wide' });
      expect(css).toContain(`--cp-font: ${FONT_STACKS[font]};`);
      expect(css).toContain('--cp-font-size: 22px;');
      expect(css).toContain('--cp-line-height: 1.8;');
    }
    expect(FONT_STACKS.serif).toMatch(/^'Clearpage Literata', .*serif$/);
    expect(FONT_STACKS.legible).toMatch(/^'Clearpage Atkinson Hyperlegible', .*sans-serif$/);
    expect(FONT_STACKS.sans).not.toMatch(/Clearpage/);
  });
});
