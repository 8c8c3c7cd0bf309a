/**
 * An in-memory fake of the few `browser.*` APIs the extension uses, for unit tests. Tests swap it in for
 * webextension-polyfill (which refuses to load outside an extension):
 *
 *   vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));
 *
 * Storage areas behave like the real ones where it matters here: values are deep-copied in and out, and
 * every write fires `storage.onChanged` with { key: { oldValue, newValue } } and the area name.
 * `i18n.getMessage` reads the real English strings from public/_locales/en/messages.json.
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
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

export const fakeBrowser: FakeBrowser = createFakeBrowser();

/** Puts the fake back to a fresh state (call it in beforeEach). */
export function resetFakeBrowser(): void {
  const { storage, runtime } = fakeBrowser;
  storage.sync.data.clear();
  storage.sync.failing = false;
  storage.local.data.clear();
  storage.local.failing = false;
  storage.onChanged.listeners.clear();
  runtime.onMessage.listeners.clear();
  runtime.sent.length = 0;
}
