/**
 * Auto reader mode, background side:
 * - keeps the detector's registration in line with the settings and the host access the user granted (called on
 *   install, browser start, settings and permission changes; idempotent, so a restarted service worker can call it
 *   any time);
 * - decides, on each detector report, whether to open the reader (site-rules.ts `decideAutoOpen`), and if so
 *   injects the reader bundle into that tab;
 * - remembers, per tab, the addresses where the user closed the reader, in `storage.session` (it outlives a
 *   service-worker restart, not the browser session).
 */
import type { Scripting } from 'webextension-polyfill';
import { DETECTOR_FILE, DETECTOR_ID, detectorTarget, hasAllSites, hasSite } from '../shared/auto-access.js';
import { browser, injectContentScript } from '../shared/browser.js';
import { sendToContent, type ContentToBackground } from '../shared/messages.js';
import { loadSettings } from '../shared/settings.js';
import { decideAutoOpen, ruleFor, type AutoOpenDecision } from '../shared/site-rules.js';

type AutoCheck = Extract<ContentToBackground, { type: 'auto-check' }>;

/** Addresses remembered per tab: enough for a reading session, small enough for storage.session. */
const MAX_CLOSED_PER_TAB = 50;
const closedKey = (tabId: number): string => `closed:${tabId}`;

/** The address without its fragment: "#comments" is the same page. */
function pageKey(url: string): string {
  return url.replace(/#.*$/, '');
}

export async function rememberClosed(tabId: number, url: string): Promise<void> {
  const key = closedKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  const list = Array.isArray(stored) ? stored.filter((u): u is string => typeof u === 'string') : [];
  const page = pageKey(url);
  if (list.includes(page)) return;
  await browser.storage.session.set({ [key]: [...list, page].slice(-MAX_CLOSED_PER_TAB) });
}

export async function wasClosed(tabId: number, url: string): Promise<boolean> {
  const key = closedKey(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  return Array.isArray(stored) && stored.includes(pageKey(url));
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(closedKey(tabId));
}

/** Serialises registration updates: settings and permission events often come in pairs. */
let registrationQueue: Promise<void> = Promise.resolve();

/**
 * Registers, updates or unregisters the detector so that it runs exactly where auto mode may open the reader.
 * Nothing is registered (nothing runs in any page) while auto mode is off and no "always" site has access.
 */
export function syncDetectorRegistration(): Promise<void> {
  registrationQueue = registrationQueue.then(applyRegistration, applyRegistration);
  return registrationQueue;
}

async function applyRegistration(): Promise<void> {
  const settings = await loadSettings();
  const allSites = await hasAllSites();
  const sites = new Set<string>();
  for (const [host, rule] of Object.entries(settings.siteRules)) {
    if (rule === 'always' && !allSites && (await hasSite(host))) sites.add(host);
  }
  const target = detectorTarget(settings.autoMode, settings.siteRules, { allSites, sites });
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [DETECTOR_ID] });
  if (!target) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [DETECTOR_ID] });
    return;
  }
  const script: Scripting.RegisteredContentScript = {
    id: DETECTOR_ID,
    js: [DETECTOR_FILE],
    matches: target.matches,
    runAt: 'document_idle',
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (target.excludeMatches.length) script.excludeMatches = target.excludeMatches;
  if (!existing.length) {
    await browser.scripting.registerContentScripts([script]);
    return;
  }
  const [current] = existing;
  const same =
    JSON.stringify(current?.matches ?? []) === JSON.stringify(script.matches) &&
    JSON.stringify(current?.excludeMatches ?? []) === JSON.stringify(script.excludeMatches ?? []);
  if (same) return;
  // updateContentScripts cannot clear excludeMatches in every browser: replace the registration instead.
  await browser.scripting.unregisterContentScripts({ ids: [DETECTOR_ID] });
  await browser.scripting.registerContentScripts([script]);
}

/** What auto mode does with one detector report from a tab. Returns the decision (for logs and tests). */
export async function handleAutoCheck(check: AutoCheck, tabId: number): Promise<AutoOpenDecision> {
  const settings = await loadSettings();
  let host = '';
  try {
    host = new URL(check.url).hostname;
  } catch {
    // parseToBackground only lets page addresses through; an unparsable one matches no rule.
  }
  const decision = decideAutoOpen({
    mode: settings.autoMode,
    rule: ruleFor(host, settings.siteRules)?.rule ?? null,
    isArticle: check.isArticle,
    isNewsArticle: check.isNewsArticle,
    navigation: check.navigation,
    dismissed: await wasClosed(tabId, check.url),
  });
  if (decision.open) {
    await injectContentScript(tabId);
    await sendToContent(tabId, { type: 'auto-open' });
  } else if (check.navigation === 'history' || check.navigation === 'back_forward') {
    // A single-page site moved on to a page auto mode would not open: an open reader (if the reader bundle is
    // in this page at all) must not keep showing the previous article.
    await sendToContent(tabId, { type: 'auto-close' }).catch(() => undefined);
  }
  return decision;
}
