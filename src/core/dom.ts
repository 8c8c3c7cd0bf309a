/** Small DOM helpers shared by the core. They work on any Document (browser or jsdom) and never mutate. */

/** Whitespace-collapsed text of a node. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
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
