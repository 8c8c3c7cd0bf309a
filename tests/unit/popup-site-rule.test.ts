// @vitest-environment jsdom
/**
 * The popup's "Auto reader mode on this site" control (src/popup/site-rule.ts) in the fieldset of the real
 * popup.html, against the fake browser: which rule it shows and under which host, one-click changes, and the access
 * request that "Always" makes in the change handler itself.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountSiteRuleControl, siteRuleView, webHost } from '../../src/popup/site-rule.js';
import { loadSettings } from '../../src/shared/settings.js';
import { fakeBrowser, resetFakeBrowser } from './fake-browser.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const HTML = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/popup/popup.html'), 'utf8');
const { permissions, storage } = fakeBrowser;

function fieldset(): HTMLElement {
  const parsed = new DOMParser().parseFromString(HTML, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  const root = document.querySelector<HTMLElement>('#site-rule');
  if (!root) throw new Error('popup.html lacks #site-rule');
  return root;
}

const radio = (value: string): HTMLInputElement => {
  const node = document.querySelector<HTMLInputElement>(`input[name="site-rule"][value="${value}"]`);
  if (!node) throw new Error(`no radio ${value}`);
  return node;
};
const checked = (): string | undefined => document.querySelector<HTMLInputElement>('input[name="site-rule"]:checked')?.value;
const hostLine = (): string => document.querySelector('[data-cp="site-rule-host"]')?.textContent ?? '';
const errorLine = (): string => document.querySelector('[data-cp="site-rule-error"]')?.textContent ?? '';

async function mount(pageHost: string, allSites = false): Promise<HTMLElement> {
  const root = fieldset();
  expect(root.hidden, 'hidden until mounted').toBe(true);
  mountSiteRuleControl(root, { pageHost, settings: await loadSettings(), allSites: () => allSites });
  return root;
}

beforeEach(() => {
  resetFakeBrowser();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('siteRuleView and webHost', () => {
  it('shows the most specific rule and where it is stored, else Default for the page host', () => {
    expect(siteRuleView('www.example.com', {})).toEqual({ host: 'example.com', choice: 'default' });
    expect(siteRuleView('news.example.com', { 'example.com': 'never' })).toEqual({ host: 'example.com', choice: 'never' });
    expect(siteRuleView('news.example.com', { 'example.com': 'never', 'news.example.com': 'always' }))
      .toEqual({ host: 'news.example.com', choice: 'always' });
    expect(siteRuleView('127.0.0.1', {})).toEqual({ host: '127.0.0.1', choice: 'default' });
  });

  it('only web pages have a host for rules', () => {
    expect(webHost('https://www.example.com/a')).toBe('www.example.com');
    expect(webHost('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(webHost('file:///tmp/a.html')).toBeNull();
    expect(webHost('chrome://extensions/')).toBeNull();
    expect(webHost(undefined)).toBeNull();
  });
});

describe('the popup control', () => {
  it('appears with the current rule and the host it is stored under', async () => {
    storage.sync.seed({ version: 2, siteRules: { 'example.com': 'never' } });
    const root = await mount('news.example.com');
    expect(root.hidden).toBe(false);
    expect(checked()).toBe('never');
    expect(hostLine()).toBe('Rule for example.com');
  });

  it('"Never" and "Default" save in one click each, without asking for access', async () => {
    await mount('www.example.com');
    expect(checked()).toBe('default');
    radio('never').click();
    await vi.waitFor(() => expect(storage.sync.data.get('siteRules')).toEqual({ 'example.com': 'never' }));
    radio('default').click();
    await vi.waitFor(() => expect(storage.sync.data.get('siteRules')).toEqual({}));
    expect(checked()).toBe('default');
    expect(permissions.requests).toEqual([]);
  });

  it('"Always" asks for access to the site in the change handler itself, then saves', async () => {
    await mount('www.example.com');
    radio('always').click();
    expect(permissions.requests).toEqual([{ origins: ['*://example.com/*', '*://*.example.com/*'] }]);
    await vi.waitFor(() => expect(storage.sync.data.get('siteRules')).toEqual({ 'example.com': 'always' }));
    expect(checked()).toBe('always');
  });

  it('"Always" refused: the previous choice comes back, nothing is saved, and it says why', async () => {
    storage.sync.seed({ version: 2, siteRules: { 'example.com': 'never' } });
    await mount('example.com');
    permissions.answer = false;
    radio('always').click();
    expect(permissions.requests).toHaveLength(1);
    await vi.waitFor(() => expect(errorLine()).toMatch(/did not get access to example\.com/));
    expect(checked()).toBe('never');
    expect(storage.sync.data.get('siteRules')).toEqual({ 'example.com': 'never' });
  });

  it('"Always" with access to all sites already: no request', async () => {
    await mount('example.com', true);
    radio('always').click();
    await vi.waitFor(() => expect(storage.sync.data.get('siteRules')).toEqual({ 'example.com': 'always' }));
    expect(permissions.requests).toEqual([]);
  });

  it('follows a rule changed elsewhere', async () => {
    await mount('example.com');
    await storage.sync.set({ siteRules: { 'example.com': 'always' } });
    await vi.waitFor(() => expect(checked()).toBe('always'));
  });

  it('stays hidden for a host rules cannot name', async () => {
    const root = fieldset();
    expect(mountSiteRuleControl(root, { pageHost: '', settings: await loadSettings(), allSites: () => false })).toBeNull();
    expect(root.hidden).toBe(true);
  });
});
