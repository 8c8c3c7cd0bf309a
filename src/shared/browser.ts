/**
 * Thin typed wrappers over the `browser` namespace (webextension-polyfill: Chrome's promise-based `chrome.*`
 * and Firefox's `browser.*` behind one API). Extension code outside src/shared talks to the browser through
 * these, so the few calls we make are typed once and faked once (tests/unit/fake-browser.ts).
 */
import browser from 'webextension-polyfill';
import type { Tabs } from 'webextension-polyfill';

export { browser };

/** The file the popup and the background inject on demand; built from src/content/index.ts. */
export const CONTENT_SCRIPT_FILE = 'content.js';

/** `browser.i18n.getMessage` with the key itself as the fallback, so a missing string is visible, not blank. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The tab the user is looking at in the current window, if any. */
export async function getActiveTab(): Promise<Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export async function getTab(tabId: number): Promise<Tabs.Tab | undefined> {
  try {
    return await browser.tabs.get(tabId);
  } catch {
    return undefined;
  }
}

/**
 * Injects the reader bundle into the tab's top frame. Idempotent by design: the content script guards
 * itself, so a second injection adds no second listener. Needs activeTab (toolbar click or shortcut).
 */
export async function injectContentScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

/** Answers whether `url` can be scripted by an extension at all, and if not, why (user-facing text). */
export type ScriptableVerdict = { ok: true } | { ok: false; reason: string };

/** Hosts of the add-on stores: every browser forbids extensions to script them. */
const STORE_URLS: readonly RegExp[] = [
  /^https?:\/\/chromewebstore\.google\.com(?:[/?#]|$)/i,
  /^https?:\/\/chrome\.google\.com\/webstore(?:[/?#]|$)/i,
  /^https?:\/\/addons\.mozilla\.org(?:[/?#]|$)/i,
  /^https?:\/\/microsoftedge\.microsoft\.com\/addons(?:[/?#]|$)/i,
];

/** Schemes that belong to the browser itself. */
const BROWSER_SCHEMES = new Set([
  'chrome:', 'chrome-untrusted:', 'devtools:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'about:', 'resource:', 'chrome-search:',
]);
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'extension:', 'safari-web-extension:']);

/**
 * Whether an extension can run a script on `url`, and a reason for the user when it cannot.
 * `fileAccess` says whether the user allowed the extension on file:// pages (Chrome's
 * "Allow access to file URLs"); leave it undefined when unknown, and the injection error will tell.
 */
export function canScriptUrl(url: string, options: { fileAccess?: boolean } = {}): ScriptableVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: t('unsupportedUnknown') };
  }
  const scheme = parsed.protocol;
  if (scheme === 'view-source:') return { ok: false, reason: t('unsupportedViewSource') };
  if (BROWSER_SCHEMES.has(scheme)) return { ok: false, reason: t('unsupportedBrowserPage') };
  if (EXTENSION_SCHEMES.has(scheme)) return { ok: false, reason: t('unsupportedExtensionPage') };
  if (scheme === 'data:' || scheme === 'blob:' || scheme === 'javascript:') return { ok: false, reason: t('unsupportedDataUrl') };
  if (scheme === 'file:') {
    if (isPdf(parsed)) return { ok: false, reason: t('unsupportedPdf') };
    return options.fileAccess === false ? { ok: false, reason: t('unsupportedFile') } : { ok: true };
  }
  if (scheme !== 'http:' && scheme !== 'https:') return { ok: false, reason: t('unsupportedUnknown') };
  if (STORE_URLS.some((re) => re.test(url))) return { ok: false, reason: t('unsupportedStore') };
  // Both browsers show PDFs in a built-in viewer that extensions cannot script; the tab keeps the PDF's URL.
  if (isPdf(parsed)) return { ok: false, reason: t('unsupportedPdf') };
  return { ok: true };
}

function isPdf(url: URL): boolean {
  return /\.pdf$/i.test(url.pathname);
}

/**
 * Turns an injection failure into words for the user. The browsers' messages name no reason we can show
 * as is ("Cannot access contents of the page...", "Missing host permission for the tab"), so we map them.
 */
export function explainInjectionError(error: unknown, url?: string): string {
  if (url) {
    const verdict = canScriptUrl(url, { fileAccess: url.startsWith('file:') ? false : undefined });
    if (!verdict.ok) return verdict.reason;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/gallery|web ?store|cannot be scripted/i.test(message)) return t('unsupportedStore');
  if (/pdf/i.test(message)) return t('unsupportedPdf');
  if (/chrome:\/\/|about:|edge:\/\/|extensions?\s+page/i.test(message)) return t('unsupportedBrowserPage');
  if (/file:/i.test(message)) return t('unsupportedFile');
  return t('unsupportedNoAccess');
}
