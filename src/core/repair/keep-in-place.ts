/**
 * Puts back blocks the user asked to keep (a switched-off rule's matches inside the article region) that
 * Readability dropped, each after the paragraph it followed on the page. Runs before sanitizing.
 */
import { elementsUnder, textOf } from '../dom.js';

const KEY_CHARS = 80;
const MIN_ANCHOR_CHARS = 60;

export interface KeptBlock {
  /** A detached copy of the block, taken before Readability rewrote the clone. */
  node: Element;
  /** Leading text of the last substantial paragraph before the block ('' when none). */
  after: string;
  /**
   * Leading text of the block and of each of its paragraphs: Readability may keep a block in part (it drops
   * hidden elements, link lists and headings it doubts), so the block's own leading text can be gone while the
   * block is still there. Any key found in the article means Readability kept the block.
   */
  keys: string[];
}

const keyOf = (el: Element) => textOf(el).slice(0, KEY_CHARS);

/** A paragraph's leading text must be this long to tell the block apart (a label like "Sponsored" is not). */
const MIN_PART_KEY_CHARS = 20;
const PARTS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, figcaption, td, dd';
/** Containers a block is never put inside: it goes after the outermost of them that holds its anchor paragraph. */
const ENCLOSING = 'li, ul, ol, dl, table, blockquote, figure';

function keysOf(block: Element): string[] {
  const keys = new Set<string>();
  const own = keyOf(block);
  if (own) keys.add(own);
  for (const part of Array.from(block.querySelectorAll(PARTS))) {
    const key = keyOf(part);
    if (key.length >= MIN_PART_KEY_CHARS) keys.add(key);
  }
  return [...keys];
}

/** The paragraphs under `body` long enough to anchor a block (a caption or a label is not). */
export function anchorParagraphs(body: Element): Element[] {
  return anchorParagraphsOf(elementsUnder(body, 'p'), (p) => textOf(p).length);
}

/** anchorParagraphs from the paragraphs under body (in document order) and their text lengths, for a caller that knows them. */
export function anchorParagraphsOf(paragraphs: readonly Element[], lengthOf: (p: Element) => number): Element[] {
  return paragraphs.filter((p) => lengthOf(p) >= MIN_ANCHOR_CHARS);
}

/**
 * The leading text of the last anchor paragraph before `block` ('' when none), while `block` is still in the
 * tree. Paragraphs that left the tree since `paragraphs` was taken (removed with another block) are skipped.
 */
export function anchorTextBefore(paragraphs: readonly Element[], block: Element): string {
  let last: Element | null = null;
  for (const p of paragraphs) {
    if (!p.isConnected || block.contains(p)) continue;
    if (p.compareDocumentPosition(block) & 4 /* block FOLLOWS p */) last = p;
    else break;
  }
  return last ? keyOf(last) : '';
}

export function noteKeptBlocks(body: Element, blocks: readonly Element[]): KeptBlock[] {
  if (blocks.length === 0) return [];
  const paragraphs = anchorParagraphs(body);
  return blocks.map((block) => ({ node: block.cloneNode(true) as Element, after: anchorTextBefore(paragraphs, block), keys: keysOf(block) }));
}

export function restoreKeptBlocks(content: Element, blocks: readonly KeptBlock[]): void {
  if (blocks.length === 0) return;
  const text = textOf(content);
  const paragraphs = elementsUnder(content, 'p');
  for (const block of blocks) {
    if (block.keys.length === 0 || block.keys.some((key) => text.includes(key))) continue; // Readability kept it
    const anchor = paragraphs.find((p) => block.after && keyOf(p) === block.after);
    if (!anchor) continue;
    let place: Element = anchor;
    for (let up = anchor.parentElement?.closest(ENCLOSING); up && content.contains(up) && up !== content; up = up.parentElement?.closest(ENCLOSING)) place = up;
    place.after(content.ownerDocument.importNode(block.node, true));
  }
}
