// @vitest-environment jsdom
/**
 * The options page as built from src/options/options.html and options.ts, against the in-memory fake browser: the site
 * rule list (render, add, remove, bad input, the quota, access for "always" rules), auto reader mode with its
 * permission request and status line, the appearance preview and "Change shortcut".
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SITE_RULES } from '../../src/shared/site-rules.js';
import { fakeBrowser, resetFakeBrowser } from './fake-browser.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const HTML = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../src/options/options.html'), 'utf8');
const { permissions, storage, commands, tabs } = fakeBrowser;
const ALL = '<all_urls>';

function el<T extends HTMLElement>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`no ${selector}`);
  return node;
}

/** A fresh options page: the real HTML, then the entry module evaluated again (it runs main() on import). */
async function openOptions(): Promise<void> {
  const parsed = new DOMParser().parseFromString(HTML, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  vi.resetModules();
  await import('../../src/options/options.js');
  // main() has finished once the access line has its text and the size select its options.
  await vi.waitFor(() => {
    expect(el('#access-text').textContent).not.toBe('');
    expect(el<HTMLSelectElement>('#font-size').options.length).toBeGreaterThan(0);
  });
}

const rows = (): { host: string; rule: string; button: string | null }[] =>
  Array.from(document.querySelectorAll('#rules-body tr')).map((tr) => ({
    host: tr.querySelector('th')?.textContent ?? '',
    rule: tr.querySelector('.rule-kind')?.textContent ?? '',
    button: tr.querySelector('button')?.getAttribute('aria-label') ?? null,
  }));

const storedRules = (): unknown => storage.sync.data.get('siteRules');

function addRule(host: string, rule: 'always' | 'never'): void {
  el<HTMLInputElement>('#rule-host').value = host;
  el<HTMLSelectElement>('#rule-kind').value = rule;
  el<HTMLButtonElement>('#rule-add').click();
}

beforeEach(() => {
  resetFakeBrowser();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('site rules', () => {
  it('shows the empty state without rules, and a sorted table with named Remove buttons with them', async () => {
    await openOptions();
    expect(el('#rules-empty').hidden).toBe(false);
    expect(el('#rules-table').hidden).toBe(true);

    storage.sync.seed({ version: 2, siteRules: { 'zeit.de': 'never', 'example.com': 'always' } });
    await openOptions();
    expect(el('#rules-empty').hidden).toBe(true);
    expect(el('#rules-table').hidden).toBe(false);
    expect(rows()).toEqual([
      { host: 'example.com', rule: 'Always', button: 'Remove rule for example.com' },
      { host: 'zeit.de', rule: 'Never', button: 'Remove rule for zeit.de' },
    ]);
  });

  it('adds a "never" rule from a pasted address, under its host, without asking for access', async () => {
    await openOptions();
    addRule('https://www.Example.com/news/2024/story.html?x=1', 'never');
    await vi.waitFor(() => expect(rows().map((r) => r.host)).toEqual(['example.com']));
    expect(storedRules()).toEqual({ 'example.com': 'never' });
    expect(permissions.requests).toEqual([]);
    expect(el<HTMLInputElement>('#rule-host').value).toBe('');
    expect(el('#rule-error').textContent).toBe('');
  });

  it('refuses what is not a host, inline and without saving', async () => {
    await openOptions();
    for (const bad of ['not a host', 'file:///home/me/page.html', '']) {
      addRule(bad, 'never');
      expect(el('#rule-error').textContent, bad).toMatch(bad ? /not a site name/i : /enter a site/i);
      expect(el('#rule-host').getAttribute('aria-invalid')).toBe('true');
    }
    await Promise.resolve();
    expect(storedRules()).toBeUndefined();
    // Typing again clears the error.
    el<HTMLInputElement>('#rule-host').dispatchEvent(new Event('input'));
    expect(el('#rule-error').textContent).toBe('');
    expect(el('#rule-host').hasAttribute('aria-invalid')).toBe(false);
  });

  it('says when the list is full, before asking for any access', async () => {
    const full = Object.fromEntries(Array.from({ length: MAX_SITE_RULES }, (_, i) => [`site${i}.example`, 'never']));
    storage.sync.seed({ version: 2, siteRules: full });
    await openOptions();
    addRule('one-more.example', 'always');
    expect(el('#rule-error').textContent).toContain(String(MAX_SITE_RULES));
    expect(permissions.requests).toEqual([]);
    await Promise.resolve();
    expect(Object.keys(storedRules() as object)).toHaveLength(MAX_SITE_RULES);
  });

  it('asks for access to the site in the submit handler itself for an "always" rule while auto mode is off', async () => {
    await openOptions();
    addRule('news.example.org', 'always');
    // Recorded synchronously by the click: no await happened between the user's action and the request.
    expect(permissions.requests).toEqual([{ origins: ['*://news.example.org/*', '*://*.news.example.org/*'] }]);
    await vi.waitFor(() => expect(storedRules()).toEqual({ 'news.example.org': 'always' }));
    expect(rows()).toEqual([{ host: 'news.example.org', rule: 'Always', button: 'Remove rule for news.example.org' }]);
  });

  it('keeps nothing and says why when the user refuses access for an "always" rule', async () => {
    await openOptions();
    permissions.answer = false;
    addRule('example.com', 'always');
    expect(permissions.requests).toHaveLength(1);
    await vi.waitFor(() => expect(el('#rule-error').textContent).toMatch(/did not get access to example\.com/));
    expect(storedRules()).toBeUndefined();
    expect(rows()).toEqual([]);
    expect(el<HTMLInputElement>('#rule-host').value, 'the input is kept to try again').toBe('example.com');
  });

  it('asks nothing for an "always" rule while auto mode is on with access to all sites', async () => {
    storage.sync.seed({ version: 2, autoMode: 'news' });
    permissions.seed([ALL]);
    await openOptions();
    addRule('example.com', 'always');
    await vi.waitFor(() => expect(storedRules()).toEqual({ 'example.com': 'always' }));
    expect(permissions.requests).toEqual([]);
  });

  it('removes a rule with its button and moves focus to the next row', async () => {
    storage.sync.seed({ version: 2, siteRules: { 'a.example': 'never', 'b.example': 'always', 'c.example': 'never' } });
    await openOptions();
    const button = el<HTMLButtonElement>('#rules-body tr[data-host="b.example"] button');
    button.focus();
    button.click();
    await vi.waitFor(() => expect(rows().map((r) => r.host)).toEqual(['a.example', 'c.example']));
    expect(storedRules()).toEqual({ 'a.example': 'never', 'c.example': 'never' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove rule for c.example');
  });

  it('follows rules changed elsewhere, keeping the rows that stay (and their focus)', async () => {
    storage.sync.seed({ version: 2, siteRules: { 'b.example': 'never' } });
    await openOptions();
    const kept = el<HTMLButtonElement>('#rules-body tr[data-host="b.example"] button');
    kept.focus();
    await storage.sync.set({ siteRules: { 'a.example': 'always', 'b.example': 'always' } });
    await vi.waitFor(() => expect(rows().map((r) => `${r.host}:${r.rule}`)).toEqual(['a.example:Always', 'b.example:Always']));
    expect(el('#rules-body tr[data-host="b.example"] button')).toBe(kept);
    expect(document.activeElement).toBe(kept);
  });
});

describe('auto reader mode', () => {
  const news = (): HTMLInputElement => el<HTMLInputElement>('#auto-news');
  const off = (): HTMLInputElement => el<HTMLInputElement>('#auto-off');

  it('starts off, saying Clearpage has no access', async () => {
    await openOptions();
    expect(off().checked).toBe(true);
    expect(el('#access').dataset.access).toBe('none');
    expect(el('#access-text').textContent).toMatch(/no access/i);
    expect(el('#grant-access').hidden).toBe(true);
  });

  it('turning it on asks for all sites in the click itself, then saves "news"', async () => {
    await openOptions();
    news().click();
    expect(permissions.requests).toEqual([{ origins: [ALL] }]);
    await vi.waitFor(() => expect(storage.sync.data.get('autoMode')).toBe('news'));
    await vi.waitFor(() => expect(el('#access').dataset.access).toBe('granted'));
    expect(news().checked).toBe(true);
    expect(el('#access-text').textContent).toMatch(/access to all sites/i);
  });

  it('refused: back to Off, nothing saved, and the status region says so', async () => {
    await openOptions();
    permissions.answer = false;
    news().click();
    expect(permissions.requests).toHaveLength(1);
    await vi.waitFor(() => expect(off().checked).toBe(true));
    await vi.waitFor(() => expect(el('#status').textContent).toMatch(/not granted/i));
    expect(storage.sync.data.get('autoMode')).toBeUndefined();
    expect(el('#access').dataset.access).toBe('none');
  });

  it('turning it off saves "off" and gives the access back', async () => {
    storage.sync.seed({ version: 2, autoMode: 'news' });
    permissions.seed([ALL]);
    await openOptions();
    expect(news().checked).toBe(true);
    off().click();
    await vi.waitFor(() => expect(storage.sync.data.get('autoMode')).toBe('off'));
    await vi.waitFor(() => expect(permissions.granted.has(ALL)).toBe(false));
    await vi.waitFor(() => expect(el('#access').dataset.access).toBe('none'));
    expect(permissions.requests).toEqual([]);
  });

  it('access removed in the browser while on: says so and offers "Grant access", which asks in its click', async () => {
    storage.sync.seed({ version: 2, autoMode: 'news' });
    permissions.seed([ALL]);
    await openOptions();
    expect(el('#access').dataset.access).toBe('granted');

    await permissions.remove({ origins: [ALL] });
    await vi.waitFor(() => expect(el('#access').dataset.access).toBe('missing'));
    expect(el('#access-text').textContent).toMatch(/no longer has access/i);
    const grant = el<HTMLButtonElement>('#grant-access');
    expect(grant.hidden).toBe(false);
    expect(news().checked, 'the mode stays as the user set it').toBe(true);

    grant.click();
    expect(permissions.requests).toEqual([{ origins: [ALL] }]);
    await vi.waitFor(() => expect(el('#access').dataset.access).toBe('granted'));
    expect(grant.hidden).toBe(true);
  });

  it('follows a mode change made elsewhere', async () => {
    await openOptions();
    await storage.sync.set({ autoMode: 'news' });
    await vi.waitFor(() => expect(news().checked).toBe(true));
    expect(el('#access').dataset.access).toBe('missing');
  });
});

describe('appearance preview', () => {
  it('shows the stored appearance and follows a select at once', async () => {
    storage.sync.seed({ version: 2, appearance: { theme: 'sepia', font: 'sans', fontSize: 22, width: 'wide', lineHeight: 1.8 } });
    await openOptions();
    const preview = el('#preview');
    expect(preview.dataset.theme).toBe('sepia');
    expect(preview.style.getPropertyValue('--preview-font-size')).toBe('22px');
    expect(preview.style.getPropertyValue('--preview-line-height')).toBe('1.8');
    expect(preview.style.getPropertyValue('--preview-width')).toBe('46em');
    expect(preview.style.getPropertyValue('--preview-font')).toMatch(/sans-serif$/);

    const theme = el<HTMLSelectElement>('#theme');
    theme.value = 'dark';
    theme.dispatchEvent(new Event('change'));
    // Synchronously, before the save: the preview does not wait for storage.
    expect(preview.dataset.theme).toBe('dark');
    const size = el<HTMLSelectElement>('#font-size');
    size.value = '16';
    size.dispatchEvent(new Event('change'));
    expect(preview.style.getPropertyValue('--preview-font-size')).toBe('16px');
    await vi.waitFor(() => expect(storage.sync.data.get('appearance')).toMatchObject({ theme: 'dark', fontSize: 16 }));
  });

  it('offers high contrast and the highly legible font, and saves them', async () => {
    await openOptions();
    const theme = el<HTMLSelectElement>('#theme');
    const font = el<HTMLSelectElement>('#font');
    expect(Array.from(theme.options, (o) => [o.value, o.textContent])).toContainEqual(['contrast', 'High contrast']);
    expect(Array.from(font.options, (o) => [o.value, o.textContent])).toContainEqual(['legible', 'Highly legible']);
    theme.value = 'contrast';
    theme.dispatchEvent(new Event('change'));
    font.value = 'legible';
    font.dispatchEvent(new Event('change'));
    const preview = el('#preview');
    expect(preview.dataset.theme).toBe('contrast');
    expect(preview.style.getPropertyValue('--preview-font')).toMatch(/^'Clearpage Atkinson Hyperlegible'/);
    await vi.waitFor(() => expect(storage.sync.data.get('appearance')).toMatchObject({ theme: 'contrast', font: 'legible' }));
  });
});

describe('keyboard shortcut', () => {
  it('shows the shortcut', async () => {
    await openOptions();
    await vi.waitFor(() => expect(el('#shortcut-text kbd').textContent).toBe('Alt+Shift+R'));
  });

  it('"Change shortcut" opens Firefox\'s shortcut settings where the API exists', async () => {
    const open = vi.fn(async () => undefined);
    commands.openShortcutSettings = open;
    await openOptions();
    el<HTMLButtonElement>('#change-shortcut').click();
    await vi.waitFor(() => expect(open).toHaveBeenCalledOnce());
    expect(tabs.created).toEqual([]);
  });

  it('"Change shortcut" opens chrome://extensions/shortcuts where it does not', async () => {
    await openOptions();
    el<HTMLButtonElement>('#change-shortcut').click();
    await vi.waitFor(() => expect(tabs.created).toEqual([{ url: 'chrome://extensions/shortcuts' }]));
  });
});
