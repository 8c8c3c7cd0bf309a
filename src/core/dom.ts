/** Small DOM helpers shared by the core. They work on any Document (browser or jsdom) and never mutate. */

/** Whitespace-collapsed text of a node. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** JavaScript's `\s`: what textOf collapses. */
function isSpace(code: number): boolean {
  return code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * textOf(node) when it is at most `max` characters long, else null. A long text is refused by counting its
 * visible characters up to `max` (collapsing never makes a text shorter than those), not collapsed in full:
 * the scans for short lines (bylines, date lines, labels) ask this of many elements, and the containers among
 * them hold the whole story. (Counting in the first text nodes instead, by a walk, measured slower in Chromium:
 * native `textContent` is cheaper than a crossing per node.)
 */
export function shortTextOf(node: Node, max: number): string | null {
  const raw = node.textContent ?? '';
  if (raw.length > max) {
    let visible = 0;
    for (let i = 0; i < raw.length; i++) if (!isSpace(raw.charCodeAt(i)) && ++visible > max) return null;
  }
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length > max ? null : text;
}

/** Text and CDATA nodes: what `textContent` is made of. */
function isTextNode(node: Node): boolean {
  return node.nodeType === 3 || node.nodeType === 4;
}

/**
 * The first visible (non-space) character of `root`'s text, or '' when it shows none: the first character of
 * textOf(root), found in its first text nodes without building its text.
 */
export function firstVisibleChar(root: Node): string {
  let node: Node | null = isTextNode(root) ? root : root.firstChild;
  while (node) {
    if (isTextNode(node)) {
      const value = node.nodeValue ?? '';
      for (let i = 0; i < value.length; i++) if (!isSpace(value.charCodeAt(i))) return String.fromCodePoint(value.codePointAt(i) ?? 0);
    } else if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return '';
}

/** True when `root` shows any text (textOf(root) is not empty), without building its text. */
export function hasVisibleText(root: Node): boolean {
  return firstVisibleChar(root) !== '';
}

/**
 * shortTextOf(el, max) for scans that read many of the same elements with limits up to `limit` (the removal
 * rules: ad labels, calls to action, related labels and lines): each element's text is read once, at `limit`, and
 * a parent holding a child already found too long is too long itself, refused without reading its text. Read
 * children before parents (a list in document order, backwards), a chain of wrappers around the story is read
 * once, at the innermost wrapper. Call `forget(el)` before removing `el`: its ancestors' texts change.
 */
export class ShortTexts {
  private readonly texts = new Map<Element, string | null>();

  constructor(private readonly limit: number) {}

  get(el: Element, max: number): string | null {
    if (max > this.limit) return shortTextOf(el, max);
    let text = this.texts.get(el);
    if (text === undefined) {
      text = this.read(el);
      this.texts.set(el, text);
    }
    return text !== null && text.length <= max ? text : null;
  }

  forget(el: Element): void {
    for (let a = el.parentElement; a; a = a.parentElement) this.texts.delete(a);
  }

  private read(el: Element): string | null {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (this.texts.get(child) === null) return null;
    return shortTextOf(el, this.limit);
  }
}

/** Class and id of an element, lower-cased, as one string of tokens ("itw-ad itw-ad-mrec div-gpt-ad-1"). */
export function attributeTokens(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const id = el.id ?? '';
  return `${cls} ${id}`.toLowerCase();
}

/** Total length of the text inside links, relative to all text: near 1 for menus and link lists. */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) linked += textOf(a).length;
  return Math.min(1, linked / total);
}

/** True if `ancestor` is `el` or contains it. */
export function containsOrIs(ancestor: Node, el: Node): boolean {
  return ancestor === el || ancestor.contains(el);
}

/** First `limit` characters of an element's text, for debug records. */
export function sampleOf(el: Element, limit = 80): string {
  const text = textOf(el);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/**
 * Every element under `root` in document order. A manual walk: in jsdom, `Array.from` over the live
 * HTMLCollection of getElementsByTagName('*') costs a proxy lookup per index, several times slower.
 */
export function elementsUnder(root: Element, tag?: string): Element[] {
  const out: Element[] = [];
  let node: Element | null = root.firstElementChild;
  while (node) {
    if (!tag || node.localName === tag) out.push(node);
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) node = node.parentElement;
    if (!node || node === root) break;
    node = node.nextElementSibling;
  }
  return out;
}

/**
 * The elements under `root`, taken from `elements`, a list of every element under one of its ancestors in document
 * order (elementsUnder of that ancestor): root's descendants follow it there as one run, ending at its last one.
 */
export function descendantsIn(elements: readonly Element[], root: Element): Element[] {
  const start = elements.indexOf(root) + 1;
  if (start === 0) return elementsUnder(root);
  if (!root.firstElementChild) return [];
  let last: Element = root;
  while (last.lastElementChild) last = last.lastElementChild;
  const end = elements.lastIndexOf(last);
  return end < start ? elementsUnder(root) : elements.slice(start, end + 1);
}
