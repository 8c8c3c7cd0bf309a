/**
 * Per-site keep rules: blocks the user chose to keep in the reader ("Keep this" on a stripped block), by host
 * name without `www.`. Kept in storage.local (they are many and small, and name blocks of pages this browser
 * visited, so they do not follow the user to other machines). A rule is a stable selector plus a text
 * fingerprint (core/transparency.ts): it stores no page text.
 *
 * Layout in storage.local: one key, `keepRules`, holding `{ [host]: KeepRule[] }`. Reading never fails: a corrupt
 * value or entry is dropped on its own, and unavailable storage reads as no rules.
 */
import type { KeepRule } from '../core/index.js';
import { browser } from './browser.js';
import { normalizeHost } from './site-rules.js';

export const KEEP_RULES_KEY = 'keepRules';
/** Rules per site: beyond this a user is rebuilding the site's layout, which is not what keep rules are for. */
export const MAX_KEEP_RULES_PER_SITE = 50;
/** Sites with rules: the oldest site goes when a new one would pass this, so the stored value stays small. */
export const MAX_KEEP_RULE_SITES = 200;
/** Stable selectors are short (tag, id or three classes, one parent); anything longer is not ours. */
const MAX_SELECTOR_CHARS = 300;
const FINGERPRINT = /^[0-9a-f]{8}$/;

export type KeepRulesBySite = Record<string, KeepRule[]>;

/** The host a page's rules are kept under ("https://www.example.com/a" -> "example.com"), or null. */
export function keepRuleSite(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? normalizeHost(hostname) : null;
  } catch {
    return null;
  }
}

function isKeepRule(value: unknown): value is KeepRule {
  if (typeof value !== 'object' || value === null) return false;
  const { selector, fingerprint } = value as Record<string, unknown>;
  return typeof selector === 'string' && selector.length > 0 && selector.length <= MAX_SELECTOR_CHARS
    && typeof fingerprint === 'string' && FINGERPRINT.test(fingerprint);
}

const sameRule = (a: KeepRule, b: KeepRule): boolean => a.selector === b.selector && a.fingerprint === b.fingerprint;

/** Rules from a stored value: bad hosts, bad entries and duplicates dropped, within both caps. */
export function normalizeKeepRules(value: unknown): KeepRulesBySite {
  const out: KeepRulesBySite = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [key, list] of Object.entries(value)) {
    if (Object.keys(out).length >= MAX_KEEP_RULE_SITES) break;
    const host = normalizeHost(key);
    if (!host || !Array.isArray(list)) continue;
    const rules = out[host] ?? [];
    for (const item of list) {
      if (rules.length >= MAX_KEEP_RULES_PER_SITE) break;
      if (isKeepRule(item) && !rules.some((rule) => sameRule(rule, item))) rules.push({ selector: item.selector, fingerprint: item.fingerprint });
    }
    if (rules.length) out[host] = rules;
  }
  return out;
}

async function readAll(): Promise<KeepRulesBySite> {
  try {
    const stored = await browser.storage.local.get(KEEP_RULES_KEY);
    return normalizeKeepRules(stored[KEEP_RULES_KEY]);
  } catch {
    return {};
  }
}

/** The keep rules of `site` (a host from keepRuleSite); none when storage is unavailable. */
export async function loadKeepRules(site: string): Promise<KeepRule[]> {
  return (await readAll())[site] ?? [];
}

/**
 * Adds a rule for `site` (no-op when it is there). A site at its cap drops its oldest rule; a new site past the
 * site cap drops the site stored first. Rejects when storage is unavailable.
 */
export async function addKeepRule(site: string, rule: KeepRule): Promise<void> {
  if (!isKeepRule(rule)) throw new Error('addKeepRule: not a keep rule');
  const all = await readAll();
  const rules = all[site] ?? [];
  if (rules.some((existing) => sameRule(existing, rule))) return;
  rules.push({ selector: rule.selector, fingerprint: rule.fingerprint });
  while (rules.length > MAX_KEEP_RULES_PER_SITE) rules.shift();
  if (!(site in all)) {
    const sites = Object.keys(all);
    while (sites.length >= MAX_KEEP_RULE_SITES) delete all[sites.shift() as string];
  }
  all[site] = rules;
  await browser.storage.local.set({ [KEEP_RULES_KEY]: all });
}

/** Removes a rule of `site` (no-op when it is not there); a site left without rules is dropped. */
export async function removeKeepRule(site: string, rule: KeepRule): Promise<void> {
  const all = await readAll();
  const rules = all[site];
  if (!rules?.some((existing) => sameRule(existing, rule))) return;
  const left = rules.filter((existing) => !sameRule(existing, rule));
  if (left.length) all[site] = left;
  else delete all[site];
  await browser.storage.local.set({ [KEEP_RULES_KEY]: all });
}

/** Calls `callback` with the site's rules whenever the stored rules change. Stops when `signal` aborts. */
export function watchKeepRules(site: string, callback: (rules: KeepRule[]) => void, signal: AbortSignal): void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'local' || !(KEEP_RULES_KEY in changes)) return;
    const seq = ++latest;
    void loadKeepRules(site).then((rules) => {
      if (!signal.aborted && seq === latest) callback(rules);
    });
  };
  if (signal.aborted) return;
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
