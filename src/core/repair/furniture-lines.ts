/**
 * Page furniture that survives inside the extracted body as lines of its own:
 *   - picture credits ("Foto: dpa", "Shutterstock"), slide counters and widget words ("1 of 6", "Caption");
 *   - taxonomy and filing lines ("Filed under: Politics"), copyright notices;
 *   - the publisher's notices to the reader ("Follow us on Twitter", "Already a subscriber? Log in");
 *   - captions a gallery template printed again under every slide;
 *   - headings left at the very end with nothing under them (their list was removed).
 * None of them is part of the story. Only whole lines go, and only short ones (long text is prose, whatever
 * it starts with); captions themselves stay, each shown once. Runs on Readability's output, which is small.
 */
import {
  COPYRIGHT_LINE,
  FILING_LINE_MAX_CHARS,
  FURNITURE_LINE_MAX_CHARS,
  GALLERY_WIDGET_LINE,
  META_LINE_MAX_CHARS,
  PHOTO_CREDIT_LINE,
  PICTURE_AGENCY_LINE,
  READER_NOTICE_LINE,
  REPEATED_BLOCK_MIN_CHARS,
  TAXONOMY_LINE,
} from '../constants.js';
import { shortTextOf, textOf } from '../dom.js';

/** Elements that hold one line or paragraph of text. */
const LINE_TAGS = new Set(['p', 'div', 'li', 'figcaption', 'span', 'small', 'em', 'strong', 'b', 'i', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'cite', 'address']);
/** Inline lines count only inside a figure, where a credit trails the caption in its own element. */
const INLINE = new Set(['span', 'small', 'em', 'strong', 'b', 'i', 'cite']);
/** A line holds none of these (an element that does is a container, judged by its children) ... */
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'figure', 'figcaption', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'img', 'picture', 'video', 'audio', 'iframe', 'svg']);
/** ... and is not, nor holds, code or tabular data, where short lines and repeats are content. */
const KEEP = new Set(['pre', 'code', 'table', 'math']);
const MEDIA = 'img, picture, video, audio, iframe, svg, table';
const PICTURE = 'img, picture, video';
/** How many wrappers a caption may sit in below the picture's level (gallery slide, caption box). */
const CAPTION_MAX_CLIMB = 3;

interface Line {
  el: Element;
  inline: boolean;
  inFigure: boolean;
}

/** The line elements under `el` in document order, found in one walk. Returns whether `el` is or holds a block. */
function collectLines(el: Element, inFigure: boolean, lines: Array<Line | null>): boolean {
  const tag = el.localName;
  if (KEEP.has(tag)) return true;
  const figure = inFigure || tag === 'figure' || tag === 'figcaption';
  const slot = lines.length;
  lines.push(null);
  let holdsBlock = false;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (collectLines(child, figure, lines)) holdsBlock = true;
  }
  const inline = INLINE.has(tag);
  if (LINE_TAGS.has(tag) && !holdsBlock && (!inline || figure)) lines[slot] = { el, inline, inFigure: figure };
  return holdsBlock || BLOCKS.has(tag);
}

export type FurnitureKind = 'repeated' | 'credit' | 'widget' | 'taxonomy' | 'copyright' | 'notice' | 'heading';

/** The longest line furnitureKind may name: longer text is prose. */
const FURNITURE_KIND_MAX_CHARS = Math.max(FURNITURE_LINE_MAX_CHARS, FILING_LINE_MAX_CHARS, META_LINE_MAX_CHARS);

export function furnitureKind(text: string): FurnitureKind | null {
  if (text.length <= FURNITURE_LINE_MAX_CHARS) {
    if (PHOTO_CREDIT_LINE.test(text) && !COPYRIGHT_LINE.test(text)) return 'credit';
    if (PICTURE_AGENCY_LINE.test(text)) return 'credit';
    if (GALLERY_WIDGET_LINE.test(text)) return 'widget';
  }
  if (text.length <= FILING_LINE_MAX_CHARS && TAXONOMY_LINE.test(text)) return 'taxonomy';
  if (text.length <= META_LINE_MAX_CHARS) {
    if (COPYRIGHT_LINE.test(text)) return 'copyright';
    if (READER_NOTICE_LINE.test(text)) return 'notice';
  }
  return null;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Removes furniture lines from `content`; returns how many of each kind went. */
export function removeFurnitureLines(content: Element): Partial<Record<FurnitureKind, number>> {
  const removed: Partial<Record<FurnitureKind, number>> = {};
  const captions = new Set<string>();
  const lines: Array<Line | null> = [];
  for (let child = content.firstElementChild; child; child = child.nextElementSibling) collectLines(child, false, lines);
  for (const line of lines) {
    if (!line || !content.contains(line.el)) continue;
    const { el, inline } = line;
    // Furniture lines are short: a longer text (most lines are paragraphs of the story) is collapsed only when a
    // caption repeat is possible.
    const short = shortTextOf(el, FURNITURE_KIND_MAX_CHARS);
    if (short === '') continue;
    let kind = short === null ? null : furnitureKind(short);
    if (!kind && !inline && (short === null || short.length >= REPEATED_BLOCK_MIN_CHARS)) {
      // A repeat of a caption seen earlier goes, wherever it sits; only captions start the list. The text is
      // normalised only when that can matter: a caption to remember, or captions to compare it with.
      const caption = isCaption(line);
      if (caption || captions.size > 0) {
        const key = norm(short ?? textOf(el));
        if (captions.has(key)) kind = 'repeated';
        else if (caption) captions.add(key);
      }
    }
    if (!kind) continue;
    // An inline line (a credit in <small> inside a caption) goes alone; a block line takes its empty parents.
    const text = short ?? textOf(el);
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
 * A caption: inside a figure, or the first line after a picture that has no text of its own. Only repeats of
 * captions are removed: a paragraph may repeat on purpose (the same question put to every interviewee).
 */
function isCaption({ el, inFigure }: Line): boolean {
  if (inFigure) return true;
  // The closest block before the line, looking through wrappers the line opens.
  let node: Element | null = el;
  for (let level = 0; node && level <= CAPTION_MAX_CLIMB; level++, node = node.parentElement) {
    const before: Element | null = node.previousElementSibling;
    if (before) return !(before.textContent ?? '').trim() && (before.matches(PICTURE) || !!before.querySelector(PICTURE));
  }
  return false;
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
