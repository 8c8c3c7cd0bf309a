/**
 * The options page. Every control saves on change to storage.sync (an open reader view follows through
 * storage.onChanged) and says "Saved" in a role="status" region; changes made elsewhere (another tab,
 * another synced browser, the popup's site rule control, the browser's own permission settings) are reflected
 * here too. The sections live in their own modules: auto-mode.ts, site-rules-ui.ts, preview.ts, shortcut.ts.
 */
import { hasAllSites } from '../shared/auto-access.js';
import { browser, t } from '../shared/browser.js';
import { commandShortcut, localizePage } from '../shared/i18n.js';
import {
  FONT_SIZES, FONTS, LINE_HEIGHTS, loadSettings, saveSettings, THEMES, watchSettings, WIDTHS,
  type Appearance, type FontFamily, type Settings, type SettingsPatch,
} from '../shared/settings.js';
import { loadBundledFont } from '../reader/fonts.js';
import { mountAutoMode } from './auto-mode.js';
import { $, type OptionsPage } from './page.js';
import { applyPreview } from './preview.js';
import { openShortcutSettings } from './shortcut.js';
import { mountSiteRules } from './site-rules-ui.js';

const ui = {
  stripAds: $<HTMLInputElement>('#strip-ads'),
  stripComments: $<HTMLInputElement>('#strip-comments'),
  theme: $<HTMLSelectElement>('#theme'),
  font: $<HTMLSelectElement>('#font'),
  fontSize: $<HTMLSelectElement>('#font-size'),
  width: $<HTMLSelectElement>('#width'),
  lineHeight: $<HTMLSelectElement>('#line-height'),
  preview: $<HTMLElement>('#preview'),
  shortcut: $<HTMLParagraphElement>('#shortcut-text'),
  changeShortcut: $<HTMLButtonElement>('#change-shortcut'),
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

function showContentAndAppearance(settings: Settings): void {
  ui.stripAds.checked = settings.stripAds;
  ui.stripComments.checked = settings.stripComments;
  const a = settings.appearance;
  selectValue(ui.theme, a.theme);
  selectValue(ui.font, a.font);
  selectValue(ui.fontSize, a.fontSize, t('optionsPixels', String(a.fontSize)));
  selectValue(ui.width, a.width);
  selectValue(ui.lineHeight, a.lineHeight);
  applyPreview(ui.preview, a);
  loadPreviewFont(a.font);
}

/**
 * The preview shows the bundled face the reader would use. This page's CSP allows fonts from the extension but no
 * fetch, so the faces load by URL here (the reader fetches the bytes: see src/reader/fonts.ts).
 */
function loadPreviewFont(font: FontFamily): void {
  void loadBundledFont(document, font, { resolveUrl: (path) => browser.runtime.getURL(path), source: 'url' });
}

let statusTimer: ReturnType<typeof setTimeout> | undefined;

function announce(text: string): void {
  // Empty first, then the text a moment later, so assistive technology announces a repeated message too.
  ui.status.textContent = '';
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { ui.status.textContent = text; }, 30);
}

function appearancePatch<K extends keyof Appearance>(key: K, value: Appearance[K]): SettingsPatch {
  return { appearance: { [key]: value } as Partial<Appearance> };
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

async function main(): Promise<void> {
  localizePage(document);
  fillNumberSelect(ui.fontSize, FONT_SIZES, (n) => t('optionsPixels', String(n)));
  fillNumberSelect(ui.lineHeight, LINE_HEIGHTS, (n) => n.toLocaleString(undefined, { minimumFractionDigits: 1 }));
  const [settings, allSites] = await Promise.all([loadSettings(), hasAllSites()]);

  const renderers: (() => void)[] = [];
  const render = (): void => {
    showContentAndAppearance(page.settings);
    for (const draw of renderers) draw();
  };
  let writes: Promise<unknown> = Promise.resolve();
  // While our own writes are under way, storage events show their in-between states (a select would jump back to
  // the old value for a moment); they are skipped, and the settings read again once the last write is done.
  let writing = 0;
  let missedChange = false;
  const page: OptionsPage = {
    settings,
    allSites,
    announce,
    serially(write) {
      writing++;
      const run = writes.then(write).finally(() => {
        if (--writing === 0 && missedChange) {
          missedChange = false;
          void page.reload();
        }
      });
      writes = run.catch(() => undefined);
      return run;
    },
    async save(patch) {
      try {
        page.settings = await page.serially(() => saveSettings(patch));
        render();
        announce(t('optionsSaved'));
        return true;
      } catch (error) {
        console.error('Clearpage: saving settings failed:', error);
        announce(t('optionsSaveFailed'));
        render();
        return false;
      }
    },
    async reload() {
      page.settings = await loadSettings();
      render();
    },
  };
  renderers.push(mountAutoMode(page).render, mountSiteRules(page).render);
  render();

  // The preview follows the selects at once, from what they show now (an earlier change may still be saving).
  const previewThen = (patch: SettingsPatch): void => {
    page.settings = { ...page.settings, appearance: { ...page.settings.appearance, ...patch.appearance } };
    applyPreview(ui.preview, page.settings.appearance);
    void page.save(patch);
  };
  ui.stripAds.addEventListener('change', () => void page.save({ stripAds: ui.stripAds.checked }));
  ui.stripComments.addEventListener('change', () => void page.save({ stripComments: ui.stripComments.checked }));
  ui.theme.addEventListener('change', () => {
    const theme = oneOf(THEMES, ui.theme.value);
    if (theme) previewThen(appearancePatch('theme', theme));
  });
  ui.font.addEventListener('change', () => {
    const font = oneOf(FONTS, ui.font.value);
    if (font) {
      loadPreviewFont(font);
      previewThen(appearancePatch('font', font));
    }
  });
  ui.width.addEventListener('change', () => {
    const width = oneOf(WIDTHS, ui.width.value);
    if (width) previewThen(appearancePatch('width', width));
  });
  ui.fontSize.addEventListener('change', () => previewThen(appearancePatch('fontSize', Number(ui.fontSize.value))));
  ui.lineHeight.addEventListener('change', () => previewThen(appearancePatch('lineHeight', Number(ui.lineHeight.value))));
  ui.changeShortcut.addEventListener('click', () => {
    openShortcutSettings().catch((error: unknown) => {
      console.error('Clearpage: opening the shortcut settings failed:', error);
      announce(t('optionsShortcutOpenFailed'));
    });
  });

  watchSettings((next) => {
    if (writing > 0) {
      missedChange = true;
      return;
    }
    page.settings = next;
    render();
  });
  // The user can grant or take away host access in the browser's own settings at any time.
  const refreshAccess = (): void => {
    void hasAllSites().then((granted) => {
      page.allSites = granted;
      render();
    });
  };
  browser.permissions.onAdded.addListener(refreshAccess);
  browser.permissions.onRemoved.addListener(refreshAccess);

  void showShortcut();
  // "Change shortcut" leads away to the browser's page; read the shortcut again when the user comes back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void showShortcut();
  });
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

main().catch((error: unknown) => console.error('Clearpage options:', error));
