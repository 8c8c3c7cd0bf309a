/**
 * The only door from untrusted HTML to DOM. The page is hostile input: every HTML string the extension
 * turns into nodes, even our own output, passes through DOMPurify here.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { NOTE_ID_PREFIX } from './repair/note-links.js';

/** Tags that never belong in a reader view, on top of DOMPurify's defaults (which drop script, etc.). */
const FORBID_TAGS = ['style', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base'];
/**
 * Attributes that only style or script the page; the reader styles everything itself. Ids are kept only in the
 * reader's note namespace (see repair/note-links.ts): no page id can clash with the reader's or name a global.
 */
const FORBID_ATTR = ['style', 'class', 'srcdoc', 'formaction', 'action', 'ping', 'background'];

/** The class naming a code block's language, as highlighters and Markdown renderers write it. */
const CODE_LANGUAGE = /^(?:language|lang)-[\w+#.-]{1,30}$/;

const CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  // The extension's own marks, read by the reader: a video link to label (core/media.ts) and a block the user
  // kept (core/strip.ts). A page that sets them itself only relabels a link or shows a "Remove again" button.
  ADD_ATTR: ['data-cp-embed', 'data-cp-kept'],
  // Only web links and inline images: no javascript:, vbscript:, or data: documents.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i,
};

/** What a sanitize call returns: a string, or the node it was given, cleaned in place. */
type Output = 'string' | 'in-place';
const OUTPUT_CONFIG: Record<Output, Config> = {
  string: CONFIG,
  'in-place': { ...CONFIG, IN_PLACE: true },
};

/**
 * One purifier per window and output, its configuration set once: DOMPurify otherwise parses the configuration
 * (building its allow-lists) on every call, and extraction makes one call per stripped block.
 */
const purifiers = new WeakMap<object, Partial<Record<Output, DOMPurify>>>();

function purifierFor(win: Window, output: Output): DOMPurify {
  let byOutput = purifiers.get(win);
  if (!byOutput) purifiers.set(win, (byOutput = {}));
  let purifier = byOutput[output];
  if (!purifier) {
    // DOMPurify's types want `WindowLike`; a real or jsdom Window is one.
    purifier = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    purifier.setConfig(OUTPUT_CONFIG[output]);
    purifier.addHook('uponSanitizeAttribute', (node, data) => {
      if (data.attrName === 'id' && !data.attrValue.startsWith(NOTE_ID_PREFIX)) data.keepAttr = false;
      // A code block's language ("language-python") is the one class worth keeping: exports name their fences by it.
      if (data.attrName === 'class' && (node.nodeName === 'CODE' || node.nodeName === 'PRE')) {
        const language = data.attrValue.split(/\s+/).find((token) => CODE_LANGUAGE.test(token));
        if (language) {
          data.attrValue = language;
          data.forceKeepAttr = true;
        }
      }
    });
    purifier.addHook('afterSanitizeAttributes', (node) => {
      // Links open the original site in a new tab and never leak the opener; links within the article stay.
      if (node.tagName === 'A' && node.hasAttribute('href') && !node.getAttribute('href')?.startsWith('#')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    byOutput[output] = purifier;
  }
  return purifier;
}

function windowOf(doc: Document): Window {
  const win = doc.defaultView;
  if (!win) throw new Error('sanitize: the document has no window');
  return win;
}

/** Sanitized HTML string of `html`. */
export function sanitizeHtml(html: string, doc: Document): string {
  return purifierFor(windowOf(doc), 'string').sanitize(html);
}

/**
 * Builds the purifier `sanitizeToFragment` will use in `doc`'s window ahead of time (its allow-lists cost a few
 * milliseconds): the reader calls this while the popup shows its card, so opening the reader does not pay for it.
 */
export function prepareFragmentSanitizer(doc: Document): void {
  purifierFor(windowOf(doc), 'string');
}

/**
 * Sanitized DOM fragment of `html`, owned by `doc`, ready to insert: DOMPurify's string output, parsed again in an
 * inert `<template>` and imported. Not DOMPurify's own fragment output: in a Chromium content script, elements it
 * parsed from hostile markup kept their inline handlers after it had removed the attributes, and those ran in the
 * page once the nodes joined it (an `<img onerror>`, a `<details ontoggle>`: the e2e XSS corpus caught it). A
 * clean string carries no handler to keep.
 */
export function sanitizeToFragment(html: string, doc: Document): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = sanitizeHtml(html, doc);
  return doc.importNode(template.content, true);
}

/** Sanitizes `el` and its subtree in place (no reparse: the fast path for the extraction result). */
export function sanitizeInPlace(el: Element, win: Window): void {
  purifierFor(win, 'in-place').sanitize(el);
}

/**
 * The text that a string with HTML character references stands for ("Redacci&oacute;n" -> "Redacción"),
 * decoded by the document's own parser in a detached textarea: its content is parsed as text only, so no
 * element can come out of it.
 */
export function decodeCharacterReferences(text: string, doc: Document): string {
  const box = doc.createElement('textarea');
  box.innerHTML = text;
  return box.value;
}
