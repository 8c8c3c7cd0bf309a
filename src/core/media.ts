/**
 * Media in the extraction copy: lazy-loaded images get their real source, `<noscript>` fallbacks replace the
 * placeholders beside them, and embedded players (which never run in a reader) become a link to the video.
 * Called by clone.ts for each copied element; everything here works on the copy, never on the live page.
 */

/** Attributes lazy loaders keep the real source in, most common first. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
/** A source that is only a stand-in: an inline data image, or a file named as a placeholder. */
const PLACEHOLDER_SRC = /^data:|(?:placeholder|blank|spacer|transparent|pixel|lazy|loading|1x1|grey|gray)[^/]*\.(?:gif|png|svg|jpe?g|webp)(?:[?#]|$)/i;
/** A value that reads as an image address (not a JSON blob or a number some scripts keep in data-*). */
const IMAGE_URL = /^(?:https?:)?\/\/|^\/|^\.{0,2}\/|\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#\s]|$)/i;

/** True when an `<img>` shows a stand-in rather than its picture (no source, a data: pixel, a placeholder file). */
export function isPlaceholderImage(img: Element): boolean {
  const src = img.getAttribute('src')?.trim() ?? '';
  return !src || PLACEHOLDER_SRC.test(src);
}

/** Gives a copied `<img>` or `<source>` its real source from lazy-loading attributes. */
export function resolveLazySource(el: Element): void {
  if (!el.getAttribute('srcset')?.trim()) {
    const srcset = firstAttribute(el, LAZY_SRCSET);
    if (srcset) el.setAttribute('srcset', srcset);
  }
  if (el.localName !== 'img') return;
  if (isPlaceholderImage(el)) {
    const src = firstAttribute(el, LAZY_SRC);
    if (src && IMAGE_URL.test(src)) el.setAttribute('src', src);
    else if (isPlaceholderImage(el)) {
      // Only a srcset: its first candidate serves as the plain source (exports and old readers need one).
      const candidate = el.getAttribute('srcset')?.trim().split(/\s+/)[0];
      if (candidate && IMAGE_URL.test(candidate)) el.setAttribute('src', candidate);
    }
  }
  el.removeAttribute('loading');
}

function firstAttribute(el: Element, names: readonly string[]): string | null {
  for (const name of names) {
    const value = el.getAttribute(name)?.trim();
    if (value) return value;
  }
  return null;
}

/**
 * The one image a `<noscript>` holds (its fallback for readers without scripts), as attributes, or null.
 * Browsers with scripting parse noscript content as text, parsers without (jsdom) as elements: both are read.
 * The text is parsed in an inert document (nothing loads or runs there) and only attributes are taken; `win`
 * gives the parser (a copy made by `createHTMLDocument` has no window of its own).
 */
export function noscriptImage(noscript: Element, win: Document['defaultView'] = noscript.ownerDocument.defaultView): Array<[string, string]> | null {
  let img: Element | null = null;
  if (noscript.children.length > 0) {
    if (noscript.children.length !== 1) return null;
    img = noscript.children[0]!.localName === 'img' ? noscript.children[0]! : noscript.children[0]!.querySelector('img');
  } else {
    const text = noscript.textContent ?? '';
    if (!/<img\b/i.test(text) || !win || typeof win.DOMParser !== 'function') return null;
    const images = new win.DOMParser().parseFromString(text, 'text/html').getElementsByTagName('img');
    if (images.length !== 1) return null;
    img = images[0]!;
  }
  if (!img || !img.getAttribute('src')?.trim()) return null;
  return Array.from(img.attributes, (attr) => [attr.name, attr.value] as [string, string]);
}

/** A player that shows a video: it asks for fullscreen, or its address names an embed, a player or a video. */
const PLAYER_ADDRESS = /\/(?:embed|player|video|videos|watch)(?:[/?#._-]|$)|\/\/(?:player|video|embed)s?\.|youtu\.?be|vimeo/i;

/** The address of an embedded video player (`iframe`, `embed`, `object`), or null when it is not one. */
export function videoEmbedAddress(el: Element): string | null {
  const src = (el.getAttribute('src') ?? el.getAttribute('data-src') ?? el.getAttribute('data') ?? '').trim();
  if (!/^(?:https?:)?\/\//i.test(src)) return null;
  const allow = el.getAttribute('allow') ?? '';
  const fullscreen = el.hasAttribute('allowfullscreen') || /fullscreen|picture-in-picture/i.test(allow);
  return fullscreen || PLAYER_ADDRESS.test(src) ? src : null;
}

/** Marks a video player in the extraction copy, and tells Readability (allowedVideoRegex) to keep it. */
export const VIDEO_MARK = 'clearpage-video-embed';
export const VIDEO_MARK_PATTERN = new RegExp(VIDEO_MARK);

/**
 * A stand-in `<iframe>` for a video player in the extraction copy (it is inert: the copy has no browsing
 * context). Readability keeps it where it keeps videos; `replaceVideoEmbeds` turns it into a link afterwards.
 */
export function videoStandIn(doc: Document, address: string, title: string | null): Element {
  const frame = doc.createElement('iframe');
  frame.setAttribute('data-cp-video', VIDEO_MARK);
  frame.setAttribute('data-cp-address', address);
  if (title?.trim()) frame.setAttribute('title', title.trim());
  return frame;
}

/**
 * What a reader shows instead of each video player: a paragraph with a link to the video, marked
 * `data-cp-embed` so the reader can label it in the user's language. The text names the video's site.
 * One link per video: a page that embeds the same player twice (often a desktop and a mobile copy, one of
 * them hidden by the page's style) gets one link, where the first copy was.
 */
export function replaceVideoEmbeds(content: Element): void {
  const doc = content.ownerDocument;
  const seen = new Set<string>();
  for (const frame of Array.from(content.querySelectorAll(`iframe[data-cp-video="${VIDEO_MARK}"]`))) {
    const address = frame.getAttribute('data-cp-address') ?? '';
    const parent = frame.parentElement;
    if (seen.has(address)) {
      if (parent?.localName === 'p' && !(parent.textContent ?? '').trim() && parent.children.length === 1) parent.remove();
      else frame.remove();
      continue;
    }
    seen.add(address);
    const title = frame.getAttribute('title');
    let href = address;
    let host = '';
    try {
      const url = new URL(address, doc.baseURI);
      href = url.href;
      host = url.hostname.replace(/^www\./, '');
    } catch {
      // An address that does not parse keeps its raw form; the sanitizer decides whether it may stay.
    }
    const p = doc.createElement('p');
    const a = doc.createElement('a');
    a.setAttribute('href', href);
    a.setAttribute('data-cp-embed', 'video');
    a.textContent = `Video${title ? `: ${title}` : ''}${host ? ` (${host})` : ''}`;
    p.appendChild(a);
    // A player alone in its wrapper paragraph takes the paragraph's place; otherwise it sits after it.
    if (parent?.localName === 'p' && !(parent.textContent ?? '').trim()) parent.replaceWith(p);
    else frame.replaceWith(p);
  }
}
