/**
 * The working copy Readability and the rules run on. Readability mutates what it gets, so it always gets a
 * copy: a native deep copy of the article region (or the body), from which we then remove what can never be
 * article content (scripts, styles, embeds, hidden elements, comments). Everything after this step does less
 * work on a smaller tree, which pays for the rules we run on top of Readability.
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

/** The element before `node` among its siblings, past whitespace text only (null past any other node). */
function previousElementOf(node: Node): Element | null {
  for (let prev = node.previousSibling; prev; prev = prev.previousSibling) {
    if (prev.nodeType === 1) return prev as Element;
    if (prev.nodeType !== 3 || (prev.nodeValue ?? '').trim()) return null;
  }
  return null;
}

/** Everything the filter may act on, in document order: one native query instead of a walk over the copy. */
const FILTERED = [...SKIP_TAGS, 'noscript', 'img', 'source', '[hidden]', '[style]'].join(',');
const SHOW_COMMENT = 128; // NodeFilter.SHOW_COMMENT, as a number: the constant is not a global in every DOM.

/**
 * Filters a deep copy in place, in document order: players become inert stand-ins, what can never be article
 * content goes, `<noscript>` images replace their placeholders, lazy images get their real source.
 */
function filterCopy(root: Element | DocumentFragment, doc: Document, win: Document['defaultView']): void {
  const comments: Node[] = [];
  const walker = doc.createTreeWalker(root, SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const node of comments) node.parentNode?.removeChild(node);

  // After a <noscript> image, the lazy placeholder that follows it is the same picture: it is left out.
  let placeholderAfterNoscript: Element | null = null;
  for (const el of Array.from(root.querySelectorAll(FILTERED))) {
    if (!root.contains(el)) continue; // left out with an ancestor
    const tag = el.localName;
    if (tag === 'iframe' || tag === 'embed' || tag === 'object') {
      const video = isHidden(el) ? null : videoEmbedAddress(el);
      if (video) el.replaceWith(videoStandIn(doc, video, el.getAttribute('title')));
      else el.remove();
      continue;
    }
    if (SKIP_TAGS.has(tag) || isHidden(el)) {
      el.remove();
      continue;
    }
    if (tag === 'noscript') {
      const attributes = noscriptImage(el, win);
      if (!attributes) continue;
      const previous = previousElementOf(el);
      if (previous?.localName === 'img' && previous.getAttribute('data-cp-placeholder') !== null) previous.remove();
      const img = doc.createElement('img');
      for (const [name, value] of attributes) {
        try {
          img.setAttribute(name, value);
        } catch {
          // A name the parser accepted and setAttribute refuses: skip it.
        }
      }
      placeholderAfterNoscript = el.nextElementSibling;
      el.replaceWith(img);
      continue;
    }
    if (tag === 'img' && isPlaceholderImage(el)) {
      if (el === placeholderAfterNoscript) {
        el.remove();
        continue;
      }
      // Remember (for a <noscript> image right after) that the page showed a stand-in here.
      el.setAttribute('data-cp-placeholder', '');
    }
    if (tag === 'img' || tag === 'source') resolveLazySource(el);
  }
}

/** The child-index path from `root` down to `el` (null when `el` is not under `root`). */
function pathFrom(root: Node, el: Node): number[] | null {
  const path: number[] = [];
  for (let node: Node | null = el; node !== root; node = node.parentNode) {
    if (!node?.parentNode) return null;
    let index = 0;
    for (let prev = node.previousSibling; prev; prev = prev.previousSibling) index++;
    path.push(index);
  }
  return path.reverse();
}

function follow(root: Node, path: readonly number[]): Element | null {
  let node: Node | null = root;
  for (const index of path) node = node?.childNodes[index] ?? null;
  return node?.nodeType === 1 ? (node as Element) : null;
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
    // One native deep copy (of the region, or of the body's children), then the filter over the few elements
    // it acts on: many times faster in a browser than copying node by node from script.
    // The copy is filtered before it goes into the document: what the filter removes is never inserted, and
    // removing from a detached tree costs less.
    const source = region && region !== doc.body && doc.body.contains(region) ? region : doc.body;
    const paths = track.map((el) => (el ? pathFrom(source, el) : null));
    // The body's children go into a fragment, comments too, so the tracked paths' child indexes hold (the filter
    // removes them).
    const top: Element | DocumentFragment = source === doc.body ? copy.createDocumentFragment() : copy.importNode(source, true);
    if (source === doc.body) for (let child = doc.body.firstChild; child; child = child.nextSibling) top.appendChild(copy.importNode(child, true));
    track.forEach((el, i) => {
      const path = paths[i];
      const found = el && path ? follow(top, path) : null;
      if (el && found) copies.set(el, found);
    });
    filterCopy(top, copy, doc.defaultView);
    copy.body.appendChild(top);
  }
  return {
    doc: copy,
    copyOf: (el) => {
      const found = el ? copies.get(el) : undefined;
      return found?.isConnected ? found : null;
    },
  };
}
