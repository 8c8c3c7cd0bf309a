/** Auto mode in the background: the detector's registration follows settings and access; the open decision. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './fake-browser.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const { handleAutoCheck, rememberClosed, syncDetectorRegistration } = await import('../../src/background/auto-mode.js');
const { DETECTOR_ID } = await import('../../src/shared/auto-access.js');

interface Registered { id: string; matches?: string[]; excludeMatches?: string[]; js?: string[] }

/** The extension APIs auto mode uses beyond the shared fake: host permissions, scripting, session storage, tabs. */
const granted = new Set<string>();
const registered = new Map<string, Registered>();
const calls: string[] = [];
const session = new Map<string, unknown>();
const extra = {
  permissions: {
    async contains({ origins }: { origins: string[] }) {
      return origins.every((o) => granted.has(o) || granted.has('<all_urls>'));
    },
  },
  scripting: {
    async getRegisteredContentScripts({ ids }: { ids: string[] }) {
      return ids.flatMap((id) => (registered.has(id) ? [structuredClone(registered.get(id) as Registered)] : []));
    },
    async registerContentScripts(scripts: Registered[]) {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`duplicate script id ${s.id}`);
        registered.set(s.id, structuredClone(s));
        calls.push(`register ${s.id}`);
      }
    },
    async unregisterContentScripts({ ids }: { ids: string[] }) {
      for (const id of ids) registered.delete(id);
      calls.push(`unregister ${ids.join(',')}`);
    },
    async executeScript({ target, files }: { target: { tabId: number }; files: string[] }) {
      calls.push(`inject ${files.join(',')} into ${target.tabId}`);
    },
  },
  tabs: {
    async sendMessage(tabId: number, message: { type: string }) {
      calls.push(`send ${message.type} to ${tabId}`);
      return { ok: true, open: message.type !== 'close-reader' && message.type !== 'auto-close' };
    },
  },
};
const session_ = {
  async get(key: string) {
    return session.has(key) ? { [key]: structuredClone(session.get(key)) } : {};
  },
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) session.set(k, structuredClone(v));
  },
  async remove(key: string) {
    session.delete(key);
  },
};
Object.assign(fakeBrowser, extra);
Object.assign(fakeBrowser.storage, { session: session_ });

beforeEach(() => {
  resetFakeBrowser();
  Object.assign(fakeBrowser, extra);
  granted.clear();
  registered.clear();
  session.clear();
  calls.length = 0;
});

const sync = fakeBrowser.storage.sync;

describe('syncDetectorRegistration', () => {
  it('registers nothing while auto mode is off, so nothing is injected into any page', async () => {
    granted.add('<all_urls>');
    await syncDetectorRegistration();
    expect(registered.size).toBe(0);
  });

  it('registers nothing in news mode until the user granted access to all sites', async () => {
    sync.seed({ autoMode: 'news' });
    await syncDetectorRegistration();
    expect(registered.size).toBe(0);
    granted.add('<all_urls>');
    await syncDetectorRegistration();
    expect(registered.get(DETECTOR_ID)).toMatchObject({ js: ['detector.js'], matches: ['http://*/*', 'https://*/*'] });
  });

  it('keeps "never" sites out of the registration, and re-registers only when that changes', async () => {
    granted.add('<all_urls>');
    sync.seed({ autoMode: 'news', siteRules: { 'paper.example': 'never', 'blog.example': 'always' } });
    await syncDetectorRegistration();
    expect(registered.get(DETECTOR_ID)?.excludeMatches).toEqual(['*://*.paper.example/*', '*://paper.example/*']);
    await syncDetectorRegistration();
    expect(calls).toEqual([`register ${DETECTOR_ID}`]);
    sync.seed({ autoMode: 'news', siteRules: {} });
    await syncDetectorRegistration();
    expect(registered.get(DETECTOR_ID)?.excludeMatches).toBeUndefined();
  });

  it('runs only on "always" sites the user gave access to when auto mode is off', async () => {
    sync.seed({ autoMode: 'off', siteRules: { 'paper.example': 'always', 'other.example': 'always' } });
    granted.add('*://paper.example/*').add('*://*.paper.example/*');
    await syncDetectorRegistration();
    expect(registered.get(DETECTOR_ID)?.matches).toEqual(['*://*.paper.example/*', '*://paper.example/*']);
  });

  it('unregisters when auto mode is turned off', async () => {
    granted.add('<all_urls>');
    sync.seed({ autoMode: 'news' });
    await syncDetectorRegistration();
    sync.seed({ autoMode: 'off' });
    await syncDetectorRegistration();
    expect(registered.size).toBe(0);
  });
});

describe('handleAutoCheck', () => {
  const report = { type: 'auto-check', url: 'https://paper.example/2024/05/03/bridge', navigation: 'navigate', isArticle: true, isNewsArticle: true } as const;

  it('injects the reader bundle and opens the reader on a news article', async () => {
    sync.seed({ autoMode: 'news' });
    expect(await handleAutoCheck(report, 4)).toEqual({ open: true, reason: 'news-article' });
    expect(calls).toEqual(['inject content.js into 4', 'send auto-open to 4']);
  });

  it('does not open where the user closed the reader in that tab (a reload), but does in another tab', async () => {
    sync.seed({ autoMode: 'news' });
    await rememberClosed(4, `${report.url}#comments`);
    expect(await handleAutoCheck({ ...report, navigation: 'reload' }, 4)).toMatchObject({ open: false, reason: 'dismissed' });
    expect(await handleAutoCheck(report, 5)).toMatchObject({ open: true });
  });

  it('does not open on back/forward or on a "never" site', async () => {
    sync.seed({ autoMode: 'news', siteRules: { 'paper.example': 'never' } });
    expect(await handleAutoCheck(report, 4)).toMatchObject({ open: false, reason: 'rule-never' });
    sync.seed({ autoMode: 'news', siteRules: {} });
    expect(await handleAutoCheck({ ...report, navigation: 'back_forward' }, 4)).toMatchObject({ open: false, reason: 'back-forward' });
    expect(calls.filter((c) => c.startsWith('inject'))).toEqual([]);
  });

  it('closes an open reader when a single-page site moves on to a page that is no article', async () => {
    sync.seed({ autoMode: 'news' });
    await handleAutoCheck({ ...report, navigation: 'history', isArticle: false, isNewsArticle: false }, 4);
    expect(calls).toEqual(['send auto-close to 4']);
  });
});
