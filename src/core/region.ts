/**
 * The article region: the smallest container holding both the headline and the main block of running
 * text. Blocks inside it belong to the article page's main column (promotions, comment threads under the
 * story); blocks outside it are the site's sidebars, header and footer.
 */
import { elementsUnder } from './dom.js';

/** Paragraphs shorter than this are captions, teasers' one-liners or labels. */
const MIN_RUNNING_PARAGRAPH_CHARS = 80;

/** Chinese, Japanese and Korean scripts say in one character what alphabets say in about three. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;
const CJK_WEIGHT = 3;

function weightedLength(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return text.length + cjk * (CJK_WEIGHT - 1);
}

/** Containers that some pages fill with bare text (and <br>s) instead of paragraphs. */
const BLOCK_CONTAINERS = new Set(['div', 'section', 'article', 'td', 'blockquote', 'main']);
/**
 * List items and spans: on most pages a list's items or a line of a paragraph, and counted only where the rest
 * of the page makes no article. Then they may be the story: all of it in one span, or one span per paragraph
 * from a rich-text editor. Inside a paragraph they are part of its text, which counts already.
 */
const LINE_CONTAINERS = new Set(['li', 'span']);
const TEXT_CONTAINERS = new Set([...BLOCK_CONTAINERS, ...LINE_CONTAINERS]);
const PARAGRAPHS = 'p, pre';
/** An article's worth of running text (detectArticle's minimum): below it, list items and spans count too. */
export const MIN_ARTICLE_CHARS = 500;

/**
 * Text shorter than this (raw, before collapsing whitespace) cannot reach MIN_RUNNING_PARAGRAPH_CHARS even if all
 * of it were CJK: such elements are skipped before any string work (most elements of a page are).
 */
const MIN_RAW_CHARS = Math.ceil(MIN_RUNNING_PARAGRAPH_CHARS / CJK_WEIGHT);

/** Length of the text directly inside `el` (not in child elements): a bare-text paragraph. */
function ownTextLength(el: Element): number {
  let raw = 0;
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) raw += child.nodeValue?.length ?? 0;
  if (raw < MIN_RAW_CHARS) return 0;
  let length = 0;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) length += weightedLength((child.nodeValue ?? '').replace(/\s+/g, ' ').trim());
  }
  return length;
}

/** The weighted length of a paragraph's text, or 0 when it is too short to count (without building the string). */
function paragraphLength(el: Element): number {
  const raw = el.textContent ?? '';
  return raw.length < MIN_RAW_CHARS ? 0 : weightedLength(raw.replace(/\s+/g, ' ').trim());
}

/**
 * The bare-text containers under `root` that may hold a running paragraph: the parents of long text nodes, each
 * once, in the order of their first such node. A walk over text nodes, for browsers: most elements of a page
 * hold no text of their own, and a selector for every container tag would list them all.
 */
export function bareTextContainers(root: Element): Element[] {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  // A container's text nodes need not be adjacent in the walk (links and other inline elements sit between them).
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).length < MIN_RAW_CHARS) continue;
    const parent = node.parentElement;
    if (parent && TEXT_CONTAINERS.has(parent.localName)) seen.add(parent);
  }
  return [...seen];
}

/**
 * The container with the most running text, counting each paragraph for its parent and grandparent
 * (CMSs wrap paragraphs one by one in divs). Returns the container and its text mass. `candidates` are the
 * elements under `root` in document order; only paragraphs, `pre` and TEXT_CONTAINERS among them count, so a
 * browser may pass the paragraphs (one native query) and `bareTextContainers(root)` instead of a walk.
 */
export function mainTextBlock(
  root: Element,
  candidates: Iterable<Element> = elementsUnder(root),
): { container: Element | null; chars: number; paragraphs: number } {
  const byContainer = new Map<Element, { chars: number; paragraphs: number }>();
  const add = (el: Element, length: number) => {
    for (let container = el.parentElement, up = 0; container && up < 2; container = container.parentElement, up++) {
      const entry = byContainer.get(container);
      if (entry) {
        entry.chars += length;
        entry.paragraphs += 1;
      } else byContainer.set(container, { chars: length, paragraphs: 1 });
    }
  };
  const heaviest = () => {
    let best: { container: Element | null; chars: number; paragraphs: number } = { container: null, chars: 0, paragraphs: 0 };
    for (const [container, entry] of byContainer) if (entry.chars > best.chars) best = { container, ...entry };
    return best;
  };
  // List items and spans are measured only when they count: when the rest makes no article.
  const lines: Element[] = [];
  for (const el of candidates) {
    const tag = el.localName;
    let length = 0;
    if (tag === 'p' || tag === 'pre') length = paragraphLength(el);
    else if (LINE_CONTAINERS.has(tag)) {
      lines.push(el);
      continue;
    } else if (BLOCK_CONTAINERS.has(tag)) length = ownTextLength(el);
    else continue;
    if (length < MIN_RUNNING_PARAGRAPH_CHARS) continue;
    if (tag !== 'p' && tag !== 'pre' && el.parentElement?.closest(PARAGRAPHS)) continue; // counted with its paragraph
    add(el, length);
  }
  const best = heaviest();
  if (best.chars >= MIN_ARTICLE_CHARS) return best;
  let counted = 0;
  for (const el of lines) {
    const length = ownTextLength(el);
    if (length < MIN_RUNNING_PARAGRAPH_CHARS || el.parentElement?.closest(PARAGRAPHS)) continue;
    add(el, length);
    counted++;
  }
  return counted === 0 ? best : heaviest();
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
