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
  key: string;
}

const keyOf = (el: Element) => textOf(el).slice(0, KEY_CHARS);

/** The paragraphs under `body` long enough to anchor a block (a caption or a label is not). */
export function anchorParagraphs(body: Element): Element[] {
  return elementsUnder(body, 'p').filter((p) => textOf(p).length >= MIN_ANCHOR_CHARS);
}

/**
 * The leading text of the last anchor paragraph before `block` ('' when none), while `block` is still in the
 * tree. Paragraphs that left the tree since `paragraphs` was taken (removed with another block) are skipped.
 */
export function anchorTextBefore(paragraphs: readonly Element[], block: Element): string {
  let after = '';
  for (const p of paragraphs) {
    if (!p.isConnected || block.contains(p)) continue;
    if (p.compareDocumentPosition(block) & 4 /* block FOLLOWS p */) after = keyOf(p);
    else break;
  }
  return after;
}

export function noteKeptBlocks(body: Element, blocks: readonly Element[]): KeptBlock[] {
  if (blocks.length === 0) return [];
  const paragraphs = anchorParagraphs(body);
  return blocks.map((block) => ({ node: block.cloneNode(true) as Element, after: anchorTextBefore(paragraphs, block), key: keyOf(block) }));
}

export function restoreKeptBlocks(content: Element, blocks: readonly KeptBlock[]): void {
  if (blocks.length === 0) return;
  const text = textOf(content);
  const paragraphs = elementsUnder(content, 'p');
  for (const block of blocks) {
    if (!block.key || text.includes(block.key)) continue; // Readability kept it
    const anchor = paragraphs.find((p) => block.after && keyOf(p) === block.after);
    if (!anchor) continue;
    let top: Element = anchor;
    while (top.parentElement && top.parentElement !== content && top.parentElement.parentElement !== content) top = top.parentElement;
    top.after(content.ownerDocument.importNode(block.node, true));
  }
}
