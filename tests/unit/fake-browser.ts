/**
 * An in-memory fake of the few `browser.*` APIs the extension uses, for unit tests. Tests swap it in for
 * webextension-polyfill (which refuses to load outside an extension):
 *
 *   vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));
 *
 * Storage areas behave like the real ones where it matters here: values are deep-copied in and out, and
 * every write fires `storage.onChanged` with { key: { oldValue, newValue } } and the area name.
 * `i18n.getMessage` reads the real English strings from public/_locales/en/messages.json.
 * `permissions` keeps a set of granted origins; `request` answers with `permissions.answer` and records each call
 * synchronously, so a test can check that a click handler asked before its first `await` (Firefox requires it).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Listener<A extends unknown[]> = (...args: A) => unknown;

export class FakeEvent<A extends unknown[]> {
  readonly listeners = new Set<Listener<A>>();
  addListener(listener: Listener<A>): void {
    this.listeners.add(listener);
  }
  removeListener(listener: Listener<A>): void {
    this.listeners.delete(listener);
  }
  hasListener(listener: Listener<A>): boolean {
    return this.listeners.has(listener);
  }
  /** Calls every listener; returns what they returned (for onMessage: the response promises). */
  emit(...args: A): unknown[] {
    return [...this.listeners].map((listener) => listener(...args));
  }
}

type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

class FakeStorageArea {
  data = new Map<string, unknown>();
  /** Set to make every call reject, as when storage is unavailable. */
  failing = false;

  constructor(private readonly area: string, private readonly onChanged: FakeEvent<[StorageChanges, string]>) {}

  private check(): void {
    if (this.failing) throw new Error(`storage.${this.area} is unavailable`);
  }

  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    this.check();
    const out: Record<string, unknown> = {};
    if (keys === null || keys === undefined) {
      for (const [key, value] of this.data) out[key] = structuredClone(value);
      return out;
    }
    const defaults = typeof keys === 'object' && !Array.isArray(keys) ? keys : {};
    const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    for (const key of names) {
      if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
      else if (key in defaults) out[key] = defaults[key];
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.check();
    const changes: StorageChanges = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: structuredClone(this.data.get(key)), newValue: structuredClone(value) };
      this.data.set(key, structuredClone(value));
    }
    this.onChanged.emit(changes, this.area);
  }

  async remove(keys: string | string[]): Promise<void> {
    this.check();
    const changes: StorageChanges = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: this.data.get(key) };
      this.data.delete(key);
    }
    if (Object.keys(changes).length) this.onChanged.emit(changes, this.area);
  }

  async clear(): Promise<void> {
    await this.remove([...this.data.keys()]);
  }

  /** Writes raw values without firing onChanged (to set up a test's starting state). */
  seed(items: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }
}

interface PermissionsArg {
  origins?: string[];
  permissions?: string[];
}

const ALL_URLS = '<all_urls>';

class FakePermissions {
  /** Granted origin patterns. `<all_urls>` covers every other pattern, as in the browsers. */
  readonly granted = new Set<string>();
  /** What the next `request` resolves to when it asks for something not yet granted (the user's answer). */
  answer = true;
  /** Every `request` call, in order, recorded the moment it is made. */
  readonly requests: PermissionsArg[] = [];
  readonly onAdded = new FakeEvent<[PermissionsArg]>();
  readonly onRemoved = new FakeEvent<[PermissionsArg]>();

  private covered(origin: string): boolean {
    return this.granted.has(origin) || this.granted.has(ALL_URLS);
  }

  async contains(p: PermissionsArg): Promise<boolean> {
    return (p.origins ?? []).every((origin) => this.covered(origin));
  }

  // Not async: the call is recorded synchronously, before the caller can reach an await.
  request(p: PermissionsArg): Promise<boolean> {
    this.requests.push(structuredClone(p));
    const missing = (p.origins ?? []).filter((origin) => !this.covered(origin));
    if (!missing.length) return Promise.resolve(true);
    if (!this.answer) return Promise.resolve(false);
    for (const origin of missing) this.granted.add(origin);
    this.onAdded.emit({ origins: missing, permissions: [] });
    return Promise.resolve(true);
  }

  async remove(p: PermissionsArg): Promise<boolean> {
    const removed = (p.origins ?? []).filter((origin) => this.granted.delete(origin));
    if (removed.length) this.onRemoved.emit({ origins: removed, permissions: [] });
    return removed.length > 0;
  }

  /** Grants origins without firing onAdded (a test's starting state). */
  seed(origins: string[]): void {
    for (const origin of origins) this.granted.add(origin);
  }

  reset(): void {
    this.granted.clear();
    this.answer = true;
    this.requests.length = 0;
    this.onAdded.listeners.clear();
    this.onRemoved.listeners.clear();
  }
}

// A path, not a URL object: under the jsdom environment the global URL is jsdom's, which fs rejects.
const MESSAGES_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../public/_locales/en/messages.json');
const messages = JSON.parse(readFileSync(MESSAGES_FILE, 'utf8')) as Record<string, { message: string }>;

/** chrome.i18n.getMessage: "$1" .. "$9" are substitutions; unknown keys give "". */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export const EXTENSION_ID = 'fake-extension-id';

function createFakeBrowser() {
  const onChanged = new FakeEvent<[StorageChanges, string]>();
  return {
    storage: {
      sync: new FakeStorageArea('sync', onChanged),
      local: new FakeStorageArea('local', onChanged),
      onChanged,
    },
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
      onMessage: new FakeEvent<[unknown, { id?: string; tab?: { id?: number } }]>(),
      /** Messages the code under test sent to the background. */
      sent: [] as unknown[],
      async sendMessage(message: unknown): Promise<void> {
        this.sent.push(message);
      },
    },
    i18n: {
      getMessage,
      getUILanguage: () => 'en',
    },
    permissions: new FakePermissions(),
    commands: {
      shortcut: 'Alt+Shift+R' as string | undefined,
      async getAll(): Promise<{ name: string; shortcut?: string }[]> {
        return [{ name: 'toggle-reader', ...(this.shortcut ? { shortcut: this.shortcut } : {}) }];
      },
      /** Firefox has it; Chrome does not. Tests set it to undefined to play Chrome. */
      openShortcutSettings: undefined as undefined | (() => Promise<void>),
    },
    tabs: createTabs(),
  };
}

function createTabs() {
  return {
    /** Tabs the code under test opened. */
    created: [] as { url?: string }[],
    async create(properties: { url?: string }): Promise<{ id: number; url?: string }> {
      this.created.push(structuredClone(properties));
      return { id: 1000 + this.created.length, ...properties };
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/**
 * One instance per test file, kept on globalThis: `vi.resetModules()` (used to evaluate an entry module again)
 * also evaluates this module again, and the code under test must still talk to the fake the test holds.
 */
const SINGLETON = Symbol.for('clearpage.fake-browser');
export const fakeBrowser: FakeBrowser = ((globalThis as Record<symbol, unknown>)[SINGLETON] as FakeBrowser | undefined) ??
  ((globalThis as Record<symbol, unknown>)[SINGLETON] = createFakeBrowser());

/** Puts the fake back to a fresh state (call it in beforeEach). */
export function resetFakeBrowser(): void {
  const { storage, runtime, commands } = fakeBrowser;
  storage.sync.data.clear();
  storage.sync.failing = false;
  storage.local.data.clear();
  storage.local.failing = false;
  storage.onChanged.listeners.clear();
  runtime.onMessage.listeners.clear();
  runtime.sent.length = 0;
  commands.shortcut = 'Alt+Shift+R';
  commands.openShortcutSettings = undefined;
  // A test file may swap in its own `permissions` or `tabs` (Object.assign); give the shared ones back, keeping
  // their identity when they are still ours so that references a test took stay valid.
  const permissions: Partial<FakePermissions> = fakeBrowser.permissions;
  if (typeof permissions.reset === 'function') permissions.reset();
  else fakeBrowser.permissions = new FakePermissions();
  const tabs: Partial<ReturnType<typeof createTabs>> = fakeBrowser.tabs;
  if (Array.isArray(tabs.created)) tabs.created.length = 0;
  else fakeBrowser.tabs = createTabs();
}
