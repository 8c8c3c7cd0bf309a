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
 * the scans for short lines (bylines, date lines, copyright lines) ask this of every element near the
 * headline, and the containers among them hold the whole story.
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

/**
 * shortTextOf(el, max) for a scan that reads many elements, children before their parents (it walks a list in
 * document order backwards): a parent holding a child already found too long is too long itself, and is refused
 * without reading its text. A scan over every element then reads a chain of wrappers around the story once, at
 * the innermost wrapper it looks at, not once per wrapper.
 */
export function shortTextReader(max: number): (el: Element) => string | null {
  const tooLong = new Set<Element>();
  return (el) => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (tooLong.has(child)) {
        tooLong.add(el);
        return null;
      }
    }
    const text = shortTextOf(el, max);
    if (text === null) tooLong.add(el);
    return text;
  };
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
