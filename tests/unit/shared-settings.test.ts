/** Settings: defaults, field-by-field fallback on corrupt values, ordered migrations, saving and watching. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './fake-browser.js';
import {
  DEFAULT_SETTINGS, loadSettings, migrate, migrateStoredSettings, MIGRATIONS, normalizeSettings, saveSettings,
  MAX_SITE_RULES, setSiteRule, SETTINGS_VERSION, TooManySiteRulesError, watchSettings, type Migration, type Settings,
} from '../../src/shared/settings.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const sync = fakeBrowser.storage.sync;

beforeEach(() => resetFakeBrowser());

describe('loadSettings', () => {
  it('gives the defaults on a fresh install', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.stripAds).toBe(true);
    expect(DEFAULT_SETTINGS.stripComments).toBe(true);
    expect(DEFAULT_SETTINGS.appearance.theme).toBe('system');
  });

  it('reads what was stored', async () => {
    sync.seed({ version: 1, stripAds: false, appearance: { theme: 'sepia', font: 'sans', fontSize: 22, width: 'wide', lineHeight: 1.8 } });
    expect(await loadSettings()).toEqual({
      stripAds: false, stripComments: true,
      appearance: { theme: 'sepia', font: 'sans', fontSize: 22, width: 'wide', lineHeight: 1.8 },
      autoMode: 'off', siteRules: {},
    });
  });

  it('falls back to the default field by field, keeping the valid ones', async () => {
    sync.seed({
      stripAds: 'yes', stripComments: false,
      appearance: { theme: 'neon', font: 'sans', fontSize: 1000, width: 'wide', lineHeight: Number.NaN, extra: 1 },
    });
    const settings = await loadSettings();
    expect(settings.stripAds).toBe(true);
    expect(settings.stripComments).toBe(false);
    expect(settings.appearance).toEqual({
      theme: 'system', font: 'sans', fontSize: DEFAULT_SETTINGS.appearance.fontSize, width: 'wide',
      lineHeight: DEFAULT_SETTINGS.appearance.lineHeight,
    });
  });

  it('keeps the high-contrast theme and the legible font', async () => {
    sync.seed({ version: SETTINGS_VERSION, appearance: { ...DEFAULT_SETTINGS.appearance, theme: 'contrast', font: 'legible' } });
    expect((await loadSettings()).appearance).toMatchObject({ theme: 'contrast', font: 'legible' });
  });

  it.each([null, 'dark', 42, [], { theme: 7 }])('survives a corrupt appearance record (%j)', async (appearance) => {
    sync.seed({ appearance });
    expect((await loadSettings()).appearance).toEqual(DEFAULT_SETTINGS.appearance);
  });

  it('gives the defaults when storage itself fails', async () => {
    sync.failing = true;
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('never hands out the frozen defaults object', async () => {
    const settings = await loadSettings();
    settings.appearance.theme = 'dark';
    expect(DEFAULT_SETTINGS.appearance.theme).toBe('system');
  });
});

describe('migrations', () => {
  // Version 1 is the first layout, so the real list is empty; the runner is tested with a made-up history.
  const history: Migration[] = [
    {
      to: 2, describe: 'theme moved into appearance',
      migrate: ({ theme, ...rest }) => ({ ...rest, appearance: { ...(rest.appearance as object), theme } }),
    },
    {
      to: 3, describe: 'stripAll split into stripAds and stripComments',
      migrate: ({ stripAll, ...rest }) => (stripAll === undefined ? rest : { ...rest, stripAds: stripAll, stripComments: stripAll }),
    },
  ];

  it('version 2 adds auto mode (off) and site rules (none), keeping what version 1 stored', async () => {
    sync.seed({ version: 1, stripAds: false, appearance: { ...DEFAULT_SETTINGS.appearance, theme: 'dark' } });
    await migrateStoredSettings();
    expect(Object.fromEntries(sync.data)).toEqual({
      version: 2, stripAds: false, appearance: { ...DEFAULT_SETTINGS.appearance, theme: 'dark' }, autoMode: 'off', siteRules: {},
    });
    expect((await loadSettings()).stripAds).toBe(false);
  });

  it('the real list is ordered, gap-free and ends at SETTINGS_VERSION', () => {
    MIGRATIONS.forEach((step, i) => expect(step.to).toBe(i + 2));
    expect(MIGRATIONS.at(-1)?.to ?? 1).toBe(SETTINGS_VERSION);
  });

  it('applies every newer step in order', () => {
    const { record, from, to } = migrate({ version: 1, theme: 'dark', stripAll: false }, history);
    expect([from, to]).toEqual([1, 3]);
    expect(record).toEqual({ version: 3, appearance: { theme: 'dark' }, stripAds: false, stripComments: false });
    expect(normalizeSettings(record).appearance.theme).toBe('dark');
  });

  it('treats a record without a version as version 1', () => {
    expect(migrate({ theme: 'sepia' }, history).record.appearance).toEqual({ theme: 'sepia' });
  });

  it('skips steps already applied', () => {
    const { record } = migrate({ version: 2, appearance: { theme: 'dark' }, stripAll: true }, history);
    expect(record).toEqual({ version: 3, appearance: { theme: 'dark' }, stripAds: true, stripComments: true });
  });

  it('leaves a record from a newer version alone', () => {
    const stored = { version: 9, stripAds: false, futureKey: 'x' };
    expect(migrate(stored, history)).toEqual({ record: stored, from: 9, to: 9 });
  });

  it('refuses a list with a gap', () => {
    expect(() => migrate({ version: 1 }, [{ to: 3, describe: 'gap', migrate: (r) => r }])).toThrow(/does not follow/);
  });

  it('migrateStoredSettings writes the migrated record and drops keys a step removed', async () => {
    sync.seed({ version: 1, theme: 'dark', stripAll: false });
    await migrateStoredSettings(history);
    expect(Object.fromEntries(sync.data)).toEqual({
      version: 3, appearance: { theme: 'dark' }, stripAds: false, stripComments: false,
    });
  });

  it('migrateStoredSettings stamps the version on a fresh install and then leaves storage alone', async () => {
    await migrateStoredSettings();
    expect(Object.fromEntries(sync.data)).toEqual({ version: SETTINGS_VERSION, autoMode: 'off', siteRules: {} });
    const set = vi.spyOn(sync, 'set');
    await migrateStoredSettings();
    expect(set).not.toHaveBeenCalled();
  });
});

describe('saveSettings', () => {
  it('writes only the fields given, merging appearance', async () => {
    sync.seed({ appearance: { ...DEFAULT_SETTINGS.appearance, font: 'sans' } });
    const next = await saveSettings({ appearance: { theme: 'dark' } });
    expect(next.appearance).toMatchObject({ theme: 'dark', font: 'sans' });
    expect(Object.keys(Object.fromEntries(sync.data))).toEqual(['appearance']);
    await saveSettings({ stripComments: false });
    expect(sync.data.get('stripComments')).toBe(false);
    expect(sync.data.has('stripAds')).toBe(false);
  });

  it('does not store an invalid value', async () => {
    await saveSettings({ appearance: { fontSize: -3 } });
    expect((sync.data.get('appearance') as Settings['appearance']).fontSize).toBe(DEFAULT_SETTINGS.appearance.fontSize);
  });
});

describe('auto mode and site rules', () => {
  it('keeps valid rules and drops bad hosts and values one by one', async () => {
    sync.seed({ autoMode: 'sometimes', siteRules: { 'News.Example.com': 'always', 'www.paper.example': 'never', 'not a host': 'always', 'x.example': 'maybe' } });
    const settings = await loadSettings();
    expect(settings.autoMode).toBe('off');
    expect(settings.siteRules).toEqual({ 'news.example.com': 'always', 'paper.example': 'never' });
  });

  it.each([null, 'always', 7, ['a.example']])('survives corrupt stored rules (%j)', async (siteRules) => {
    sync.seed({ autoMode: 'news', siteRules });
    expect(await loadSettings()).toMatchObject({ autoMode: 'news', siteRules: {} });
  });

  it('setSiteRule adds, changes and removes one rule, under the normalised host', async () => {
    expect(await setSiteRule('https://www.Paper.example/politics/', 'always')).toBe('paper.example');
    await setSiteRule('other.example', 'never');
    await setSiteRule('paper.example', 'never');
    expect(sync.data.get('siteRules')).toEqual({ 'paper.example': 'never', 'other.example': 'never' });
    await setSiteRule('paper.example', null);
    expect(sync.data.get('siteRules')).toEqual({ 'other.example': 'never' });
    await expect(setSiteRule('no host here', 'always')).rejects.toThrow(/not a host/);
  });

  it('refuses a rule past what fits in synced storage, and a full list fits its per-item quota', async () => {
    // storage.sync.QUOTA_BYTES_PER_ITEM is 8,192 bytes, counted as the key plus its JSON value.
    const fits = (rules: object) => 'siteRules'.length + JSON.stringify(rules).length <= 8192;
    const many = Object.fromEntries(Array.from({ length: MAX_SITE_RULES }, (_, i) => [`site${i}.example`, 'always']));
    sync.seed({ siteRules: many });
    await expect(setSiteRule('one-more.example', 'never')).rejects.toBeInstanceOf(TooManySiteRulesError);
    expect(fits(many)).toBe(true);
    await setSiteRule('site0.example', 'never');
    expect((sync.data.get('siteRules') as Record<string, string>)['site0.example']).toBe('never');
    // Long host names reach the byte limit before the count limit.
    sync.seed({ siteRules: {} });
    let added = 0;
    try {
      for (;;) await setSiteRule(`a-rather-long-site-name-number-${added++}.news.example.org`, 'always');
    } catch (error) {
      expect(error).toBeInstanceOf(TooManySiteRulesError);
    }
    expect(added).toBeLessThan(MAX_SITE_RULES);
    expect(fits(sync.data.get('siteRules') as object)).toBe(true);
  });
});

describe('watchSettings', () => {
  it('reports changes to our keys in sync storage until aborted', async () => {
    const seen: Settings[] = [];
    const controller = new AbortController();
    watchSettings((s) => seen.push(s), controller.signal);
    await sync.set({ stripAds: false });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.stripAds).toBe(false);

    await fakeBrowser.storage.local.set({ stripAds: true });
    await sync.set({ unrelated: 1 });
    controller.abort();
    await sync.set({ stripComments: false });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(1);
    expect(fakeBrowser.storage.onChanged.listeners.size).toBe(0);
  });

  it('delivers only the newest state when changes come quickly', async () => {
    const seen: Settings[] = [];
    watchSettings((s) => seen.push(s));
    await Promise.all([sync.set({ appearance: { theme: 'dark' } }), sync.set({ appearance: { theme: 'sepia' } })]);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.appearance.theme).toBe('sepia');
  });
});
