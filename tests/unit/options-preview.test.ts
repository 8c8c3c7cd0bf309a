/**
 * The options page's appearance preview: the mapping from settings to what the preview shows, and that its copies of
 * the reader's font stacks, column widths and palettes are still the reader's (src/reader/styles.ts keeps them
 * private, so the preview has copies; this is what keeps them from drifting apart).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { PREVIEW_FONTS, PREVIEW_WIDTHS, previewStyle } from '../../src/options/preview.js';
import { appearanceCss, READER_CSS } from '../../src/reader/styles.js';
import { FONTS, WIDTHS, type Appearance } from '../../src/shared/settings.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const OPTIONS_CSS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/options/options.css'), 'utf8');
const base: Appearance = { theme: 'system', font: 'serif', fontSize: 19, width: 'medium', lineHeight: 1.6 };

/** The custom properties declared in the first `{...}` block after `selector` in `css`, without a prefix. */
function block(css: string, selector: string, prefix: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block`);
  const body = css.slice(start, css.indexOf('}', start));
  const out: Record<string, string> = {};
  for (const match of body.matchAll(new RegExp(`--${prefix}-([a-z-]+):\\s*([^;]+);`, 'g'))) {
    if (match[1] && match[2]) out[match[1]] = match[2].trim();
  }
  return out;
}

const PALETTE = ['bg', 'fg', 'muted', 'link', 'rule'] as const;
const pick = (vars: Record<string, string>): Record<string, string | undefined> =>
  Object.fromEntries(PALETTE.map((name) => [name, vars[name]]));

describe('previewStyle', () => {
  it('maps every appearance field to the preview', () => {
    expect(previewStyle({ theme: 'sepia', font: 'sans', fontSize: 22, width: 'narrow', lineHeight: 1.8 })).toEqual({
      theme: 'sepia',
      properties: {
        '--preview-font': PREVIEW_FONTS.sans,
        '--preview-font-size': '22px',
        '--preview-line-height': '1.8',
        '--preview-width': '32em',
      },
    });
    expect(previewStyle(base).properties['--preview-font']).toBe(PREVIEW_FONTS.serif);
  });
});

describe('the preview uses the reader\'s values', () => {
  it('font stacks and column widths', () => {
    for (const font of FONTS) {
      for (const width of WIDTHS) {
        const css = appearanceCss({ ...base, font, width });
        expect(css, `${font}`).toContain(`--cp-font: ${PREVIEW_FONTS[font]};`);
        expect(css, `${width}`).toContain(`--cp-width: ${PREVIEW_WIDTHS[width]};`);
      }
    }
  });

  it('palettes: light (the default), sepia, dark, high contrast, and system in a dark scheme', () => {
    const reader = {
      light: pick(block(READER_CSS, ':host', 'cp')),
      sepia: pick(block(READER_CSS, ':host([data-theme="sepia"])', 'cp')),
      dark: pick(block(READER_CSS, ':host([data-theme="dark"])', 'cp')),
      contrast: pick(block(READER_CSS, ':host([data-theme="contrast"])', 'cp')),
      system: pick(block(READER_CSS, ':host([data-theme="system"])', 'cp')),
    };
    expect(Object.values(reader.light).every(Boolean), 'the reader CSS still has these variables').toBe(true);
    expect(pick(block(OPTIONS_CSS, '.preview', 'pv'))).toEqual(reader.light);
    expect(pick(block(OPTIONS_CSS, '.preview[data-theme="sepia"]', 'pv'))).toEqual(reader.sepia);
    expect(pick(block(OPTIONS_CSS, '.preview[data-theme="dark"]', 'pv'))).toEqual(reader.dark);
    expect(pick(block(OPTIONS_CSS, '.preview[data-theme="contrast"]', 'pv'))).toEqual(reader.contrast);
    expect(pick(block(OPTIONS_CSS, '.preview[data-theme="system"]', 'pv'))).toEqual(reader.system);
    expect(reader.system).toEqual(reader.dark);
  });
});
