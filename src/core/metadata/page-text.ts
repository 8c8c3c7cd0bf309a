/**
 * Evidence from what the reader sees: the headline, and the byline and date printed near it.
 * "Near" is measured in elements of document order from the headline, so a date in a teaser, a related
 * link or a comment far below the article never wins over the one under the headline.
 */
import { attributeTokens, elementsUnder, firstVisibleChar, hasVisibleText, shortTextOf, textOf } from '../dom.js';
import { cleanByline, isPersonName, looksLikeName } from './byline.js';
import { findDateText, mayHoldDate, normaliseMachineDate, parseDateText } from './dates.js';

/** How far (in elements of document order) from the headline a byline or date may sit. */
export const NEAR_HEADLINE_ELEMENTS = 120;

/** Bylines and date lines are short. */
const MAX_BYLINE_TEXT = 120;
const MAX_DATE_TEXT = 160;
/** Copyright lines are short. */
const MAX_COPYRIGHT_TEXT = 160;

/**
 * Containers whose dates and names belong to other things: comments, teasers, related links, sidebars.
 * Matched on class/id tokens; `widget` only as a whole class (WordPress sidebar widgets), since page builders
 * prefix every block with "…-widget".
 */
const FOREIGN_TOKENS = /comment|related|teaser|recommend|sidebar|(?:^|\s)widget(?:[\s_]|$)/;
/** Quoted and embedded posts (a tweet, a cited passage) carry their own dates, not the article's. */
const QUOTED = 'blockquote';
/** Elements that hold navigation, asides and page footers, unless marked as the article's own meta box. */
const FOREIGN_TAGS = new Set(['aside', 'nav', 'footer']);
/** An `<aside class="meta">` or `<footer class="entry-meta">` inside the article holds its own byline and date. */
const OWN_META_TOKENS = /meta|byline|author|date|info|detail|posted/;

/**
 * True when `el` sits in a container of other content (comments, teasers, related links, sidebars, navigation).
 * A container that also holds the headline is the article itself (a body class "has-sidebar", an article
 * wrapper "post-with-comments"), so it does not count; nor does the headline's next or previous sibling, the
 * article's own meta line even when a component library names it "teaser-…".
 */
function inForeignContainer(el: Element, headline: Element | null): boolean {
  for (let a: Element | null = el; a && a.localName !== 'body'; a = a.parentElement) {
    if (headline && a.contains(headline)) return false;
    // The block right before or after the headline is its own meta line, whatever its class ("teaser__meta").
    if (headline && (a.previousElementSibling === headline || a.nextElementSibling === headline)) return false;
    const tokens = attributeTokens(a);
    if (FOREIGN_TOKENS.test(tokens) || /comment/i.test(a.getAttribute('itemtype') ?? '')) return true;
    if (FOREIGN_TAGS.has(a.localName) && !OWN_META_TOKENS.test(tokens)) return true;
  }
  return false;
}

/**
 * True when `el` is in the element right before or after the headline: the article's own kicker or meta line, even
 * when the site's class names call it a teaser (`<h3 class="teaser-meta">02.01.2022</h3><h1>…`).
 */
function besideHeadline(el: Element, headline: Element | null): boolean {
  if (!headline) return false;
  for (let a: Element | null = el; a && !a.contains(headline); a = a.parentElement) {
    if (a.previousElementSibling === headline || a.nextElementSibling === headline) return true;
  }
  return false;
}

const BYLINE_TOKEN = /(?:^|[\s_-])(?:byline|by-line|bylines|author|authors|author-?name|authorname|article-?author|post-?author|entry-?author|writer|autor|auteur|autore|contributor|reporter|creator)(?=$|[\s_-])/;
const DATE_TOKEN = /date|time|publish|posted|dateline|timestamp|datum|fecha|data|meta/;
const MODIFIED_WORDS = /\b(?:updated?|modified|last updated|letzte änderung|aktualisiert|mis à jour|actualizado|aggiornato|bijgewerkt|atualizado|geändert)\b/i;
/**
 * "By Jane", "Von Erika", "Por Agencia EFE", "Posted by Konstantin", "Written by: Julie": a by-word (any case,
 * spelt out since `i` with `u` lets \p{Lu} match lower case too: "Por ende" is no byline) followed by a
 * capitalised name.
 */
const BY_WORD = String.raw`(?:(?:[Pp]osted|[Ww]ritten|[Rr]eported|[Pp]ublished|POSTED|WRITTEN)\s+)?(?:[Bb][Yy]|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|DI|[Dd]oor|DOOR|[Aa]v|AV|[Aa]f|AF)\s*:?\s+(?=\p{Lu})`;
/** "Autor:", "Redaktion:", "Text:" labels before a name. */
const AUTHOR_LABEL = String.raw`(?:[Aa]utor(?:in)?|AUTOR(?:IN)?|[Aa]uthor|AUTHOR|[Aa]uteur|[Aa]utore|[Rr]edaktion|REDAKTION|[Tt]ext|TEXT|[Tt]exto)\s*:`;
const BY_PREFIX = new RegExp(String.raw`^(?:${BY_WORD}|${AUTHOR_LABEL})`, 'u');
/**
 * A by-word or an author label inside a meta line, after a separator, a time or a year: "yas! | By Cara Stiles |
 * April 13, 2020", "06.11.2023 13:30 von Olga", "05.02.2020 - Redaktion: Eberhard Fuhr". The byline runs from
 * the by-word to the next separator.
 */
const BY_IN_LINE = new RegExp(String.raw`(?:[|•·∙]\s*|\s[-–—]\s+|\d{1,2}[:.]\d{2}\s+|\d{4}\s+)((?:${BY_WORD}|${AUTHOR_LABEL})[^|•·∙]+)`, 'u');
/** Inside a byline: the name itself (hCard `fn`, forum `username`, schema.org `name`). */
const NAME_TOKEN = /(?:^|\s)(?:fn|username|user-?name|name|[\w-]*author[_-]*name[\w-]*|byline[_-]+name[\w-]*)(?=$|\s)/;
/** Links to an author's page: /author/jane-doe, /autoren/…, /profile/…, WordPress ?author=3. */
const AUTHOR_HREF =
  /\/(?:authors?|autor(?:en|in)?|auteurs?|autore|autori|redakteur(?:in)?|journalists?|columnists?|writers?|contributors?|people|profiles?|profil|users?|members?|newsteam|staff)(?:[/?#._-]|$)|[?&]author=/i;
/** Account pages under the same paths ("/user/register", "/profile/edit"): their links name no one. */
const ACCOUNT_ACTION = /^(?:register|registrieren|registration|login|signin|signup|sign|logout|account|settings|edit|new|subscribe|abonnieren|password)$/;
/** A name is short: more words than this in an author link is a headline or a teaser. */
const MAX_LINKED_NAME_WORDS = 5;

/** The page's elements, and what the scans near the headline (dates, byline, signature) read of them, read once. */
export interface PageIndex {
  elements: Element[];
  /** Each element's text as far as the scans have read it (see nearText). */
  texts: Map<Element, string | null>;
  /** Each element's class, id, itemprop and rel, as tokensOf gives them. */
  tokens: Map<Element, string>;
  /** The elements near each anchor the scans asked for (see nearAnchor). */
  windows: Map<Element | null, ReadonlyArray<NearElement>>;
}

/** An element near the anchor, and its distance from it. */
interface NearElement {
  el: Element;
  d: number;
}

/** `elements`: elementsUnder(body), for a caller that has it already. */
export function indexDocument(body: Element, elements: Element[] = elementsUnder(body)): PageIndex {
  return { elements, texts: new Map(), tokens: new Map(), windows: new Map() };
}

/** The longest text any scan near the headline reads (byline, date and copyright lines). */
const MAX_NEAR_TEXT = Math.max(MAX_BYLINE_TEXT, MAX_DATE_TEXT, MAX_COPYRIGHT_TEXT);

/**
 * shortTextOf(el, max) for the scans near the headline, which read the same elements one after another (dates,
 * byline, signature): each element's text is read once, up to the longest any of them wants.
 */
function nearText(index: PageIndex, el: Element, max: number): string | null {
  let text = index.texts.get(el);
  if (text === undefined) {
    text = shortTextOf(el, MAX_NEAR_TEXT);
    index.texts.set(el, text);
    // Whatever holds a text too long is too long itself: the wrappers around the story are refused unread.
    if (text === null) for (let a = el.parentElement; a && index.texts.get(a) !== null; a = a.parentElement) index.texts.set(a, null);
  }
  return text !== null && text.length <= max ? text : null;
}

export function normaliseTitle(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’“”"'«»]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Title candidates: the page title and its parts around site-name separators, og:title, JSON-LD headline. */
export function titleCandidates(doc: Document, extra: ReadonlyArray<string | null | undefined>): string[] {
  const out = new Set<string>();
  const add = (t: string | null | undefined) => {
    const n = t ? normaliseTitle(t) : '';
    if (n.length >= 8) out.add(n);
  };
  extra.forEach(add);
  add(doc.title);
  for (const part of doc.title.split(/\s+[|\-–—:·•»]\s+/)) add(part);
  return [...out];
}

/** An address of a site's home page: "/", "https://example.org/", or an archived copy of one. */
const HOME_HREF = /^(?:https?:\/\/[^/]+)?\/?$|\/https?:\/\/[^/]+\/?$/i;

/** A heading that only wraps a link to the home page is the site's logo or name, not the article's headline. */
function isHomeLink(heading: Element): boolean {
  const link = heading.firstElementChild;
  return heading.childElementCount === 1 && link?.localName === 'a' && HOME_HREF.test(link.getAttribute('href')?.trim() ?? '') && textOf(link) === textOf(heading);
}

/** The article's headline element: the h1/h2 whose text matches a title candidate, else the only h1. */
export function findHeadline(root: ParentNode, titles: readonly string[]): Element | null {
  const headings = Array.from(root.querySelectorAll('h1, h2'));
  let best: Element | null = null;
  let bestScore = 0;
  for (const heading of headings) {
    const text = normaliseTitle(textOf(heading));
    if (text.length < 8 || isHomeLink(heading)) continue;
    let score = 0;
    for (const title of titles) {
      if (text === title) score = Math.max(score, 3);
      else if (title.includes(text) || text.includes(title)) score = Math.max(score, 2);
    }
    if (score > 0 && heading.localName === 'h1') score += 0.5;
    if (score > bestScore) {
      best = heading;
      bestScore = score;
    }
  }
  if (best) return best;
  const h1s = headings.filter((h) => h.localName === 'h1' && !isHomeLink(h));
  return h1s.length === 1 ? (h1s[0] ?? null) : null;
}

/** Bylines and dates sit just above or below the headline; below is more common, so above counts this much further. */
const ABOVE_WEIGHT = 1.5;

/**
 * Evidence weights, multiplied into the distance: a `<time>` is the clearest, an element named or labelled as a
 * date next, a bare short text that parses as a date last (it could be any date), so nearer evidence of a weaker
 * kind still wins over far evidence of a stronger one.
 */
const TIME_WEIGHT = 1;
const MARKED_DATE_WEIGHT = 1.25;
const BARE_DATE_WEIGHT = 2;
/**
 * A date line written among an element's other parts starts with its date or a short label ("· November 22, 2011 ·",
 * "Veröffentlicht am 16.08.2019"); a date further into the text is part of a sentence or a citation.
 */
const MAX_OWN_DATE_LABEL = 20;
/** A dateline: a short place-and-date prefix set off by a dash at the start of a paragraph. */
const DATELINE = /^([^–—-]{6,40}?)\s+[–—-]\s/;
/** A bare (unnamed, unlabelled) date line is short: "April 19, 2019", "26 Mai, 2008 | Jane | 3 comments". */
const MAX_BARE_DATE_TEXT = 80;

/** Visible labels that introduce a publication date ("Published:", "Erstellt am", "Publié le"). */
const DATE_LABEL =
  /^(?:published|posted|date|dated|released|veröffentlicht|erstellt|erschienen|erscheinungsdatum|datum|publiziert|publié|publication|publicado|fecha|pubblicato|data|gepubliceerd|geplaatst|datum|publicad[oa])\b/i;

/** The order index of the anchor: the headline, else the article element, else the top of the page. */
function anchorOf(index: PageIndex, headline: Element | null): number {
  const h = headline ? index.elements.indexOf(headline) : -1;
  if (h >= 0) return h;
  const article = index.elements.findIndex((el) => el.localName === 'article');
  return Math.max(article, 0);
}

/** The elements near the anchor, in document order, each with its distance (listed once per anchor). */
function nearAnchor(index: PageIndex, headline: Element | null): ReadonlyArray<NearElement> {
  const known = index.windows.get(headline);
  if (known) return known;
  const h = anchorOf(index, headline);
  const from = Math.max(0, Math.ceil(h - NEAR_HEADLINE_ELEMENTS / ABOVE_WEIGHT));
  const to = Math.min(index.elements.length - 1, h + NEAR_HEADLINE_ELEMENTS);
  const window: NearElement[] = [];
  for (let i = from; i <= to; i++) window.push({ el: index.elements[i] as Element, d: i >= h ? i - h : (h - i) * ABOVE_WEIGHT });
  index.windows.set(headline, window);
  // The scans read the texts of the small elements (a few parts at most). Read here children first, last element
  // first, so a paragraph found too long refuses the wrappers above it (see nearText) before any of them is read:
  // read in document order, each wrapper of the headline would be read whole, the page's text every time.
  for (let i = window.length - 1; i >= 0; i--) {
    const { el } = window[i] as NearElement;
    if (el.childElementCount <= MAX_UNMARKED_PARTS) nearText(index, el, MAX_NEAR_TEXT);
  }
  return window;
}

function tokensOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('rel') ?? ''}`.toLowerCase();
}

/** tokensOf(el) for an element of the page index, read once for all the scans. */
function indexedTokens(index: PageIndex, el: Element): string {
  let tokens = index.tokens.get(el);
  if (tokens === undefined) index.tokens.set(el, (tokens = tokensOf(el)));
  return tokens;
}

/** Text of a small element with a space at element boundaries ("Author" + "Jane Doe" is not "AuthorJane Doe"). */
function spacedText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !/^(?:script|style|noscript|template|svg)$/.test((child as Element).localName)) {
        out += ' ';
        walk(child);
        out += ' ';
      }
    }
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

/** Lower-case ASCII word tokens of a name or URL slug ("Gàbor Muniér" -> gabor, munier). */
function nameTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length >= 2);
}

/**
 * A link to the author's page: rel=author, or an author-page address whose slug spells the link text
 * (/autoren/gathmann-moritz for "Moritz Gathmann": at least half of the name's words), which tells it from
 * "/user/register", "/authors/" or "/about/staff-and-board" links.
 */
function isAuthorLink(el: Element): boolean {
  if (el.localName !== 'a') return false;
  if (/(?:^|\s)author(?:\s|$)/i.test(el.getAttribute('rel') ?? '')) return true;
  const href = el.getAttribute('href') ?? '';
  const match = AUTHOR_HREF.exec(href);
  if (!match) return false;
  const text = textOf(el);
  if (!text || text.split(/\s+/).length > MAX_LINKED_NAME_WORDS) return false;
  const slug = nameTokens(href.slice(match.index + match[0].length));
  if (slug.some((t) => ACCOUNT_ACTION.test(t))) return false;
  // Most of the name is in the slug ("FSF's Board of Directors" is not /staff-and-board).
  const words = nameTokens(text);
  return words.filter((t) => slug.includes(t)).length * 2 >= words.length && words.some((t) => slug.includes(t));
}

/** Marks of a byline on the element itself: an author class or id, rel=author, a link to an author page. */
function isBylineMarked(el: Element, tokens: string): boolean {
  return BYLINE_TOKEN.test(tokens) || isAuthorLink(el);
}

/**
 * The name(s) a byline element gives. When it holds named parts, those are the names and the rest is labels,
 * dates and roles; several parts are several authors. Parts named by markup (hCard `fn`, `itemprop=name`, an
 * author-name class) come first; author links only when there are none ("About" links to the author page too).
 * Without named parts, the element's cleaned text.
 */
function namesIn(el: Element): string | null {
  const inner = elementsUnder(el);
  const named = partsIn(inner, (e) => NAME_TOKEN.test(tokensOf(e)));
  if (named.length) return asWritten(el, named);
  const linked = partsIn(inner, isAuthorLink);
  if (linked.length) return asWritten(el, linked);
  const text = cleanByline(spacedText(el));
  return text && looksLikeName(text) ? text : null;
}

/** What may stand between names in a byline: separators and "and" in the languages of BY_WORD. */
const NAME_JOINERS = /^(?:[\s,;&/]|\b(?:and|und|et|y|e|en|og|och|i)\b)*$/i;

/**
 * Several names as the byline writes them ("Lars Fischer und Alina Schadwinkel") when its text is just those
 * names and joiners; else the names joined by commas.
 */
function asWritten(el: Element, parts: readonly string[]): string {
  const joined = parts.join(', ');
  if (parts.length < 2) return joined;
  const text = cleanByline(spacedText(el));
  if (!text) return joined;
  let rest = text;
  for (const part of parts) {
    const at = rest.indexOf(part);
    if (at < 0) return joined;
    rest = rest.slice(0, at) + ' ' + rest.slice(at + part.length);
  }
  return NAME_JOINERS.test(rest) ? text : joined;
}

function partsIn(elements: readonly Element[], isPart: (el: Element) => boolean): string[] {
  const parts: string[] = [];
  for (const inner of elements) {
    if (!isPart(inner)) continue;
    // The innermost part only: `<span class="author-name"><a class="fn">` names once.
    if (elementsUnder(inner).some(isPart)) continue;
    // Not a part the reader does not see (the title of a hidden "about the author" dialog).
    if (inner.closest('[aria-hidden="true"], [hidden]')) continue;
    const name = cleanByline(spacedText(inner));
    if (name && !parts.some((p) => p.toLowerCase() === name.toLowerCase())) parts.push(name);
  }
  return parts;
}

/** A label word with a colon after the name ("Lesezeit:", "Quelle:", "Updated:"). */
const NEXT_LABEL = /\s(?=\p{L}+:(?:\s|$))/u;

/** The name after a by-word inside a meta line. */
function nameInLine(segment: string): string | null {
  // The next label ends the byline: "Autor: Jane Doe Lesezeit: 5 min", "Jane Doe Quelle: Example".
  const text = cleanByline(segment.split(NEXT_LABEL)[0]);
  return text && looksLikeName(text) ? text : null;
}

/** Meta lines hold a few parts (label, name, date); an unmarked element with more parts that hold text is a block. */
const MAX_UNMARKED_PARTS = 4;

/** Child elements that show text (empty icon and placeholder spans do not count). */
function textPartCount(el: Element): number {
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (hasVisibleText(c)) n++;
  return n;
}

/**
 * The byline printed near the headline, or null. A name `isWeak` rejects (the site's own name) does not stop
 * the search: a nearer "The Daily Example" above the headline leaves room for "Written by: Jane Doe" below it;
 * it is returned when nothing better is printed, or when what lies further is not introduced by a by-word.
 */
export function bylineNearHeadline(index: PageIndex, headline: Element | null, isWeak: (name: string) => boolean = () => false): string | null {
  let best: { name: string; d: number; el: Element; byWord: boolean } | null = null;
  let weak: { name: string; d: number } | null = null;
  for (const { el, d } of nearAnchor(index, headline)) {
    if (best && d >= best.d) continue;
    const tokens = indexedTokens(index, el);
    const marked = isBylineMarked(el, tokens);
    if (!marked && el.childElementCount > MAX_UNMARKED_PARTS && textPartCount(el) > MAX_UNMARKED_PARTS) continue;
    const text = nearText(index, el, MAX_BYLINE_TEXT);
    if (!text) continue;
    // A by-word inside the text of a block that holds the headline is the headline's or the story's, not a meta line's.
    // Nor is a line whose byline is marked up inside it: that element gives the name without the line's rest.
    const inLine = marked || BY_PREFIX.test(text) || (headline && el.contains(headline)) ? null : BY_IN_LINE.exec(text);
    if (inLine && elementsUnder(el).some((e) => isBylineMarked(e, tokensOf(e)))) continue;
    if (!marked && !inLine && !BY_PREFIX.test(text)) continue;
    if (inForeignContainer(el, headline)) continue;
    const name = inLine ? nameInLine(BY_IN_LINE.exec(spacedText(el))?.[1] ?? inLine[1] ?? '') : namesIn(el);
    if (!name) continue;
    if (!isWeak(name)) best = { name, d, el, byWord: Boolean(inLine) || BY_PREFIX.test(text) };
    else if (!weak || d < weak.d) weak = { name, d };
  }
  // Past a nearer site name only a line that says "By …" names the author (not a linked name in the text).
  if (best && weak && weak.d < best.d && !best.byWord) return weak.name;
  return best?.name ?? weak?.name ?? null;
}

/** A given name is completed only from text this close to the headline (a byline, not the article's people). */
const FULL_NAME_NEAR = 30;
/** …and only from short text: a byline line or a name label, not a sentence. */
const MAX_FULL_NAME_TEXT = 60;

/**
 * The full name printed near the headline for a metadata author that gives only a first name ("Todd" and
 * "Todd Bates" under the headline, "Nils" and "Eine Kolumne von Nils Pickert"): the name followed by one
 * capitalised word, in a short text.
 */
export function fullNameNearHeadline(index: PageIndex, headline: Element | null, given: string): string | null {
  const escaped = given.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(String.raw`(?:^|[\s(:])(${escaped}\s+\p{Lu}[\p{Ll}'’-]+)(?=$|[\s,.;)|])`, 'u');
  for (const { el, d } of nearAnchor(index, headline)) {
    if (d > FULL_NAME_NEAR) continue;
    let own = '';
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += c.nodeValue ?? '';
    own = own.replace(/\s+/g, ' ').trim();
    if (!own || own.length > MAX_FULL_NAME_TEXT) continue;
    const match = pattern.exec(own);
    if (match?.[1] && !inForeignContainer(el, headline)) return match[1];
  }
  return null;
}

/** An author box after the article opens with a label: "Autor: Petra Ruland", "Author: Jane Doe". */
const AUTHOR_BOX_LINE = new RegExp(String.raw`^${AUTHOR_LABEL}\s*`, 'u');
/**
 * A copyright line naming its holder: "© 2019 Sven Schreivogel", "Copyright (c) 2012- Gregory Szorc. All rights
 * reserved.", "(c) Johannes Wolf • Weitere Rechte…". The year or a rights clause tells it from a picture credit
 * ("© Jens Büttner" under a photo names the photographer, not the writer).
 */
const COPYRIGHT_HOLDER =
  /^((?:(?:©|\(c\)|copyright|\d{4}(?:\s*[-–]\s*(?:\d{4})?)?)\s*)+)([^.|•·,©]+?)\s*(?:[.|•·,]\s*(.*))?$/i;
const RIGHTS_CLAUSE = /rights|rechte|droits|derechos|diritti|rechten/i;
/**
 * How both lines open: an author label (Autor, Author, Redaktion, Text…), or a copyright sign, "(c)", "copyright"
 * or a year. Text opening with any other character is neither, and is passed over without being read.
 */
const SIGNATURE_START = /^[©(cC\daArRtT]/;

/**
 * The author where nothing near the headline names one: the labelled author box after the article, else the
 * person who holds the page's copyright. Personal sites and small blogs sign this way and print no byline. A
 * holder that is the site or an organisation (`isWeak`, or not a person's full name) names no author.
 */
/**
 * True when `name` is the text of a link to another site: a theme or template vendor's credit ("Copyright © 2016
 * <a href="http://templates.example">Free Blogger Templates</a>"), not the owner of this page.
 */
function linksAway(line: Element, name: string): boolean {
  const own = line.ownerDocument.location?.hostname ?? '';
  return Array.from(line.querySelectorAll('a[href]')).some((a) => {
    if (textOf(a) !== name) return false;
    try {
      return new URL(a.getAttribute('href') ?? '', line.ownerDocument.URL).hostname !== own;
    } catch {
      return false;
    }
  });
}

export function signedName(
  index: PageIndex,
  headline: Element | null,
  isWeak: (name: string) => boolean,
  isSiteName: (name: string) => boolean,
): string | null {
  const from = anchorOf(index, headline);
  let holder: string | null = null;
  for (let i = from; i < index.elements.length; i++) {
    const el = index.elements[i] as Element;
    if (el.childElementCount > MAX_UNMARKED_PARTS || !SIGNATURE_START.test(firstVisibleChar(el))) continue;
    const text = nearText(index, el, MAX_COPYRIGHT_TEXT);
    if (!text) continue;
    if (text.length <= MAX_BYLINE_TEXT && AUTHOR_BOX_LINE.test(text) && !inForeignContainer(el, headline)) {
      const name = nameInLine(text.replace(AUTHOR_BOX_LINE, ''));
      if (name && isPersonName(name) && !isWeak(name)) return name;
    }
    if (holder) continue;
    const match = COPYRIGHT_HOLDER.exec(text);
    // Under a picture, or holding one, a copyright line credits the picture (looked at only for a match).
    if (!match || el.closest('figure, figcaption') || el.querySelector('img, picture, figure')) continue;
    const name = match[2]?.trim() ?? '';
    // A personal site is often named after its owner ("gregoryszorc.com"), so only the exact site name is refused.
    const prefix = match[1] ?? '';
    if (/©|\(c\)|copyright/i.test(prefix) && (/\d{4}/.test(prefix) || RIGHTS_CLAUSE.test(match[3] ?? '')) && isPersonName(name) && !isSiteName(name) && !linksAway(el, name)) holder = name;
  }
  return holder;
}

export interface PageDates {
  published: string | null;
  publishedSource: 'time-element' | 'page-text' | null;
  /** How close to the headline the published date sits (elements, weighted by kind of evidence); lower is stronger. */
  publishedDistance: number;
  /** The published day as printed for the reader (`YYYY-MM-DD`), not a machine attribute beside it; null if none. */
  publishedPrinted: string | null;
  modified: string | null;
}

/** Class names that mark a modified date. hAtom's "updated" is put on the only (publication) date by many themes. */
const MODIFIED_CLASS = /modif|updated/;

/** Up to `max` characters of text just before `node` (its earlier siblings, then its parent's), for a label. */
function textBefore(node: Node, max = 40): string {
  let out = '';
  let at: Node | null = node;
  for (let level = 0; level < 2 && at && out.trim().length < max; level++) {
    for (let sib: Node | null = at.previousSibling; sib && out.trim().length < max; sib = sib.previousSibling) {
      out = (sib.textContent ?? '') + ' ' + out;
    }
    at = at.parentNode;
  }
  return out.replace(/\s+/g, ' ').trim().slice(-max);
}

/**
 * The element's own date lines: those of its own text nodes (not its children's) that start with a date or a short
 * label and a date ("· November 22, 2011 ·" between icons and links, "Erschienen am: 01.11.2023" after a `<br>`).
 */
function ownDateLines(el: Element): Text[] {
  const lines: Text[] = [];
  for (let child = el.firstChild; child; child = child.nextSibling) {
    // A date line holds a year: most text nodes are passed over before any string is built.
    if (child.nodeType !== 3 || !mayHoldDate(child.nodeValue ?? '')) continue;
    const text = (child.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    // A dateline opens the first paragraph: "29.11.2022 – Mehrfach hatte …", "Berlin, 3. Mai 2021 - Die …".
    const line = text.length <= MAX_BARE_DATE_TEXT ? text : (DATELINE.exec(text)?.[1] ?? '');
    if (line && (findDateText(line)?.index ?? Infinity) <= MAX_OWN_DATE_LABEL) lines.push(child as Text);
  }
  return lines;
}

/**
 * Dates printed near the headline: `<time>` elements, elements named or labelled as dates, and short bare
 * date lines, the nearest (weighted by kind) winning. A date labelled "Updated" is the modified one; a date only
 * classed "updated"/"modified" is taken as published when the page shows no other date.
 */
export function datesNearHeadline(index: PageIndex, headline: Element | null, monthFirst: boolean): PageDates {
  let best: { value: string; d: number; time: boolean; printed: string | null } | null = null;
  let classedModified: { value: string; d: number; time: boolean; printed: string | null } | null = null;
  let modified: { value: string; d: number } | null = null;
  for (const { el, d } of nearAnchor(index, headline)) {
    const isTime = el.localName === 'time';
    const tokens = indexedTokens(index, el);
    const markedByName = isTime || DATE_TOKEN.test(tokens) || BYLINE_TOKEN.test(tokens);
    // The element's text as one date line, or (when it has many parts) its own date lines, each with its label.
    let lines: Array<{ content: string; at: Node }>;
    const many = !isTime && el.childElementCount > 3;
    const content = many ? null : nearText(index, el, MAX_DATE_TEXT);
    const whole = content !== null && (markedByName || DATE_LABEL.test(content) || (content.length <= MAX_BARE_DATE_TEXT && el.childElementCount <= 1));
    if (whole) lines = [{ content, at: el }];
    else lines = ownDateLines(el).map((t) => ({ content: (t.nodeValue ?? '').replace(/\s+/g, ' ').trim(), at: t }));
    for (const { content: line, at } of lines) {
      const before = at === el ? '' : textBefore(at);
      const marked = markedByName || DATE_LABEL.test(line) || (at !== el && DATE_LABEL.test(before.split(/[|·•]/).pop()?.trim() ?? ''));
      const weighted = d * (isTime ? TIME_WEIGHT : marked ? MARKED_DATE_WEIGHT : BARE_DATE_WEIGHT);
      if (best && weighted >= best.d && modified && weighted >= modified.d) continue;
      const machine = at === el ? normaliseMachineDate(el.getAttribute('datetime') ?? (isTime ? null : el.getAttribute('content'))) : null;
      const printed = parseDateText(line, monthFirst);
      const value = machine ?? printed;
      if (!value) continue;
      if ((inForeignContainer(el, headline) && !besideHeadline(el, headline)) || el.closest(QUOTED)) continue;
      const label = `${textBefore(at)} ${line}`;
      const visiblyModified = MODIFIED_WORDS.test(label.slice(-(line.length + 25))) && !/publi|posted|veröffentlicht|erstellt|erschienen/i.test(line);
      if (visiblyModified) {
        if (!modified || weighted < modified.d) modified = { value, d: weighted };
        continue;
      }
      if (MODIFIED_CLASS.test(tokens) && !/publi/.test(tokens)) {
        if (!classedModified || weighted < classedModified.d) classedModified = { value, d: weighted, time: isTime, printed };
        continue;
      }
      if (!best || weighted < best.d) best = { value, d: weighted, time: isTime, printed };
    }
  }
  const published = best ?? classedModified;
  const modifiedValue = modified?.value ?? (best && classedModified ? classedModified.value : null);
  if (!published) return { published: null, publishedSource: null, publishedDistance: Infinity, publishedPrinted: null, modified: modifiedValue };
  return {
    published: published.value,
    publishedSource: published.time ? 'time-element' : 'page-text',
    publishedDistance: published.d,
    publishedPrinted: published.printed,
    modified: modifiedValue,
  };
}
