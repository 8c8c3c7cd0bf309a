/**
 * The options page. Every control saves on change to storage.sync (an open reader view follows through
 * storage.onChanged) and says "Saved" in a role="status" region; changes made elsewhere (another tab,
 * another synced browser) are reflected here too.
 */
import { t } from '../shared/browser.js';
import { commandShortcut, localizePage } from '../shared/i18n.js';
import {
  FONT_SIZES, FONTS, LINE_HEIGHTS, loadSettings, saveSettings, THEMES, watchSettings, WIDTHS,
  type Appearance, type Settings, type SettingsPatch,
} from '../shared/settings.js';

function $<T extends HTMLElement>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`options.html lacks ${selector}`);
  return node;
}

const ui = {
  stripAds: $<HTMLInputElement>('#strip-ads'),
  stripComments: $<HTMLInputElement>('#strip-comments'),
  theme: $<HTMLSelectElement>('#theme'),
  font: $<HTMLSelectElement>('#font'),
  fontSize: $<HTMLSelectElement>('#font-size'),
  width: $<HTMLSelectElement>('#width'),
  lineHeight: $<HTMLSelectElement>('#line-height'),
  shortcut: $<HTMLParagraphElement>('#shortcut-text'),
  status: $<HTMLParagraphElement>('#status'),
};

function fillNumberSelect(select: HTMLSelectElement, values: readonly number[], label: (n: number) => string): void {
  select.replaceChildren(...values.map((value) => new Option(label(value), String(value))));
}

/** Selects `value`, adding it as an option first if it is valid but not offered (set by a newer version). */
function selectValue(select: HTMLSelectElement, value: string | number, label?: string): void {
  const text = String(value);
  if (!Array.from(select.options).some((option) => option.value === text)) select.add(new Option(label ?? text, text));
  select.value = text;
}

function show(settings: Settings): void {
  ui.stripAds.checked = settings.stripAds;
  ui.stripComments.checked = settings.stripComments;
  const a = settings.appearance;
  selectValue(ui.theme, a.theme);
  selectValue(ui.font, a.font);
  selectValue(ui.fontSize, a.fontSize, t('optionsPixels', String(a.fontSize)));
  selectValue(ui.width, a.width);
  selectValue(ui.lineHeight, a.lineHeight);
}

let statusTimer: ReturnType<typeof setTimeout> | undefined;

async function save(patch: SettingsPatch): Promise<void> {
  try {
    await saveSettings(patch);
    // Empty first so assistive technology announces a repeated "Saved".
    ui.status.textContent = '';
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { ui.status.textContent = t('optionsSaved'); }, 30);
  } catch (error) {
    console.error('Clearpage: saving settings failed:', error);
    ui.status.textContent = t('optionsSaveFailed');
  }
}

function appearancePatch<K extends keyof Appearance>(key: K, value: Appearance[K]): SettingsPatch {
  return { appearance: { [key]: value } as Partial<Appearance> };
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function wire(): void {
  ui.stripAds.addEventListener('change', () => void save({ stripAds: ui.stripAds.checked }));
  ui.stripComments.addEventListener('change', () => void save({ stripComments: ui.stripComments.checked }));
  ui.theme.addEventListener('change', () => {
    const theme = oneOf(THEMES, ui.theme.value);
    if (theme) void save(appearancePatch('theme', theme));
  });
  ui.font.addEventListener('change', () => {
    const font = oneOf(FONTS, ui.font.value);
    if (font) void save(appearancePatch('font', font));
  });
  ui.width.addEventListener('change', () => {
    const width = oneOf(WIDTHS, ui.width.value);
    if (width) void save(appearancePatch('width', width));
  });
  ui.fontSize.addEventListener('change', () => void save(appearancePatch('fontSize', Number(ui.fontSize.value))));
  ui.lineHeight.addEventListener('change', () => void save(appearancePatch('lineHeight', Number(ui.lineHeight.value))));
}

async function showShortcut(): Promise<void> {
  const shortcut = await commandShortcut('toggle-reader');
  if (!shortcut) {
    ui.shortcut.textContent = t('optionsShortcutNone');
    return;
  }
  const kbd = document.createElement('kbd');
  kbd.textContent = shortcut;
  ui.shortcut.replaceChildren(kbd, ` ${t('optionsShortcutDescription')}`);
}

async function main(): Promise<void> {
  localizePage(document);
  fillNumberSelect(ui.fontSize, FONT_SIZES, (n) => t('optionsPixels', String(n)));
  fillNumberSelect(ui.lineHeight, LINE_HEIGHTS, (n) => n.toLocaleString(undefined, { minimumFractionDigits: 1 }));
  show(await loadSettings());
  wire();
  watchSettings(show);
  void showShortcut();
}

main().catch((error: unknown) => console.error('Clearpage options:', error));
