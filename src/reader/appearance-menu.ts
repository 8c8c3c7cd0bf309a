/**
 * The reader's appearance feature: the "Aa" menu in the toolbar (theme, font, text size, line width, line spacing),
 * the bundled reading faces, the print rule on the page behind the reader, and keyboard access to wide tables.
 *
 * The menu saves through the settings module; the content controller hears the change (storage.onChanged) and calls
 * `view.setAppearance`, so the open reader, other tabs and the options page all follow the same stored value.
 */
import { browser, t } from '../shared/browser.js';
import {
  FONT_SIZES, FONTS, LINE_HEIGHTS, saveSettings, THEMES, WIDTHS,
  type Appearance, type FontFamily, type Theme,
} from '../shared/settings.js';
import { afterNextFrame, el } from './dom.js';
import type { ReaderContext, ReaderFeature } from './features.js';
import { loadBundledFont } from './fonts.js';
import { PRINT_PAGE_CSS } from './styles.js';

const PANEL_ID = 'cp-appearance-panel';

const THEME_LABELS: Record<Theme, string> = {
  system: 'themeSystem', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', contrast: 'themeContrast',
};
const FONT_LABELS: Record<FontFamily, string> = { serif: 'fontSerif', sans: 'fontSans', legible: 'fontLegible' };
const WIDTH_LABELS = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' } as const;

/**
 * The next offered value after `current` in `direction` (+1 larger, -1 smaller), or null at the end. A stored value
 * that is not offered (set by a newer version) steps to its nearest neighbour in that direction.
 */
export function stepValue(values: readonly number[], current: number, direction: 1 | -1): number | null {
  const candidates = direction > 0 ? values.filter((v) => v > current) : values.filter((v) => v < current);
  if (!candidates.length) return null;
  return direction > 0 ? Math.min(...candidates) : Math.max(...candidates);
}

export function formatLineHeight(value: number): string {
  return value.toLocaleString(undefined, { minimumFractionDigits: 1 });
}

interface RadioGroup<V extends string> {
  element: HTMLFieldSetElement;
  set(value: V): void;
}

function radioGroup<V extends string>(
  doc: Document, name: string, legend: string, values: readonly V[], label: (value: V) => Array<Node | string>,
  extra: (value: V) => Record<string, string>, onChange: (value: V) => void, signal: AbortSignal,
): RadioGroup<V> {
  const inputs = values.map((value) => {
    const input = el(doc, 'input', { type: 'radio', name, value });
    input.addEventListener('change', () => {
      if (input.checked) onChange(value);
    }, { signal });
    return input;
  });
  const element = el(doc, 'fieldset', {}, [
    el(doc, 'legend', {}, [legend]),
    el(doc, 'div', { class: 'cp-options' }, values.map((value, i) =>
      el(doc, 'label', { class: 'cp-option', ...extra(value) }, [inputs[i] as HTMLInputElement, el(doc, 'span', {}, label(value))]))),
  ]);
  return {
    element,
    set(value) {
      for (const input of inputs) input.checked = input.value === value;
    },
  };
}

interface Stepper {
  element: HTMLElement;
  set(value: number): void;
}

function stepper(
  doc: Document, id: string, label: string, smaller: string, larger: string, values: readonly number[],
  format: (value: number) => string, onStep: (direction: 1 | -1) => void, signal: AbortSignal,
): Stepper {
  const labelId = `${id}-label`;
  const output = el(doc, 'output', { class: 'cp-step-value', id: `${id}-value`, 'aria-live': 'polite' });
  const button = (direction: 1 | -1, text: string, name: string): HTMLButtonElement => {
    const b = el(doc, 'button', {
      type: 'button', class: 'cp-step', 'aria-label': name, 'aria-describedby': `${id}-value`, 'data-step': direction > 0 ? 'up' : 'down',
    }, [text]);
    // aria-disabled, not disabled: a disabled button would drop the focus of a user pressing it to its end.
    b.addEventListener('click', () => {
      if (b.getAttribute('aria-disabled') !== 'true') onStep(direction);
    }, { signal });
    return b;
  };
  const down = button(-1, '−', smaller);
  const up = button(1, '+', larger);
  const element = el(doc, 'div', { class: 'cp-stepper', role: 'group', 'aria-labelledby': labelId, 'data-cp': id }, [
    el(doc, 'span', { class: 'cp-step-label', id: labelId }, [label]), down, output, up,
  ]);
  return {
    element,
    set(value) {
      output.textContent = format(value);
      down.setAttribute('aria-disabled', String(stepValue(values, value, -1) === null));
      up.setAttribute('aria-disabled', String(stepValue(values, value, 1) === null));
    },
  };
}

/** Adopts PRINT_PAGE_CSS on the document; returns how to take it off again (or nothing if it could not be adopted). */
function adoptPrintSheet(doc: Document): () => void {
  const win = doc.defaultView;
  try {
    if (!win || typeof win.CSSStyleSheet !== 'function') return () => undefined;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(PRINT_PAGE_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    // Firefox content scripts have had Xray trouble with adoptedStyleSheets: print then shows the page too.
    return () => undefined;
  }
}

/**
 * Wide tables scroll sideways in `.cp-table-wrap` (view.ts). Only a wrapper that actually scrolls becomes a focusable
 * named region, so keyboard users can scroll it and a table that fits adds no tab stop.
 */
function watchTableWraps(ctx: ReaderContext): { render(): void; stop(): void } {
  const win = ctx.doc.defaultView;
  const update = (wrap: HTMLElement): void => {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      const caption = wrap.querySelector('caption')?.textContent?.replace(/\s+/g, ' ').trim();
      wrap.setAttribute('tabindex', '0');
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', caption || t('readerTable'));
    } else {
      wrap.removeAttribute('tabindex');
      wrap.removeAttribute('role');
      wrap.removeAttribute('aria-label');
    }
  };
  const observer = win && typeof win.ResizeObserver === 'function'
    ? new win.ResizeObserver((entries) => {
      for (const entry of entries) {
        const wrap = entry.target.closest<HTMLElement>('.cp-table-wrap');
        if (wrap) update(wrap);
      }
    })
    : null;
  return {
    render() {
      observer?.disconnect();
      for (const wrap of Array.from(ctx.article.querySelectorAll<HTMLElement>('.cp-table-wrap'))) {
        update(wrap);
        // The wrapper changes size with the window and the column; the table with the text size.
        observer?.observe(wrap);
        const table = wrap.querySelector('table');
        if (table) observer?.observe(table);
      }
    },
    stop: () => observer?.disconnect(),
  };
}

export function mountAppearance(ctx: ReaderContext): ReaderFeature {
  const { doc, signal } = ctx;
  const resolveUrl = (path: string): string => browser.runtime.getURL(path);
  const ensureFont = (font: FontFamily): void => void loadBundledFont(doc, font, { resolveUrl });
  // The chosen face can never be ready for the reader's first frame (its bytes are fetched), so it is asked for
  // right after that frame: starting the fetches costs the opening click several milliseconds otherwise.
  afterNextFrame(doc.defaultView, () => ensureFont(ctx.appearance().font), signal);

  const removePrintSheet = adoptPrintSheet(doc);
  signal.addEventListener('abort', removePrintSheet, { once: true });
  const tables = watchTableWraps(ctx);
  signal.addEventListener('abort', tables.stop, { once: true });

  // What the menu shows: the stored appearance, ahead of it while our own saves are under way.
  let shown: Appearance = ctx.appearance();
  let pending = 0;
  let failed = false;
  let writes: Promise<unknown> = Promise.resolve();
  const change = (patch: Partial<Appearance>): void => {
    shown = { ...shown, ...patch };
    if (patch.font) ensureFont(patch.font);
    show(shown);
    pending++;
    // One write at a time: saveSettings reads, merges and writes, so overlapping writes could lose a change.
    writes = writes.then(() => saveSettings({ appearance: patch })).then(() => true, (error: unknown) => {
      console.error('Clearpage: saving the appearance failed:', error);
      return false;
    }).then((saved) => {
      failed ||= !saved;
      // All saved: the stored change comes back through appearanceChanged. A failed save shows what is in force.
      if (--pending === 0 && failed) {
        failed = false;
        shown = ctx.appearance();
        show(shown);
      }
    });
  };

  const button = el(doc, 'button', {
    type: 'button', class: 'cp-tool', 'data-cp': 'appearance',
    'aria-label': t('readerAppearance'), title: t('readerAppearance'),
    'aria-expanded': 'false', 'aria-controls': PANEL_ID,
  }, [el(doc, 'span', { class: 'cp-tool-text', 'aria-hidden': 'true' }, ['Aa'])]);

  const theme = radioGroup(doc, 'cp-theme', t('optionsTheme'), THEMES,
    (value) => [el(doc, 'span', { class: 'cp-swatch', 'data-theme': value, 'aria-hidden': 'true' }), t(THEME_LABELS[value])],
    () => ({}), (value) => change({ theme: value }), signal);
  const font = radioGroup(doc, 'cp-font', t('optionsFont'), FONTS, (value) => [t(FONT_LABELS[value])],
    (value) => ({ 'data-font': value }), (value) => change({ font: value }), signal);
  const width = radioGroup(doc, 'cp-width', t('optionsWidth'), WIDTHS, (value) => [t(WIDTH_LABELS[value])],
    () => ({}), (value) => change({ width: value }), signal);
  const size = stepper(doc, 'cp-font-size', t('optionsFontSize'), t('readerTextSmaller'), t('readerTextLarger'), FONT_SIZES,
    (value) => t('optionsPixels', String(value)), (direction) => {
      const next = stepValue(FONT_SIZES, shown.fontSize, direction);
      if (next !== null) change({ fontSize: next });
    }, signal);
  const lineHeight = stepper(doc, 'cp-line-height', t('optionsLineHeight'), t('readerLineHeightSmaller'), t('readerLineHeightLarger'),
    LINE_HEIGHTS, formatLineHeight, (direction) => {
      const next = stepValue(LINE_HEIGHTS, shown.lineHeight, direction);
      if (next !== null) change({ lineHeight: next });
    }, signal);

  const panel = el(doc, 'div', {
    class: 'cp-popover', id: PANEL_ID, role: 'group', 'aria-label': t('readerAppearance'), 'data-cp': 'appearance-menu', hidden: '',
  }, [theme.element, font.element, size.element, width.element, lineHeight.element]);
  const wrapper = el(doc, 'div', { class: 'cp-appearance' }, [button, panel]);
  ctx.tools.append(wrapper);

  function show(a: Appearance): void {
    theme.set(a.theme);
    font.set(a.font);
    width.set(a.width);
    size.set(a.fontSize);
    lineHeight.set(a.lineHeight);
  }
  show(shown);

  const isOpen = (): boolean => !panel.hidden;
  const setOpen = (open: boolean, { focus }: { focus: boolean }): void => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open && focus) panel.querySelector<HTMLInputElement>('input:checked')?.focus();
    else if (!open && focus) button.focus();
  };
  button.addEventListener('click', () => setOpen(!isOpen(), { focus: !isOpen() }), { signal });

  // Esc closes the menu first and only the menu. This listener is on the window in the capture phase, like the view's
  // own Esc handler, and added before it (features mount before the view listens), so it runs first; a handled Esc is
  // marked defaultPrevented, which the view leaves alone. A second Esc (menu closed) reaches the view and closes it.
  doc.defaultView?.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented || !isOpen()) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false, { focus: true });
  }, { capture: true, signal });

  // A click anywhere else in the reader closes the menu (focus stays where the click put it).
  ctx.root.addEventListener('pointerdown', (event) => {
    if (isOpen() && event.target instanceof Node && !wrapper.contains(event.target)) setOpen(false, { focus: false });
  }, { signal });

  return {
    render: () => tables.render(),
    appearanceChanged(next) {
      ensureFont(next.font);
      if (pending === 0) {
        shown = next;
        show(shown);
      }
    },
    destroy() {
      tables.stop();
      removePrintSheet();
    },
  };
}
