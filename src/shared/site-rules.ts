/**
 * Per-site rules for auto reader mode ("always" / "never"), keyed by host name, and the one decision that
 * combines them with the mode, the page's verdict and how the user got to the page. Pure: no browser APIs,
 * so the detector, the background, the popup, the options page and the unit tests share it.
 *
 * A rule for `example.com` covers `example.com`, `www.example.com` and every other subdomain; a rule for
 * `news.example.com` is more specific and wins there. Hosts are stored lower-case, without `www.`.
 */

export const SITE_RULES = ['always', 'never'] as const;
export type SiteRule = (typeof SITE_RULES)[number];
export type SiteRules = Readonly<Record<string, SiteRule>>;

export const AUTO_MODES = ['off', 'news'] as const;
/** off: never open by itself; news: open on news and blog articles on any site (with host access for all sites). */
export type AutoMode = (typeof AUTO_MODES)[number];

/** At most this many rules: a list longer than this is no longer one a person can read in the options page. */
export const MAX_SITE_RULES = 200;
/**
 * storage.sync allows 8,192 bytes per item (key plus JSON value) and the rules are one item: a rule that would
 * take the list past this is refused (hosts are ASCII, punycode, so characters are bytes). Typical hosts cost
 * about 30 bytes a rule, so MAX_SITE_RULES usually comes first.
 */
export const SITE_RULES_MAX_BYTES = 8192 - 'siteRules'.length - 64;

/** True when `rules` fit in one storage.sync item. */
export function siteRulesFit(rules: SiteRules): boolean {
  return Object.keys(rules).length <= MAX_SITE_RULES && JSON.stringify(rules).length <= SITE_RULES_MAX_BYTES;
}

/** A DNS host name or an IPv4 address: labels of letters, digits and hyphens. */
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The host a rule is kept under, from what a user types or a page address: "https://www.Example.com/news" ->
 * "example.com", "*.example.com" -> "example.com". Null for anything that is not a host (a word with spaces,
 * "localhost:abc", a file path). Internationalised names are turned into their ASCII (punycode) form by URL.
 */
export function normalizeHost(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  text = text.replace(/^\*\./, '');
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  return HOST.test(host) ? host : null;
}

/** The rule that applies to `host` (a page's host name) and the host it is stored under, most specific first. */
export function ruleFor(host: string, rules: SiteRules): { host: string; rule: SiteRule } | null {
  const normalized = normalizeHost(host);
  if (!normalized) return null;
  const labels = normalized.split('.');
  for (let i = 0; i < labels.length; i++) {
    const candidate = labels.slice(i).join('.');
    const rule = Object.prototype.hasOwnProperty.call(rules, candidate) ? rules[candidate] : undefined;
    if (rule) return { host: candidate, rule };
  }
  return null;
}

/** Rules from a stored value: each entry validated on its own (bad hosts and values dropped), at most MAX_SITE_RULES. */
export function normalizeSiteRules(value: unknown): Record<string, SiteRule> {
  const rules: Record<string, SiteRule> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return rules;
  let count = 0;
  for (const [key, rule] of Object.entries(value)) {
    if (count >= MAX_SITE_RULES) break;
    const host = normalizeHost(key);
    if (!host || (rule !== 'always' && rule !== 'never')) continue;
    if (!(host in rules)) count++;
    rules[host] = rule;
  }
  return rules;
}

/** How the page was reached, as the Navigation Timing API names it. */
export type NavigationKind = 'navigate' | 'reload' | 'back_forward' | 'prerender' | 'history';

export interface AutoOpenInput {
  mode: AutoMode;
  /** The rule for this page's site, if any. */
  rule: SiteRule | null;
  /** The page's own verdict: a news or blog article by several independent signals (see core/auto-verdict.ts). */
  isNewsArticle: boolean;
  /** Whether the page is plainly an article at all (`detectArticle`), for sites the user set to "always". */
  isArticle: boolean;
  navigation: NavigationKind;
  /** The user closed the reader on this address in this tab before. */
  dismissed: boolean;
}

export type AutoOpenDecision =
  | { open: true; reason: 'rule-always' | 'news-article' }
  | { open: false; reason: 'off' | 'rule-never' | 'back-forward' | 'dismissed' | 'not-article' | 'not-news-article' };

/**
 * Whether auto mode opens the reader on a page. A "never" rule always wins; an "always" rule opens any page
 * that is an article even with auto mode off (the user asked for that site); otherwise the mode decides.
 * Going back or forward, or returning to a page where the user closed the reader, never opens it again:
 * the user has seen the page and chose how to read it.
 */
export function decideAutoOpen(input: AutoOpenInput): AutoOpenDecision {
  if (input.rule === 'never') return { open: false, reason: 'rule-never' };
  if (input.rule !== 'always' && input.mode === 'off') return { open: false, reason: 'off' };
  if (input.navigation === 'back_forward') return { open: false, reason: 'back-forward' };
  if (input.dismissed) return { open: false, reason: 'dismissed' };
  if (input.rule === 'always') return input.isArticle ? { open: true, reason: 'rule-always' } : { open: false, reason: 'not-article' };
  return input.isNewsArticle ? { open: true, reason: 'news-article' } : { open: false, reason: 'not-news-article' };
}
