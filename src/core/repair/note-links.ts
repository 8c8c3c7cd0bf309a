/**
 * Links within the article (footnote references and their back links, "jump to section" links) keep working
 * in the reader: each target that the article itself holds gets an id in the reader's own namespace
 * (`cp-note-…`), and links to it point there. Every other id is dropped by the sanitizer, so page ids can
 * never clash with the reader's or name a global. Runs before sanitizing.
 */

export const NOTE_ID_PREFIX = 'cp-note-';

function withoutHash(url: URL): string {
  return url.href.slice(0, url.href.length - url.hash.length);
}

export function linkNotesInPlace(content: Element, pageUrl: string): void {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return;
  }
  const ids = new Map<string, Element>();
  for (const el of Array.from(content.querySelectorAll('[id], a[name]'))) {
    const id = el.getAttribute('id') ?? el.getAttribute('name') ?? '';
    if (id && !ids.has(id)) ids.set(id, el);
  }
  if (ids.size === 0) return;
  const targets = new Set<Element>();
  for (const link of Array.from(content.querySelectorAll('a[href]'))) {
    let url: URL;
    try {
      url = new URL(link.getAttribute('href') ?? '', page);
    } catch {
      continue;
    }
    if (url.hash.length < 2 || withoutHash(url) !== withoutHash(page)) continue;
    let id: string;
    try {
      id = decodeURIComponent(url.hash.slice(1));
    } catch {
      continue;
    }
    const target = ids.get(id);
    if (!target) continue;
    link.setAttribute('href', `#${NOTE_ID_PREFIX}${encodeURIComponent(id)}`);
    targets.add(target);
  }
  for (const target of targets) {
    const id = target.getAttribute('id') ?? target.getAttribute('name') ?? '';
    target.setAttribute('id', `${NOTE_ID_PREFIX}${encodeURIComponent(id)}`);
  }
}
