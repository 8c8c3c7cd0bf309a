/** Per-site keep rules in storage.local: typed, validated, capped, and safe against corrupt values. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addKeepRule, KEEP_RULES_KEY, keepRuleSite, loadKeepRules, MAX_KEEP_RULE_SITES, MAX_KEEP_RULES_PER_SITE,
  normalizeKeepRules, removeKeepRule, watchKeepRules,
} from '../../src/shared/keep-rules.js';
import { fakeBrowser, resetFakeBrowser } from './fake-browser.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const promo = { selector: 'div.itw-article-bottom', fingerprint: '058f2fdb' };
const box = { selector: 'div#newsletter-box', fingerprint: '0badc0de' };
const stored = () => fakeBrowser.storage.local.data.get(KEEP_RULES_KEY);

beforeEach(() => resetFakeBrowser());

describe('keepRuleSite', () => {
  it('is the host without www., and null for pages that are not web pages', () => {
    expect(keepRuleSite('https://www.itwire.com/security/a.html')).toBe('itwire.com');
    expect(keepRuleSite('http://News.Example.org/x')).toBe('news.example.org');
    expect(keepRuleSite('file:///home/a.html')).toBeNull();
    expect(keepRuleSite('not a url')).toBeNull();
  });
});

describe('normalizeKeepRules', () => {
  it('falls back to no rules for corrupt values and drops bad entries one by one', () => {
    for (const value of [undefined, null, 'x', 42, [promo]]) expect(normalizeKeepRules(value)).toEqual({});
    expect(normalizeKeepRules({
      'www.itwire.com': [promo, promo, { selector: '', fingerprint: '058f2fdb' }, { selector: 'div', fingerprint: 'not-hex' }, 'div', null],
      'not a host': [box],
      'example.org': 'div#x',
    })).toEqual({ 'itwire.com': [promo] });
  });

  it('keeps at most the capped number of rules per site and of sites', () => {
    const many = Array.from({ length: MAX_KEEP_RULES_PER_SITE + 5 }, (_, i) => ({ selector: `div.b${'x'.repeat(i)}`, fingerprint: '00000000' }));
    expect(normalizeKeepRules({ 'a.com': many })['a.com']).toHaveLength(MAX_KEEP_RULES_PER_SITE);
    const sites = Object.fromEntries(Array.from({ length: MAX_KEEP_RULE_SITES + 3 }, (_, i) => [`s${i}.com`, [promo]]));
    expect(Object.keys(normalizeKeepRules(sites))).toHaveLength(MAX_KEEP_RULE_SITES);
  });
});

describe('storage', () => {
  it('adds, lists and removes a site\'s rules, storing only selector and fingerprint', async () => {
    await addKeepRule('itwire.com', { ...promo, text: 'Hilton Brisbane' } as typeof promo);
    await addKeepRule('itwire.com', promo);
    await addKeepRule('itwire.com', box);
    expect(await loadKeepRules('itwire.com')).toEqual([promo, box]);
    expect(await loadKeepRules('example.org')).toEqual([]);
    expect(JSON.stringify(stored())).not.toContain('Hilton');
    await removeKeepRule('itwire.com', promo);
    expect(await loadKeepRules('itwire.com')).toEqual([box]);
    await removeKeepRule('itwire.com', box);
    expect(stored()).toEqual({});
  });

  it('drops the oldest rule of a full site and the first site when too many sites have rules', async () => {
    fakeBrowser.storage.local.data.set(KEEP_RULES_KEY, {
      'full.com': Array.from({ length: MAX_KEEP_RULES_PER_SITE }, (_, i) => ({ selector: `div.r${'x'.repeat(i)}`, fingerprint: '00000000' })),
    });
    await addKeepRule('full.com', promo);
    const rules = await loadKeepRules('full.com');
    expect(rules).toHaveLength(MAX_KEEP_RULES_PER_SITE);
    expect(rules.at(-1)).toEqual(promo);
    expect(rules[0]?.selector).toBe('div.rx');

    fakeBrowser.storage.local.data.set(KEEP_RULES_KEY, Object.fromEntries(Array.from({ length: MAX_KEEP_RULE_SITES }, (_, i) => [`s${i}.com`, [box]])));
    await addKeepRule('new.com', promo);
    expect(await loadKeepRules('new.com')).toEqual([promo]);
    expect(await loadKeepRules('s0.com')).toEqual([]);
    expect(Object.keys(stored() as object)).toHaveLength(MAX_KEEP_RULE_SITES);
  });

  it('reads no rules when storage is unavailable or the value is corrupt, and refuses to store a malformed rule', async () => {
    fakeBrowser.storage.local.data.set(KEEP_RULES_KEY, 'garbage');
    expect(await loadKeepRules('itwire.com')).toEqual([]);
    await expect(addKeepRule('itwire.com', { selector: 'div', fingerprint: 'xyz' })).rejects.toThrow();
    fakeBrowser.storage.local.failing = true;
    expect(await loadKeepRules('itwire.com')).toEqual([]);
    await expect(addKeepRule('itwire.com', promo)).rejects.toThrow();
  });

  it('tells a watcher the site\'s new rules until its signal aborts', async () => {
    const seen: unknown[] = [];
    const controller = new AbortController();
    watchKeepRules('itwire.com', (rules) => seen.push(rules), controller.signal);
    await addKeepRule('itwire.com', promo);
    await vi.waitFor(() => expect(seen).toEqual([[promo]]));
    controller.abort();
    await addKeepRule('itwire.com', box);
    await loadKeepRules('itwire.com'); // lets any pending read settle
    expect(seen).toEqual([[promo]]);
    expect(fakeBrowser.storage.onChanged.listeners.size).toBe(0);
  });
});
