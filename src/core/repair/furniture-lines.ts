/**
 * Page furniture that survives inside the extracted body as lines of its own: picture credits ("Foto: dpa",
 * "Shutterstock"), slide counters and widget words ("1 of 6", "Caption", "Close"), taxonomy lines
 * ("Filed under: Politics"), copyright notices, the publisher's notices to the reader ("Follow us on
 * Twitter", "Already a subscriber? Log in", "Was this article helpful?"), and blocks a template printed twice (a caption under every
 * slide), and headings left at the very end with nothing under them (their list was removed). None of them
 * is part of the story; the reader shows each caption once and no credits. Only whole
 * lines are removed, and only short ones (long text is prose, whatever it starts with); only captions are
 * deduplicated. Runs on
 * Readability's output, which is small.
 */
import {
  COPYRIGHT_LINE,
  FURNITURE_LINE_MAX_CHARS,
  GALLERY_WIDGET_LINE,
  META_LINE_MAX_CHARS,
  PHOTO_CREDIT_LINE,
  PICTURE_AGENCY_LINE,
  READER_NOTICE_LINE,
  REPEATED_BLOCK_MIN_CHARS,
  TAXONOMY_LINE,
} from '../constants.js';
import { textOf } from '../dom.js';

/** Elements that hold one line or paragraph of text. */
const LINE_TAGS = 'p, div, li, figcaption, span, small, em, strong, b, i, h2, h3, h4, h5, h6, dd, dt, cite, address';
const MEDIA = 'img, picture, video, audio, iframe, svg, table';
const PICTURE = 'img, picture, video';
/** Inline lines count only inside a figure, where a credit trails the caption in its own element. */
const INLINE = new Set(['span', 'small', 'em', 'strong', 'b', 'i', 'cite']);
/** A line holds no blocks of its own (then it is a container, judged by its children) ... */
const BLOCK_INSIDE = 'p, div, li, ul, ol, figure, figcaption, table, blockquote, pre, h1, h2, h3, h4, h5, h6, section, article, img, picture, video, iframe, svg';
/** ... and is not code or tabular data, where short lines and repeats are content. */
const KEEP_INSIDE = 'pre, code, table, math';

export type FurnitureKind = 'repeated' | 'credit' | 'widget' | 'taxonomy' | 'copyright' | 'notice' | 'heading';

export function furnitureKind(text: string): FurnitureKind | null {
  if (text.length <= FURNITURE_LINE_MAX_CHARS) {
    if (PHOTO_CREDIT_LINE.test(text) && !COPYRIGHT_LINE.test(text)) return 'credit';
    if (PICTURE_AGENCY_LINE.test(text)) return 'credit';
    if (GALLERY_WIDGET_LINE.test(text)) return 'widget';
  }
  if (text.length <= META_LINE_MAX_CHARS) {
    if (COPYRIGHT_LINE.test(text)) return 'copyright';
    if (TAXONOMY_LINE.test(text)) return 'taxonomy';
    if (READER_NOTICE_LINE.test(text)) return 'notice';
  }
  return null;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Removes furniture lines from `content`; returns how many of each kind went. */
export function removeFurnitureLines(content: Element): Partial<Record<FurnitureKind, number>> {
  const removed: Partial<Record<FurnitureKind, number>> = {};
  const seen = new Set<string>();
  for (const el of Array.from(content.querySelectorAll(LINE_TAGS))) {
    if (!content.contains(el) || el.querySelector(BLOCK_INSIDE) || el.closest(KEEP_INSIDE)) continue;
    const inline = INLINE.has(el.localName);
    if (inline && !el.closest('figure, figcaption')) continue;
    const text = textOf(el);
    if (!text) continue;
    let kind = furnitureKind(text);
    if (!kind && !inline && text.length >= REPEATED_BLOCK_MIN_CHARS && isCaption(el)) {
      const key = norm(text);
      if (seen.has(key)) kind = 'repeated';
      else seen.add(key);
    }
    if (!kind) continue;
    // An inline line (a credit in <small> inside a caption) goes alone; a block line takes its empty parents.
    let target: Element = el;
    while (target.parentElement && target.parentElement !== content && textOf(target.parentElement) === text && !target.parentElement.querySelector('img, picture, video, iframe')) {
      target = target.parentElement;
    }
    target.remove();
    removed[kind] = (removed[kind] ?? 0) + 1;
  }
  const headings = Array.from(content.querySelectorAll('h1, h2, h3, h4, h5, h6'));
  for (let i = headings.length - 1; i >= 0 && nothingAfter(headings[i] as Element, content); i--) {
    (headings[i] as Element).remove();
    removed.heading = (removed.heading ?? 0) + 1;
  }
  return removed;
}

/**
 * A caption: inside a figure, or the block right after a picture that has no text of its own. Only captions
 * are deduplicated: a paragraph may repeat on purpose (the same question put to every interviewee).
 */
function isCaption(el: Element): boolean {
  if (el.closest('figure, figcaption')) return true;
  const before = el.previousElementSibling;
  return !!before && !textOf(before) && (before.matches(PICTURE) || !!before.querySelector(PICTURE));
}

/** True when no text or media follows `el` inside `root`. */
function nothingAfter(el: Element, root: Element): boolean {
  for (let node: Element = el; node !== root && node.parentElement; node = node.parentElement) {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      if ((next.textContent ?? '').trim()) return false;
      if (next.nodeType === 1 && ((next as Element).matches(MEDIA) || (next as Element).querySelector(MEDIA))) return false;
    }
  }
  return true;
}
