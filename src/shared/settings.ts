/**
 * User settings: one typed schema with defaults, a version and ordered migrations, kept in `storage.sync`
 * so they follow the user across browsers. Reading never fails: every field that is missing, unknown or
 * corrupt falls back to its default on its own, so one bad value cannot reset (or break) the rest.
 *
 * Layout in storage.sync: one key per top-level field (`stripAds`, `stripComments`, `appearance`, `autoMode`,
 * `siteRules`) plus `version`. Separate keys keep each item under sync's per-item quota (8 KB)
 * and let `storage.onChanged` say which part changed.
 */
import { browser } from './browser.js';
import { AUTO_MODES, MAX_SITE_RULES, normalizeHost, normalizeSiteRules, siteRulesFit, type AutoMode, type SiteRule } from './site-rules.js';

export { AUTO_MODES, MAX_SITE_RULES, type AutoMode, type SiteRule };

/**
 * Reader themes. `contrast` is black on white with strong links and rules (WCAG AAA); in forced-colors mode
 * (Windows high contrast) every theme gives way to the system colours (see src/reader/styles.ts).
 */
export const THEMES = ['system', 'light', 'sepia', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Font families the reader offers: `serif` is the bundled Literata, `legible` the bundled Atkinson Hyperlegible
 * (both shipped in the extension, src/reader/fonts.ts), `sans` the system's own sans-serif. Adding `legible` and
 * bundling Literata changed no stored value's meaning ("serif" is still a serif), so no migration.
 */
export const FONTS = ['serif', 'sans', 'legible'] as const;
export type FontFamily = (typeof FONTS)[number];

export const WIDTHS = ['narrow', 'medium', 'wide'] as const;
export type ContentWidth = (typeof WIDTHS)[number];

/** Text sizes (CSS px) the options page offers. Stored values outside [min, max] count as corrupt. */
export const FONT_SIZES = [15, 16, 17, 18, 19, 20, 22, 24, 26] as const;
export const LINE_HEIGHTS = [1.4, 1.5, 1.6, 1.7, 1.8, 2] as const;
const FONT_SIZE_RANGE = { min: 12, max: 32 };
const LINE_HEIGHT_RANGE = { min: 1.1, max: 2.5 };

export interface Appearance {
  theme: Theme;
  font: FontFamily;
  /** Body text size in CSS pixels. */
  fontSize: number;
  width: ContentWidth;
  /** Unitless CSS line-height of the body text. */
  lineHeight: number;
}

export interface Settings {
  /** Strip ads, sponsored blocks and promotions before extraction. */
  stripAds: boolean;
  /** Strip comment sections before extraction. */
  stripComments: boolean;
  appearance: Appearance;
  /** Auto reader mode; off until the user turns it on (and grants host access). */
  autoMode: AutoMode;
  /** Per-site rules for auto mode, by host name without `www.` (see site-rules.ts). */
  siteRules: Record<string, SiteRule>;
}

/** The schema version this code writes. Raise it together with a new entry in MIGRATIONS. */
export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  stripAds: true,
  stripComments: true,
  appearance: Object.freeze({ theme: 'system', font: 'serif', fontSize: 19, width: 'medium', lineHeight: 1.6 }),
  autoMode: 'off',
  siteRules: Object.freeze({}) as Record<string, SiteRule>,
});

/** The top-level keys we own in storage.sync. */
export const SETTINGS_KEYS = ['stripAds', 'stripComments', 'appearance', 'autoMode', 'siteRules'] as const satisfies readonly (keyof Settings)[];
const VERSION_KEY = 'version';

/** What storage.sync holds, before validation. */
export type StoredRecord = Record<string, unknown>;

/** One step of the stored layout, from version `to - 1` to `to`. Pure: takes and returns the raw record. */
export interface Migration {
  to: number;
  describe: string;
  migrate(stored: StoredRecord): StoredRecord;
}

/**
 * Ordered migrations; a change of layout adds the next `{ to: N, ... }` here and raises SETTINGS_VERSION.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    describe: 'auto reader mode and site rules: off and none for everyone who had version 1, written out so that a ' +
      'browser still on version 1 syncing the record cannot mistake the new keys for corrupt ones',
    migrate: (stored) => ({ ...stored, autoMode: stored.autoMode ?? 'off', siteRules: stored.siteRules ?? {} }),
  },
];

// ---------------------------------------------------------------------------------------------------------
// Validation, field by field

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function inRange(range: { min: number; max: number }, value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max ? value : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function normalizeAppearance(value: unknown): Appearance {
  const d = DEFAULT_SETTINGS.appearance;
  const raw = isRecord(value) ? value : {};
  return {
    theme: oneOf(THEMES, raw.theme, d.theme),
    font: oneOf(FONTS, raw.font, d.font),
    fontSize: inRange(FONT_SIZE_RANGE, raw.fontSize, d.fontSize),
    width: oneOf(WIDTHS, raw.width, d.width),
    lineHeight: inRange(LINE_HEIGHT_RANGE, raw.lineHeight, d.lineHeight),
  };
}

/** Settings from a raw stored record: each field validated on its own, defaults for the rest. */
export function normalizeSettings(stored: StoredRecord): Settings {
  return {
    stripAds: bool(stored.stripAds, DEFAULT_SETTINGS.stripAds),
    stripComments: bool(stored.stripComments, DEFAULT_SETTINGS.stripComments),
    appearance: normalizeAppearance(stored.appearance),
    autoMode: oneOf(AUTO_MODES, stored.autoMode, DEFAULT_SETTINGS.autoMode),
    siteRules: normalizeSiteRules(stored.siteRules),
  };
}

/**
 * The stored schema version. A record without one was written by version 1, which only wrote `version`
 * on install; an unreadable one is treated the same way.
 */
export function storedVersion(stored: StoredRecord): number {
  const v = stored[VERSION_KEY];
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/**
 * Applies, in order, every migration newer than the stored version. A record from a newer version of the
 * extension (synced from another browser) is left alone: normalizeSettings keeps what it understands.
 */
export function migrate(
  stored: StoredRecord,
  migrations: readonly Migration[] = MIGRATIONS,
): { record: StoredRecord; from: number; to: number } {
  const from = storedVersion(stored);
  let record: StoredRecord = { ...stored };
  let version = from;
  for (const step of migrations) {
    if (step.to <= version) continue;
    if (step.to !== version + 1) throw new Error(`settings: migration to ${step.to} does not follow version ${version}`);
    record = step.migrate(record);
    version = step.to;
  }
  record[VERSION_KEY] = version;
  return { record, from, to: version };
}

// ---------------------------------------------------------------------------------------------------------
// Storage

async function readStored(): Promise<StoredRecord> {
  const stored: unknown = await browser.storage.sync.get(null);
  return isRecord(stored) ? stored : {};
}

/** The current settings. Never throws on bad stored data; falls back to defaults if storage is unavailable. */
export async function loadSettings(): Promise<Settings> {
  try {
    return normalizeSettings(migrate(await readStored()).record);
  } catch {
    return structuredClone(DEFAULT_SETTINGS) as Settings;
  }
}

/**
 * Brings storage.sync up to SETTINGS_VERSION (the background calls this on install and update).
 * Writes only when something changed; keys a migration dropped are removed.
 */
export async function migrateStoredSettings(migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  const stored = await readStored();
  const { record, from, to } = migrate(stored, migrations);
  if (from === to && stored[VERSION_KEY] === to) return;
  const dropped = Object.keys(stored).filter((key) => !(key in record));
  if (dropped.length) await browser.storage.sync.remove(dropped);
  await browser.storage.sync.set(record);
}

export type SettingsPatch = Partial<Omit<Settings, 'appearance'>> & { appearance?: Partial<Appearance> };

/** Saves the given fields (appearance fields are merged into the stored appearance). Returns the result. */
export async function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const current = await loadSettings();
  const next = normalizeSettings({ ...current, ...patch, appearance: { ...current.appearance, ...patch.appearance } });
  const write: StoredRecord = {};
  if (patch.stripAds !== undefined) write.stripAds = next.stripAds;
  if (patch.stripComments !== undefined) write.stripComments = next.stripComments;
  if (patch.appearance !== undefined) write.appearance = next.appearance;
  if (patch.autoMode !== undefined) write.autoMode = next.autoMode;
  if (patch.siteRules !== undefined) write.siteRules = next.siteRules;
  await browser.storage.sync.set(write);
  return next;
}

/** Too many site rules for storage.sync's per-item quota (see site-rules.ts). */
export class TooManySiteRulesError extends Error {
  constructor() {
    super(`at most ${MAX_SITE_RULES} site rules fit in synced storage`);
    this.name = 'TooManySiteRulesError';
  }
}

/**
 * Sets (or with `null` removes) the rule for one site, read-modify-write on the stored rules. `host` may be
 * anything normalizeHost takes; returns the host it was stored under. Throws on a host that is not one, and
 * on a new rule that would not fit in synced storage.
 */
export async function setSiteRule(host: string, rule: SiteRule | null): Promise<string> {
  const key = normalizeHost(host);
  if (!key) throw new Error(`not a host name: ${host}`);
  const rules = { ...(await loadSettings()).siteRules };
  if (rule === null) delete rules[key];
  else {
    rules[key] = rule;
    if (!siteRulesFit(rules)) throw new TooManySiteRulesError();
  }
  await saveSettings({ siteRules: rules });
  return key;
}

/**
 * Calls `callback` with the new settings whenever one of ours changes in storage.sync (in this or any
 * other extension context). Stops when `signal` aborts, or when the returned function is called.
 */
export function watchSettings(callback: (settings: Settings) => void, signal?: AbortSignal): () => void {
  const ours = new Set<string>([...SETTINGS_KEYS, VERSION_KEY]);
  // Reads are async: when changes come quickly, deliver only the newest read, never an older one after it.
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'sync' || !Object.keys(changes).some((key) => ours.has(key))) return;
    const seq = ++latest;
    void loadSettings().then((settings) => {
      if (!signal?.aborted && seq === latest) callback(settings);
    });
  };
  const stop = (): void => browser.storage.onChanged.removeListener(listener);
  if (signal?.aborted) return stop;
  browser.storage.onChanged.addListener(listener);
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}
