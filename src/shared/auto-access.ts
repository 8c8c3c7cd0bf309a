/**
 * Host access for auto reader mode, and the detector's registration. Auto mode is the only feature that
 * needs host access: the toolbar flow lives on activeTab. Access is asked for at the moment the user turns
 * auto mode on (all sites) or sets a site to "always" (that site only), and given back when they turn it off.
 *
 * `requestAllSites` and `requestSite` must be called straight from the user's click handler, before any
 * `await`: Firefox refuses `permissions.request` outside a user action.
 */
import { browser } from './browser.js';
import { normalizeHost, ruleFor, type AutoMode, type SiteRules } from './site-rules.js';

/** The optional host permission in the manifest that "news articles on any site" needs. */
export const ALL_SITES = '<all_urls>';
/** The detector bundle (built from src/content/auto-detector.ts) and its registration id. */
export const DETECTOR_FILE = 'detector.js';
export const DETECTOR_ID = 'clearpage-auto-detector';

/** Pages the detector may run on when auto mode covers every site: web pages, not files or browser pages. */
const ALL_WEB_PAGES = ['http://*/*', 'https://*/*'];
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Match patterns for a site and its subdomains ("example.com" -> *://example.com/*, *://*.example.com/*). */
export function sitePatterns(host: string): string[] {
  const key = normalizeHost(host);
  if (!key) return [];
  return IPV4.test(key) ? [`*://${key}/*`] : [`*://${key}/*`, `*://*.${key}/*`];
}

export async function hasAllSites(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [ALL_SITES] });
  } catch {
    return false;
  }
}

export async function hasSite(host: string): Promise<boolean> {
  const origins = sitePatterns(host);
  if (!origins.length) return false;
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

/** Asks for access to every site. Call it synchronously from a click handler (see the module comment). */
export function requestAllSites(): Promise<boolean> {
  return browser.permissions.request({ origins: [ALL_SITES] });
}

/** Asks for access to one site and its subdomains. Call it synchronously from a click handler. */
export function requestSite(host: string): Promise<boolean> {
  const origins = sitePatterns(host);
  return origins.length ? browser.permissions.request({ origins }) : Promise.resolve(false);
}

/** Gives back access to every site (auto mode turned off). Access to single "always" sites stays. */
export async function releaseAllSites(): Promise<void> {
  try {
    await browser.permissions.remove({ origins: [ALL_SITES] });
  } catch {
    // Not granted, or the browser refuses to remove it (Firefox keeps permissions of temporary add-ons): nothing to do.
  }
}

/** What the detector should be registered for: the pages it runs on and the ones it must not. */
export interface DetectorTarget {
  matches: string[];
  excludeMatches: string[];
}

/**
 * Where the detector runs, from the settings and the access the user granted: every web page (but "never"
 * sites) in news mode with access to all sites; else only the "always" sites it may access; else nowhere (null),
 * so nothing at all is injected into pages while auto mode is off.
 */
export function detectorTarget(
  mode: AutoMode,
  rules: SiteRules,
  access: { allSites: boolean; sites: ReadonlySet<string> },
): DetectorTarget | null {
  const never = Object.entries(rules).filter(([, rule]) => rule === 'never').map(([host]) => host);
  if (mode === 'news' && access.allSites) {
    return { matches: [...ALL_WEB_PAGES], excludeMatches: never.flatMap(sitePatterns).sort() };
  }
  const always = Object.entries(rules)
    .filter(([host, rule]) => rule === 'always' && (access.allSites || access.sites.has(host)))
    .map(([host]) => host);
  if (!always.length) return null;
  // A "never" subdomain under an "always" site ("always example.com", "never blog.example.com") stays excluded.
  const excluded = never.filter((host) => ruleFor(host, Object.fromEntries(always.map((a) => [a, 'always'] as const))));
  return { matches: always.flatMap(sitePatterns).sort(), excludeMatches: excluded.flatMap(sitePatterns).sort() };
}
