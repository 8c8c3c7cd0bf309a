/**
 * Related, recommended and "most read" lists, and "Read more: <link>" lines inside the body. They are lists
 * of links to other articles: every block match must be a teaser list (several distinct links, little
 * text per link, or mostly link text). Links that wrap an image with the headline beside them carry little
 * link text, so the text-per-link test catches the lists that link density misses.
 */
import {
  INLINE_RELATED_MAX_CHARS,
  INLINE_RELATED_PREFIX,
  RELATED_HEADING,
  RELATED_MAX_CHARS_PER_LINK,
  RELATED_MIN_LINK_DENSITY,
  RELATED_MIN_LINKS,
  RELATED_TOKEN,
} from '../constants.js';
import { elementsUnder, linkDensity, textOf, type ShortTexts } from '../dom.js';
import type { Rule, RuleMatch } from './types.js';

/** Related blocks are lists of headlines; longer blocks are content. */
const RELATED_MAX_TEXT_CHARS = 3000;
/** How far above its heading a related list's container may be. */
const HEADING_MAX_CLIMB = 3;
const INLINE_CONTAINERS = new Set(['p', 'li', 'div', 'aside', 'h3', 'h4', 'strong']);
const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * Under a heading that names it ("Latest articles", "Related"), a teaser list may carry a kicker and an excerpt
 * per card besides the headline (cards whose link wraps only the image), so it may hold more text per link.
 */
const LABELLED_MAX_CHARS_PER_LINK = 400;
/** A one-link block is (nearly) all link text. */
const LINK_LINE_MIN_DENSITY = 0.8;
/** A run of one-link blocks after a label is a list; more than this many is the rest of the page. */
const LINK_LINES_MAX = 12;
/** Label lines ("Don't miss", "Most read") are a few words. */
const LABEL_MAX_CHARS = 50;
/** A headline link has at least this many words, and this share of its letters in capitals. */
const SHOUTED_MIN_WORDS = 4;
const SHOUTED_MIN_UPPERCASE = 0.8;

/**
 * A paragraph that is nothing but one link to another page of the same site, written in capitals: the way
 * many news sites drop "read this too" headlines between paragraphs.
 */
function isShoutedHeadlineLink(p: Element, text: string, host: string): boolean {
  if (text.length > INLINE_RELATED_MAX_CHARS || text.split(/\s+/).length < SHOUTED_MIN_WORDS) return false;
  const links = elementsUnder(p, 'a');
  if (links.length !== 1 || textOf(links[0]).length < text.length * 0.95) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (letters.length === 0 || upper / letters.length < SHOUTED_MIN_UPPERCASE) return false;
  try {
    return new URL(links[0]!.getAttribute('href') ?? '', p.ownerDocument.baseURI).hostname === host;
  } catch {
    return false;
  }
}

/** A block that is one headline link and nothing else ("<p><a>Other story</a></p>"). */
function isLinkLine(el: Element, texts: ShortTexts): boolean {
  const text = texts.get(el, INLINE_RELATED_MAX_CHARS);
  if (!text || el.querySelector('img, picture, video, iframe')) return false;
  const links = elementsUnder(el, 'a');
  return links.length === 1 && linkDensity(el) >= LINK_LINE_MIN_DENSITY;
}

/** The one-link blocks that directly follow a related label, up to a list's worth. */
function linkLinesAfter(label: Element, texts: ShortTexts): Element[] {
  const run: Element[] = [];
  for (let next = label.nextElementSibling; next && run.length < LINK_LINES_MAX && isLinkLine(next, texts); next = next.nextElementSibling) run.push(next);
  return run;
}

export function isTeaserList(el: Element, maxCharsPerLink = RELATED_MAX_CHARS_PER_LINK): boolean {
  const length = textOf(el).length;
  if (length === 0 || length > RELATED_MAX_TEXT_CHARS) return false;
  const hrefs = new Set<string>();
  for (const a of elementsUnder(el, 'a')) {
    const href = a.getAttribute('href');
    if (href && !href.startsWith('#') && !/^(?:javascript|mailto):/i.test(href)) hrefs.add(href);
  }
  if (hrefs.size < RELATED_MIN_LINKS) return false;
  return linkDensity(el) >= RELATED_MIN_LINK_DENSITY || length / hrefs.size <= maxCharsPerLink;
}

/** The largest container above `heading` that it opens and that is still a teaser list. */
function listUnder(heading: Element, body: Element): Element | null {
  let found: Element | null = null;
  let child: Element = heading;
  for (let up = heading.parentElement, i = 0; up && up !== body && i < HEADING_MAX_CLIMB; up = up.parentElement, i++) {
    // The heading (or the wrapper holding it) must open the container: it introduces what follows.
    if (up.firstElementChild !== child) break;
    if (isTeaserList(up, LABELLED_MAX_CHARS_PER_LINK)) found = up;
    child = up;
  }
  return found;
}

export const relatedLinks: Rule = {
  name: 'related-links',
  family: 'related',
  option: 'stripAds',
  find(ctx) {
    const matches: RuleMatch[] = [];
    for (const { el, tokens } of ctx.tagged) {
      if (RELATED_TOKEN.test(tokens) && isTeaserList(el)) matches.push({ el, reason: 'related-links class' });
    }
    // Headings, and short label lines ("<p><strong>DON'T MISS</strong></p>") that play their part.
    const labels = [...HEADINGS.flatMap((tag) => ctx.byTag(tag)), ...ctx.byTag('p'), ...ctx.byTag('strong')];
    for (const heading of labels) {
      const text = ctx.texts.get(heading, LABEL_MAX_CHARS);
      if (text === null || !RELATED_HEADING.test(text)) continue;
      const list = listUnder(heading, ctx.body);
      if (list) {
        matches.push({ el: list, reason: `related heading "${text}"` });
        continue;
      }
      // The label stands alone and the list follows it as the next block, or as a run of one-link blocks.
      const label = heading.localName === 'strong' && heading.parentElement?.childElementCount === 1 ? heading.parentElement : heading;
      const next = label.nextElementSibling;
      if (next && isTeaserList(next)) {
        matches.push({ el: label, reason: `related label "${text}"` }, { el: next, reason: `list after related label "${text}"` });
        continue;
      }
      const run = linkLinesAfter(label, ctx.texts);
      if (run.length > 0) {
        matches.push({ el: label, reason: `related label "${text}"` });
        for (const el of run) matches.push({ el, reason: `link after related label "${text}"` });
      }
    }
    for (const line of ctx.elements) {
      if (line.childElementCount > 4 || !INLINE_CONTAINERS.has(line.localName)) continue;
      const text = ctx.texts.get(line, INLINE_RELATED_MAX_CHARS);
      if (text === null) continue;
      if (INLINE_RELATED_PREFIX.test(text) && line.querySelector('a[href]') && linkDensity(line) >= 0.5) {
        matches.push({ el: line, reason: 'inline "read more" link' });
      } else if (line.localName === 'p' && isShoutedHeadlineLink(line, text, ctx.host)) {
        matches.push({ el: line, reason: 'headline link to another article' });
      }
    }
    return matches;
  },
};
