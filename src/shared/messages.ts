/**
 * The one message protocol between the extension's parts, named by direction. Every message is a plain,
 * JSON-safe object with a `type` discriminant; receivers parse what arrives with the `parse*` functions
 * below and drop anything else (unknown shapes, other extensions, web pages).
 */
import type { Runtime } from 'webextension-polyfill';
import type { ArticleResult, DetectionResult } from '../core/index.js';
import { browser } from './browser.js';

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
  { type: 'toggle-reader' };

/** Everything a content script accepts. */
export type ToContent = PopupToContent | BackgroundToContent;

// content script -> background (runtime.sendMessage)

export type ContentToBackground =
  /** The reader view in the sender's tab opened or closed (the background reflects it on the toolbar button). */
  { type: 'reader-changed'; open: boolean };

// ---------------------------------------------------------------------------------------------------------
// Responses

/** The extraction result as the popup sees it: everything but the body HTML. */
export type ArticleSummary = Omit<ArticleResult, 'contentHtml' | 'debug'>;

export type Failure = { ok: false; error: string };

export type AnalyzeResponse =
  | { ok: true; article: ArticleSummary; detection: DetectionResult; readerOpen: boolean }
  | Failure;

export type ReaderStateResponse = { ok: true; open: boolean } | Failure;

/** The response type of each message sent to a content script. */
export interface ContentResponses {
  analyze: AnalyzeResponse;
  'open-reader': ReaderStateResponse;
  'close-reader': ReaderStateResponse;
  'reader-state': ReaderStateResponse;
  'toggle-reader': ReaderStateResponse;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

const TO_CONTENT_TYPES: ReadonlySet<string> = new Set<ToContent['type']>([
  'analyze', 'open-reader', 'close-reader', 'reader-state', 'toggle-reader',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the message comes from this extension itself, not from another extension or a web page. */
export function isFromThisExtension(sender: Runtime.MessageSender | undefined): boolean {
  return sender?.id === browser.runtime.id;
}

/**
 * The message as a `ToContent`, or null if it is not one. Messages to content scripts carry no fields
 * besides `type`; anything else (extra keys included) is rejected, so a future field must be declared here.
 */
export function parseToContent(value: unknown, sender?: Runtime.MessageSender): ToContent | null {
  if (sender && !isFromThisExtension(sender)) return null;
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
  if (value.type === 'reader-changed' && typeof value.open === 'boolean' && Object.keys(value).length === 2) {
    return { message: { type: 'reader-changed', open: value.open }, tabId };
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
