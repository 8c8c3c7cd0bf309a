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

export function noteKeptBlocks(body: Element, blocks: readonly Element[]): KeptBlock[] {
  if (blocks.length === 0) return [];
  const paragraphs = elementsUnder(body, 'p').filter((p) => textOf(p).length >= MIN_ANCHOR_CHARS);
  return blocks.map((block) => {
    let after = '';
    for (const p of paragraphs) {
      if (block.contains(p)) continue;
      if (p.compareDocumentPosition(block) & 4 /* block FOLLOWS p */) after = keyOf(p);
      else break;
    }
    return { node: block.cloneNode(true) as Element, after, key: keyOf(block) };
  });
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
