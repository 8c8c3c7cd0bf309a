/**
 * The article region: the smallest container holding both the headline and the main block of running
 * text. Blocks inside it belong to the article page's main column (promotions, comment threads under the
 * story); blocks outside it are the site's sidebars, header and footer.
 */
import { elementsUnder, textOf } from './dom.js';

/** Paragraphs shorter than this are captions, teasers' one-liners or labels. */
export const MIN_RUNNING_PARAGRAPH_CHARS = 80;

/**
 * The container with the most running text, counting each paragraph for its parent and grandparent
 * (CMSs wrap paragraphs one by one in divs). Returns the container and its text mass.
 */
export function mainTextBlock(root: Element): { container: Element | null; chars: number; paragraphs: number } {
  const byContainer = new Map<Element, { chars: number; paragraphs: number }>();
  const add = (container: Element | null, length: number) => {
    if (!container) return;
    const entry = byContainer.get(container);
    if (entry) {
      entry.chars += length;
      entry.paragraphs += 1;
    } else byContainer.set(container, { chars: length, paragraphs: 1 });
  };
  for (const p of elementsUnder(root)) {
    if (p.localName !== 'p' && p.localName !== 'pre') continue;
    const length = textOf(p).length;
    if (length < MIN_RUNNING_PARAGRAPH_CHARS) continue;
    add(p.parentElement, length);
    add(p.parentElement?.parentElement ?? null, length);
  }
  let best: { container: Element | null; chars: number; paragraphs: number } = { container: null, chars: 0, paragraphs: 0 };
  for (const [container, entry] of byContainer) if (entry.chars > best.chars) best = { container, ...entry };
  return best;
}

function lowestCommonAncestor(a: Element, b: Element): Element | null {
  for (let node: Element | null = a; node; node = node.parentElement) if (node.contains(b)) return node;
  return null;
}

export function articleRegion(body: Element, headline: Element | null, container: Element | null): Element | null {
  if (!container || !headline) return null;
  const region = lowestCommonAncestor(headline, container);
  return region && region !== body && region !== body.ownerDocument.documentElement ? region : null;
}
