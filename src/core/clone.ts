/**
 * The working copy Readability and the rules run on. Readability mutates what it gets, so it always gets a
 * copy; we build that copy by walking the live body once and leaving out what can never be article
 * content (scripts, styles, embeds, hidden elements, comments). Everything after this step does less work
 * on a smaller tree, which pays for the rules we run on top of Readability.
 */
import { isPlaceholderImage, noscriptImage, resolveLazySource, videoEmbedAddress, videoStandIn } from './media.js';

/**
 * Elements that never carry article text. `noscript` stays: it holds the real `<img>` of lazy images. Embedded
 * players (iframe, embed, object) are handled before this: a video gets an inert stand-in (media.ts).
 */
const SKIP_TAGS = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'link', 'meta', 'frame', 'frameset', 'dialog']);

/** Inline styles that hide an element from every reader. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** The last element child of `parent`, ignoring whitespace text. */
function lastElementOf(parent: Node): Element | null {
  for (let node = parent.lastChild; node; node = node.previousSibling) {
    if (node.nodeType === 1) return node as Element;
    if (node.nodeType !== 3 || (node.nodeValue ?? '').trim()) return null;
  }
  return null;
}

function copyChildren(from: Node, to: Node, doc: Document, copies: Map<Element, Element>): void {
  // After a <noscript> image, the lazy placeholder that follows it is the same picture: it is left out.
  let afterNoscriptImage = false;
  for (let child = from.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 /* TEXT */) {
      to.appendChild(doc.createTextNode(child.nodeValue ?? ''));
      continue;
    }
    if (child.nodeType !== 1 /* ELEMENT */) continue;
    const el = child as Element;
    const tag = el.localName;
    const skipPlaceholder = afterNoscriptImage;
    afterNoscriptImage = false;
    if (tag === 'iframe' || tag === 'embed' || tag === 'object') {
      const video = isHidden(el) ? null : videoEmbedAddress(el);
      if (video) to.appendChild(videoStandIn(doc, video, el.getAttribute('title')));
      continue;
    }
    if (SKIP_TAGS.has(tag) || isHidden(el)) continue;
    if (tag === 'noscript') {
      const attributes = noscriptImage(el);
      if (attributes) {
        const previous = lastElementOf(to);
        if (previous?.localName === 'img' && previous.getAttribute('data-cp-placeholder') !== null) previous.remove();
        const img = doc.createElement('img');
        for (const [name, value] of attributes) {
          try {
            img.setAttribute(name, value);
          } catch {
            // A name the parser accepted and setAttribute refuses: skip it.
          }
        }
        to.appendChild(img);
        afterNoscriptImage = true;
        continue;
      }
    }
    if (tag === 'img' && isPlaceholderImage(el)) {
      if (skipPlaceholder) continue;
    }
    const copy = doc.importNode(el, false);
    if (tag === 'img' || tag === 'source') {
      // Remember (for a <noscript> image right after) that the page showed a stand-in here.
      if (tag === 'img' && isPlaceholderImage(el)) copy.setAttribute('data-cp-placeholder', '');
      resolveLazySource(copy);
    }
    if (copies.has(el)) copies.set(el, copy);
    to.appendChild(copy);
    copyChildren(el, copy, doc, copies);
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
