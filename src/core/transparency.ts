/**
 * What the reader tells the user about the blocks it stripped: a stable selector naming each block, a
 * fingerprint of its text, matching against the user's keep rules, and the comment thread made safe to
 * show in a drawer. Pure: DOM in, data out. Selectors and fingerprints never carry the page's text, so a
 * keep rule stored by the extension holds nothing a user read.
 */
import { COMMENT_ITEMTYPE, COMMENT_TOKEN } from './constants.js';
import { attributeTokens, elementsUnder, textOf } from './dom.js';
import { sanitizeInPlace } from './sanitize.js';
import type { StrippedNote } from './strip.js';
import type { CommentsResult, KeepRule, StrippedBlock } from './types.js';

/** At most this many class tokens name an element: more make the selector brittle against a redesign. */
const MAX_CLASS_TOKENS = 3;
/** Ids and classes with a digit run this long are generated (post ids, ad slot numbers): never stable. */
const LONG_DIGITS = /\d{4,}/;
/** Class tokens that are hashes (CSS modules, styled-components) or state, not names. */
const HASH_TOKEN = /^(?:[a-z]{1,3}-)?[a-z0-9]*\d[a-z0-9]*$|^css-|^sc-|^jsx-|^_|^(?:active|open|hidden|visible|show|is-|has-)/i;
/** A CSS identifier we can write without escaping. */
const PLAIN_IDENT = /^-?[a-z_][a-z0-9_-]*$/i;

function usableId(el: Element): string | null {
  const id = el.getAttribute('id')?.trim() ?? '';
  return id && PLAIN_IDENT.test(id) && !LONG_DIGITS.test(id) ? id : null;
}

function usableClasses(el: Element): string[] {
  const tokens = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const token of tokens) {
    if (out.length >= MAX_CLASS_TOKENS) break;
    if (!PLAIN_IDENT.test(token) || LONG_DIGITS.test(token) || HASH_TOKEN.test(token) || out.includes(token)) continue;
    out.push(token);
  }
  return out;
}

/** `tag#id` or `tag.class.class`, or null when the element carries neither in a usable form. */
function ownSelector(el: Element): string | null {
  const tag = el.localName;
  const id = usableId(el);
  if (id) return `${tag}#${id}`;
  const classes = usableClasses(el);
  return classes.length ? `${tag}.${classes.join('.')}` : null;
}

/**
 * A selector naming `el` that survives a reload: its tag with a stable id or class names
 * (`aside.event-promo`, `div#newsletter-box`); an element with neither is named under its parent
 * (`div.entry-content > aside`). Never includes text.
 */
export function stableSelector(el: Element): string {
  const own = ownSelector(el);
  if (own) return own;
  const parent = el.parentElement;
  const parentSelector = parent && parent.localName !== 'body' && parent.localName !== 'html' ? ownSelector(parent) : null;
  return parentSelector ? `${parentSelector} > ${el.localName}` : el.localName;
}

/** FNV-1a, 32 bits: a short, fast, well-spread hash. Not cryptographic; it only tells blocks apart. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The fingerprint of a block's text: 8 hex digits of the lower-cased, whitespace-collapsed text. */
export function textFingerprint(text: string): string {
  const normalised = text.replace(/\s+/g, ' ').trim().toLowerCase();
  return fnv1a(normalised).toString(16).padStart(8, '0');
}

/** True when `el` is the block a keep rule names: it matches the selector and its text has the same fingerprint. */
export function matchesKeepRule(el: Element, rules: readonly KeepRule[], fingerprint: () => string): boolean {
  let print: string | null = null;
  for (const rule of rules) {
    let matches = false;
    try {
      matches = el.matches(rule.selector);
    } catch {
      continue; // A stored selector the engine cannot parse names nothing.
    }
    if (!matches) continue;
    print ??= fingerprint();
    if (print === rule.fingerprint) return true;
  }
  return false;
}

/** Attributes that hold addresses, made absolute so a block shown out of its page still links correctly. */
const URL_ATTRIBUTES: ReadonlyArray<[string, string]> = [['a', 'href'], ['img', 'src'], ['source', 'src'], ['video', 'poster'], ['area', 'href']];

/** Rewrites relative addresses under `root` against `base` (the clone has a <base>, so the reflected properties resolve). */
export function absolutizeLinks(root: Element, base: string): void {
  const resolve = (value: string): string | null => {
    try {
      return new URL(value, base).href;
    } catch {
      return null;
    }
  };
  for (const [tag, attr] of URL_ATTRIBUTES) {
    const nodes = root.localName === tag ? [root, ...elementsUnder(root, tag)] : elementsUnder(root, tag);
    for (const node of nodes) {
      const value = node.getAttribute(attr);
      if (value === null || value.startsWith('#')) continue;
      const absolute = resolve(value);
      if (absolute) node.setAttribute(attr, absolute);
    }
  }
  for (const node of [root, ...elementsUnder(root)]) {
    const srcset = node.getAttribute('srcset');
    if (!srcset) continue;
    const rewritten = srcset.split(',').map((part) => {
      const [url, ...descriptor] = part.trim().split(/\s+/);
      const absolute = url ? resolve(url) : null;
      return absolute ? [absolute, ...descriptor].join(' ') : part.trim();
    });
    node.setAttribute('srcset', rewritten.join(', '));
  }
}

/** Page controls that mean nothing in a read-only drawer (the sanitizer drops most; these go with their content). */
const COMMENT_CONTROLS = ['form', 'input', 'button', 'textarea', 'select', 'iframe', 'script', 'noscript', 'label', 'object', 'embed'];

/** Removes forms, inputs, buttons and embeds from a comment section (in place, on a detached copy). */
export function stripCommentControls(root: Element): void {
  for (const tag of COMMENT_CONTROLS) for (const node of elementsUnder(root, tag)) node.remove();
}

/** The class (or id, or schema.org type) that says an element is part of a comment thread; null when nothing does. */
function commentName(el: Element): string | null {
  if (COMMENT_ITEMTYPE.test(el.getAttribute('itemtype') ?? '') || el.getAttribute('itemprop') === 'comment') return 'schema';
  for (const token of (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/)) if (token && COMMENT_TOKEN.test(token)) return token;
  // Ids are unique per comment (comment-123): they all count as one kind.
  return COMMENT_TOKEN.test((el.getAttribute('id') ?? '').toLowerCase()) ? '#id' : null;
}

/** A comment holds something to read: a paragraph, or (list items and articles) text. */
function holdsComment(el: Element): boolean {
  if (el.getElementsByTagName('p').length > 0) return true;
  return (el.localName === 'li' || el.localName === 'article') && textOf(el).length > 0;
}

/**
 * How many comments a thread holds. Each comment repeats the same parts (the item, its body, its text), each
 * named "comment-something"; the thread's wrappers appear once. So the elements are grouped by tag and
 * comment name, and the largest group is the number of comments: a comment and its body never count twice.
 * Threads without such names count their list items or articles. Run it after stripCommentControls, so a
 * reply form's labels do not look like a comment.
 */
export function countComments(thread: Element): number {
  const groups = new Map<string, number>();
  const plain: Element[] = [];
  for (const el of elementsUnder(thread)) {
    if (!holdsComment(el)) continue;
    const name = commentName(el);
    if (name) {
      const key = `${el.localName} ${name}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    } else if (el.localName === 'li' || el.localName === 'article') plain.push(el);
  }
  if (groups.size) return Math.max(...groups.values());
  return plain.filter((el) => !plain.some((other) => other !== el && other.localName === el.localName && other.contains(el))).length;
}

/**
 * The stripped blocks as the reader shows them again: each copied, its links made absolute, sanitized with the
 * live page's window (the clone has none). Runs before Readability, which rewrites kept blocks in the clone.
 */
export function describeStripped(notes: readonly StrippedNote[], base: string, win: Window): StrippedBlock[] {
  return notes.map(({ el, ...note }) => {
    // A copy now (a kept block is still in the tree Readability is about to rewrite); its HTML when first read.
    // The reader reads it only when the user shows a family's blocks, so an extraction does not sanitize a
    // dozen blocks nobody looks at. Serializing the result (the CLI's JSON) reads it like any other field.
    const copy = el.cloneNode(true) as Element;
    let html: string | null = null;
    return Object.defineProperty({ ...note } as StrippedBlock, 'html', {
      enumerable: true,
      configurable: true,
      get: () => (html ??= sanitizedHtmlOf(copy, base, win)),
    });
  });
}

/**
 * The HTML of a detached copy, links absolute, sanitized in place (no second parse of a string: in jsdom that
 * parse cost more than the rest of the listing). The wrapper keeps the copy's own element, which DOMPurify
 * would otherwise treat as the root and not check.
 */
function sanitizedHtmlOf(copy: Element, base: string, win: Window): string {
  absolutizeLinks(copy, base);
  const wrapper = copy.ownerDocument.createElement('div');
  wrapper.append(copy);
  sanitizeInPlace(wrapper, win);
  return wrapper.innerHTML;
}

/** Comment widgets of the site (recent, popular, latest comments anywhere on it), not this article's thread. */
const SITE_WIDGET = /widget|recent|latest|popular|sidebar|(?:^|[\s_-])most[\s_-]|comments?-(?:count|link|number)/;
const SIDEBAR_TAGS = new Set(['aside', 'nav', 'footer', 'header']);
/** How far above the article region to look for its comment thread: its siblings and its parent's. */
const COMMENT_CLIMB = 2;

function isSidebar(el: Element): boolean {
  return SIDEBAR_TAGS.has(el.localName) || el.getAttribute('role') === 'complementary' || /sidebar|widget/.test(attributeTokens(el));
}

function isThreadOfTheArticle(el: Element): boolean {
  const tokens = attributeTokens(el);
  return COMMENT_TOKEN.test(tokens) && !SITE_WIDGET.test(tokens) && !el.closest('aside, [role="complementary"]');
}

/**
 * Comment threads just after the article region on the live page (WordPress puts `#comments` beside the
 * `<article>`): the region's following siblings and its parent's, or their children, never sidebars.
 * Read-only; the caller copies what it keeps.
 */
export function threadsBesideRegion(region: Element | null): Element[] {
  const found: Element[] = [];
  let node: Element | null = region;
  for (let level = 0; node && level < COMMENT_CLIMB; level++, node = node.parentElement) {
    if (node.localName === 'body' || node.localName === 'html') break;
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (isSidebar(sib)) continue;
      if (isThreadOfTheArticle(sib)) found.push(sib);
      else for (const child of Array.from(sib.children)) if (isThreadOfTheArticle(child)) found.push(child);
    }
  }
  return found;
}

/**
 * The comment sections as the drawer shows them: the ones the comment rules removed from the region plus the
 * thread beside it on the live page (copied into `inert`), without controls, links absolute, sanitized. Null when
 * they hold no comment.
 */
export function describeComments(
  removed: readonly Element[], liveRegion: Element | null, inert: Document, base: string, win: Window,
): CommentsResult | null {
  const sections = [
    ...removed.filter((el) => !SITE_WIDGET.test(attributeTokens(el))),
    // Copied into the extraction copy's document, which has no window: a copy made in the live page would start
    // loading its images and could run their inline handlers.
    ...threadsBesideRegion(liveRegion).map((el) => inert.importNode(el, true)),
  ];
  let count = 0;
  const threads: Element[] = [];
  for (const section of sections) {
    stripCommentControls(section);
    const comments = countComments(section);
    if (comments === 0) continue;
    count += comments;
    threads.push(section);
  }
  if (count === 0) return null;
  // The HTML is made when first read, as for stripped blocks: the popup needs only the count, the reader the
  // HTML once the drawer is built. The threads are detached copies: nothing after this step changes them.
  let html: string | null = null;
  return {
    count,
    get html(): string {
      return (html ??= threads.map((thread) => sanitizedHtmlOf(thread, base, win)).join(''));
    },
  };
}
