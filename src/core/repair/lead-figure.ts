/**
 * Lead figure recovery. Readability keeps the article's text block and often drops the captioned lead
 * image sitting in a sibling container right above it (the iTWire fixture's caption is one case; many CMS
 * templates put "image block, byline, text block" side by side). Before Readability runs we note each
 * captioned image and the paragraph that follows it; afterwards, if the article starts with that paragraph
 * and the image is missing, the figure is put back in front, with its caption.
 */
import { CAPTION_MAX_CHARS, CAPTION_TOKEN, LEAD_FIGURE_MAX_GAP_CHARS } from '../constants.js';
import { attributeTokens, textOf } from '../dom.js';

export interface LeadFigureCandidate {
  src: string;
  srcset: string | null;
  alt: string;
  caption: string;
  /** Leading text of the first paragraph after the figure: Readability may rebuild nodes, text survives. */
  nextParagraphText: string;
}

/** How many levels above an image its caption may sit (image wrapper, link, block). */
const CAPTION_MAX_CLIMB = 3;
/** Enough of a paragraph's start to identify it. */
const PARAGRAPH_KEY_CHARS = 80;
/** Paragraphs shorter than this are labels and datelines, not the article's first paragraph. */
const MIN_FIRST_PARAGRAPH_CHARS = 60;
/**
 * How far into the article region (characters of text) a lead figure is looked for. Headline, kicker, byline,
 * date and a caption come to well under this; images further down are the body's own, which Readability keeps.
 */
const LEAD_FIGURE_SEARCH_CHARS = 3000;
/** ... and how many paragraphs: Readability may drop a dek or two above the story, not more. */
const LEAD_FIGURE_MAX_PARAGRAPHS = 3;
/** Icons, avatars and spacers declare small sizes. */
const MIN_IMAGE_SIDE = 100;

function imageSource(img: Element): string | null {
  return img.getAttribute('src') || img.getAttribute('data-src') || img.getAttribute('data-lazy-src') || img.getAttribute('data-original');
}

function isSmall(img: Element): boolean {
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return (w > 0 && w < MIN_IMAGE_SIDE) || (h > 0 && h < MIN_IMAGE_SIDE);
}

/** The figure block around `img` and its caption text, or null when the image has no caption. */
function captionedBlock(img: Element): { block: Element; caption: string } | null {
  const figure = img.closest('figure');
  if (figure) {
    const caption = textOf(figure.querySelector('figcaption'));
    return caption ? { block: figure, caption } : null;
  }
  let block: Element | null = img.parentElement;
  for (let i = 0; block && i < CAPTION_MAX_CLIMB; i++, block = block.parentElement) {
    if (textOf(block).length > CAPTION_MAX_CHARS * 1.5) return null;
    for (const el of Array.from(block.querySelectorAll('[class], [id]'))) {
      if (el.contains(img) || !CAPTION_TOKEN.test(attributeTokens(el))) continue;
      const caption = textOf(el);
      if (caption && caption.length <= CAPTION_MAX_CHARS) return { block, caption };
    }
  }
  return null;
}

function absolute(src: string, baseUrl: string): string {
  try {
    return new URL(src, baseUrl).href;
  } catch {
    return src;
  }
}

function paragraphKey(text: string): string {
  return text.slice(0, PARAGRAPH_KEY_CHARS);
}

/**
 * Notes captioned images followed closely by a paragraph. Run on the clone before Readability.
 * One walk in document order over elements and text, counting characters, so the text between a figure
 * block and the next paragraph is known without a (live, and in jsdom costly) Range.
 */
export function findLeadFigureCandidates(body: Element, baseUrl: string): LeadFigureCandidate[] {
  const candidates: LeadFigureCandidate[] = [];
  if (!body.getElementsByTagName('img').length) return candidates;
  type Pending = { img: Element; src: string; block: Element; caption: string; end: number };
  const pending: Pending[] = [];
  const open: Pending[] = []; // figure blocks whose end has not been reached yet
  let chars = 0;
  let paragraphs = 0;
  const visit = (node: Node): void => {
    // A lead figure sits at the top: past the first paragraphs, only figures already seen matter.
    if ((chars > LEAD_FIGURE_SEARCH_CHARS || paragraphs >= LEAD_FIGURE_MAX_PARAGRAPHS) && pending.length === 0 && open.length === 0) return;
    if (node.nodeType === 3) {
      chars += (node.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.localName === 'img') {
      const src = imageSource(el);
      const found = src && !isSmall(el) ? captionedBlock(el) : null;
      if (src && found && !open.some((o) => o.block === found.block)) open.push({ img: el, src, ...found, end: -1 });
    } else if (el.localName === 'p') {
      const text = textOf(el);
      if (text.length >= MIN_FIRST_PARAGRAPH_CHARS) paragraphs++;
      if (text.length >= MIN_FIRST_PARAGRAPH_CHARS && pending.length) {
        for (const item of pending.splice(0)) {
          if (chars - item.end > LEAD_FIGURE_MAX_GAP_CHARS) continue;
          candidates.push({
            src: absolute(item.src, baseUrl),
            srcset: item.img.getAttribute('srcset') ?? item.img.getAttribute('data-srcset'),
            alt: item.img.getAttribute('alt') ?? '',
            caption: item.caption,
            nextParagraphText: paragraphKey(text),
          });
        }
      }
    }
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    for (let i = open.length - 1; i >= 0; i--) {
      const item = open[i]!;
      if (item.block === el) {
        item.end = chars;
        pending.push(item);
        open.splice(i, 1);
      }
    }
  };
  visit(body);
  return candidates;
}

/** Puts the lead figure back in front of the article when Readability dropped it. */
export function restoreLeadFigure(content: Element, candidates: readonly LeadFigureCandidate[]): boolean {
  if (candidates.length === 0) return false;
  const first = Array.from(content.getElementsByTagName('p')).find((p) => textOf(p).length >= MIN_FIRST_PARAGRAPH_CHARS);
  if (!first) return false;
  const key = paragraphKey(textOf(first));
  const candidate = candidates.find((c) => c.nextParagraphText === key);
  if (!candidate) return false;
  // Already there (Readability kept it, or another copy of the same image is in the article).
  const kept = Array.from(content.getElementsByTagName('img')).some((img) => {
    const src = imageSource(img);
    return src !== null && absolute(src, content.ownerDocument.baseURI) === candidate.src;
  });
  const captionKept = textOf(content).includes(candidate.caption);
  if (kept || captionKept) return false;

  const doc = content.ownerDocument;
  const figure = doc.createElement('figure');
  const img = doc.createElement('img');
  img.setAttribute('src', candidate.src);
  if (candidate.srcset) img.setAttribute('srcset', candidate.srcset);
  img.setAttribute('alt', candidate.alt);
  const caption = doc.createElement('figcaption');
  caption.textContent = candidate.caption;
  figure.append(img, caption);
  // Insert just before the first paragraph's top-level block, so it stays inside Readability's page div.
  let anchor: Element = first;
  while (anchor.parentElement && anchor.parentElement !== content && anchor.parentElement.firstElementChild === anchor) {
    anchor = anchor.parentElement;
  }
  anchor.before(figure);
  return true;
}
