/**
 * The one message protocol between the extension's parts, named by direction. Every message is a plain,
 * JSON-safe object with a `type` discriminant; receivers parse what arrives with the `parse*` functions
 * below and drop anything else (unknown shapes, other extensions, web pages).
 */
import type { Runtime } from 'webextension-polyfill';
import type { ArticleResult } from '../core/index.js';
import { browser } from './browser.js';
import type { NavigationKind } from './site-rules.js';

// ---------------------------------------------------------------------------------------------------------
// popup -> content script (tabs.sendMessage)

export type PopupToContent =
  /** Extract the page (or reuse the cached result) and describe it for the popup card. */
  | { type: 'analyze' }
  /** Open the reader view (also on pages that are not articles: "Try anyway"). */
  | { type: 'open-reader' }
  | { type: 'close-reader' }
  | { type: 'reader-state' };

// background -> content script (tabs.sendMessage)

export type BackgroundToContent =
  /** The keyboard shortcut (manifest `commands`): open the reader, or close it when it is open. */
  | { type: 'toggle-reader' }
  /**
   * Auto mode decided to open the reader on this page: open it, or, when it is open for an earlier address of a
   * single-page site, show the article now at this address.
   */
  | { type: 'auto-open' }
  /**
   * A single-page site moved on (back, or to a page auto mode does not open) under an open reader: close it. Not
   * the user's choice, so auto mode may open the article there again later.
   */
  | { type: 'auto-close' };

/** Everything a content script accepts. */
export type ToContent = PopupToContent | BackgroundToContent;

// content script -> background (runtime.sendMessage)

export type ContentToBackground =
  /**
   * The reader view in the sender's tab opened or closed (the background reflects it on the toolbar button); `url`
   * is the address it was opened for; `byUser` says whether the user did it (toolbar, shortcut, close button, Esc)
   * or auto mode. Once the user closed it, auto mode does not open that address again in this tab.
   */
  | { type: 'reader-changed'; open: boolean; url: string; byUser: boolean }
  /** The auto-mode detector's verdict on the page it runs in (see core/auto-verdict.ts); the background decides. */
  | { type: 'auto-check'; url: string; navigation: NavigationKind; isArticle: boolean; isNewsArticle: boolean };

// ---------------------------------------------------------------------------------------------------------
// Responses

/** The extraction result as the popup sees it: everything but the body HTML. */
/** What the popup's card needs: the article without its body, its text, or the stripped blocks' HTML. */
export type ArticleSummary = Omit<ArticleResult, 'contentHtml' | 'textContent' | 'stripped' | 'comments' | 'debug'>;

export type Failure = { ok: false; error: string };

export type AnalyzeResponse =
  | { ok: true; article: ArticleSummary; readerOpen: boolean }
  | Failure;

export type ReaderStateResponse = { ok: true; open: boolean } | Failure;

/** The response type of each message sent to a content script. */
export interface ContentResponses {
  analyze: AnalyzeResponse;
  'open-reader': ReaderStateResponse;
  'close-reader': ReaderStateResponse;
  'reader-state': ReaderStateResponse;
  'toggle-reader': ReaderStateResponse;
  'auto-open': ReaderStateResponse;
  'auto-close': ReaderStateResponse;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

const TO_CONTENT_TYPES: ReadonlySet<string> = new Set<ToContent['type']>([
  'analyze', 'open-reader', 'close-reader', 'reader-state', 'toggle-reader', 'auto-open', 'auto-close',
]);
const NAVIGATION_KINDS: ReadonlySet<string> = new Set<NavigationKind>(['navigate', 'reload', 'back_forward', 'prerender', 'history']);
/** Page addresses in messages are web or file addresses of bounded length (a hostile page controls its own URL). */
const MAX_URL_LENGTH = 8192;

function isPageUrl(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_URL_LENGTH && /^(?:https?|file):/i.test(value);
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => own.includes(key));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True when the message comes from this extension itself, not from another extension or a web page. A context
 * whose extension was reloaded or removed sees no `runtime.id` (Chrome): then nothing matches, least of all a
 * sender without an id.
 */
export function isFromThisExtension(sender: Runtime.MessageSender | undefined): boolean {
  const ownId: unknown = browser.runtime.id;
  return typeof ownId === 'string' && ownId !== '' && sender?.id === ownId;
}

/**
 * The message as a `ToContent` from this extension, or null if it is not one. Messages to content scripts carry
 * no fields besides `type`; anything else (extra keys included) is rejected, so a future field must be declared
 * here. The sender is required: a message whose sender is unknown is not known to be ours.
 */
export function parseToContent(value: unknown, sender: Runtime.MessageSender | undefined): ToContent | null {
  if (!isFromThisExtension(sender)) return null;
  if (!isRecord(value) || typeof value.type !== 'string' || !TO_CONTENT_TYPES.has(value.type)) return null;
  if (Object.keys(value).length !== 1) return null;
  return { type: value.type } as ToContent;
}

/** The message as a `ContentToBackground` from a content script of this extension in a tab, or null. */
export function parseToBackground(
  value: unknown,
  sender: Runtime.MessageSender,
): { message: ContentToBackground; tabId: number } | null {
  if (!isFromThisExtension(sender)) return null;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') return null;
  if (!isRecord(value)) return null;
  if (
    value.type === 'reader-changed' &&
    typeof value.open === 'boolean' &&
    isPageUrl(value.url) &&
    typeof value.byUser === 'boolean' &&
    hasExactly(value, ['type', 'open', 'url', 'byUser'])
  ) {
    return { message: { type: 'reader-changed', open: value.open, url: value.url, byUser: value.byUser }, tabId };
  }
  if (
    value.type === 'auto-check' &&
    isPageUrl(value.url) &&
    typeof value.navigation === 'string' &&
    NAVIGATION_KINDS.has(value.navigation) &&
    typeof value.isArticle === 'boolean' &&
    typeof value.isNewsArticle === 'boolean' &&
    hasExactly(value, ['type', 'url', 'navigation', 'isArticle', 'isNewsArticle'])
  ) {
    const { url, isArticle, isNewsArticle } = value;
    return { message: { type: 'auto-check', url, navigation: value.navigation as NavigationKind, isArticle, isNewsArticle }, tabId };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Sending

/** Sends a message to the content script in `tabId` (top frame) and returns its typed response. */
export async function sendToContent<M extends ToContent>(tabId: number, message: M): Promise<ContentResponses[M['type']]> {
  const response: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  if (!isRecord(response) || typeof response.ok !== 'boolean') {
    throw new Error(`No valid response to "${message.type}" from the page`);
  }
  return response as ContentResponses[M['type']];
}

/** Tells the background something from a content script. Never throws: the background may be restarting. */
export async function sendToBackground(message: ContentToBackground): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No listener yet (the event page is starting) or the extension was reloaded: nothing to do.
  }
}
