/**
 * The working copy Readability and the rules run on. Readability mutates what it gets, so it always gets a
 * copy; we build that copy by walking the live body once and leaving out what can never be article
 * content (scripts, styles, embeds, hidden elements, comments). Everything after this step does less work
 * on a smaller tree, which pays for the rules we run on top of Readability.
 */

/** Elements that never carry article text. `noscript` stays: it holds the real `<img>` of lazy images. */
const SKIP_TAGS = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'link', 'meta', 'frame', 'frameset', 'dialog']);

/** Inline styles that hide an element from every reader. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

function copyChildren(from: Node, to: Node, doc: Document, copies: Map<Element, Element>): void {
  for (let child = from.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 /* TEXT */) {
      to.appendChild(doc.createTextNode(child.nodeValue ?? ''));
    } else if (child.nodeType === 1 /* ELEMENT */) {
      const el = child as Element;
      if (SKIP_TAGS.has(el.localName) || isHidden(el)) continue;
      const copy = doc.importNode(el, false);
      if (copies.has(el)) copies.set(el, copy);
      to.appendChild(copy);
      copyChildren(el, copy, doc, copies);
    }
  }
}

export interface ExtractionCopy {
  doc: Document;
  /** The copy of each live element asked for in `track` (absent when it was left out). */
  copyOf(el: Element | null): Element | null;
}

/**
 * A detached copy of `doc` for extraction: the head's title and meta tags, a `<base>` with the page URL (so
 * relative links resolve as on the page), the root's lang and dir, and the filtered body. With `region` (the
 * article region found on the live page), the copy's body holds only that element: the rules and Readability
 * never look outside it, so copying the rest of the page would be wasted work.
 */
export function cloneForExtraction(doc: Document, baseUrl: string, track: ReadonlyArray<Element | null> = [], region: Element | null = null): ExtractionCopy {
  const copies = new Map<Element, Element>();
  for (const el of track) if (el) copies.set(el, el);
  const copy = doc.implementation.createHTMLDocument(doc.title);
  const root = copy.documentElement;
  for (const name of ['lang', 'dir', 'xml:lang']) {
    const value = doc.documentElement.getAttribute(name);
    if (value !== null) root.setAttribute(name, value);
  }
  const base = copy.createElement('base');
  base.setAttribute('href', baseUrl);
  copy.head.appendChild(base);
  for (const meta of Array.from(doc.head?.getElementsByTagName('meta') ?? [])) copy.head.appendChild(copy.importNode(meta, false));
  if (doc.body) {
    for (const attr of Array.from(doc.body.attributes)) {
      try {
        copy.body.setAttribute(attr.name, attr.value);
      } catch {
        // The HTML parser accepts names setAttribute refuses ("<" from a stray second <body> tag): skip them.
      }
    }
    if (region && region !== doc.body && doc.body.contains(region)) {
      const top = copy.importNode(region, false);
      if (copies.has(region)) copies.set(region, top);
      copy.body.appendChild(top);
      copyChildren(region, top, copy, copies);
    } else {
      copyChildren(doc.body, copy.body, copy, copies);
    }
  }
  return {
    doc: copy,
    copyOf: (el) => {
      const found = el ? copies.get(el) : undefined;
      return found && found !== el ? found : null;
    },
  };
}
