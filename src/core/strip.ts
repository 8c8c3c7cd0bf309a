/**
 * Runs the removal rules on the clone before Readability, under one guard: no rule may remove the
 * headline, the marked article body, or (except comment threads) a block holding a large share of the
 * page's paragraph text. Counts what each family removed and, in debug mode, records every node.
 */
import { CTA_LINE_MAX_CHARS, INLINE_RELATED_MAX_CHARS, MAX_REMOVED_PARAGRAPH_SHARE, MIN_ARTICLE_PARAGRAPH_CHARS } from './constants.js';
import { attributeTokens, containsOrIs, elementsUnder, sampleOf, ShortTexts, textOf } from './dom.js';
import { anchorParagraphsOf, anchorTextBefore } from './repair/keep-in-place.js';
import { RULES, type Rule, type RuleContext, type RuleMatch } from './rules/index.js';
import { matchesKeepRule, stableSelector, textFingerprint } from './transparency.js';
import type { ExtractOptions, RemovalRecord, RuleFamily, StrippedBlock } from './types.js';

/** Marked article bodies (schema.org): never removed, whatever class names they carry. */
const ARTICLE_BODY_ITEMPROP = /(?:^|\s)articlebody(?:\s|$)/i;

/** Without a known headline, even comment rules must leave at least half of the page's paragraphs. */
const COMMENT_SHARE_WITHOUT_HEADLINE = 0.5;

export interface StripOutcome {
  removed: Partial<Record<RuleFamily, number>>;
  records: RemovalRecord[];
  /** Blocks of the article region that a switched-off rule or a keep rule left in place: the reader keeps them there. */
  kept: Element[];
  /** What the rules stripped (or a keep rule kept), all families but comments, in the order they were found. */
  stripped: StrippedNote[];
  /** The comment sections removed, detached, in the order they were found. */
  comments: Element[];
}

/** A stripped block as noted before it left the tree; extract.ts turns it into a StrippedBlock. */
export interface StrippedNote extends Omit<StrippedBlock, 'html'> {
  /** The block itself: detached once removed, still in the clone when kept. */
  el: Element;
}

/**
 * At most this many stripped blocks are listed with their HTML (kept blocks always are). An article region holds a
 * handful; a page read without a region (no headline found) may hold dozens of ad slots, and sanitizing each for a
 * list nobody scrolls through would slow every extraction.
 */
const MAX_LISTED_BLOCKS = 30;

/** The attribute that marks a kept block in the clone and in the article HTML. */
export const KEPT_ATTRIBUTE = 'data-cp-kept';

/**
 * Families whose blocks the user expects to see again when the option is off. Readability often drops them
 * by itself (they sit beside the text block, not in it), so they are noted here and put back afterwards.
 * Ad slots, share bars and link lists are empty or useless in a reader, so they are not.
 */
const KEEP_IN_PLACE: ReadonlySet<RuleFamily> = new Set(['promos', 'comments']);

function paragraphChars(root: Element): number {
  let total = 0;
  for (const p of elementsUnder(root, 'p')) {
    const length = textOf(p).length;
    if (length >= MIN_ARTICLE_PARAGRAPH_CHARS) total += length;
  }
  return total;
}

/** The longest short text a rule asks for (ad labels, calls to action and related lines all fit). */
const RULE_TEXT_LIMIT = Math.max(INLINE_RELATED_MAX_CHARS, CTA_LINE_MAX_CHARS);

export function buildRuleContext(doc: Document, body: Element, headline: Element | null): RuleContext {
  const elements = elementsUnder(body);
  const tagged: Array<{ el: Element; tokens: string }> = [];
  const tags = new Map<string, Element[]>();
  for (const el of elements) {
    const list = tags.get(el.localName);
    if (list) list.push(el);
    else tags.set(el.localName, [el]);
    // Many elements carry no attribute at all: one call tells.
    if (el.hasAttributes() && (el.hasAttribute('class') || el.hasAttribute('id'))) tagged.push({ el, tokens: attributeTokens(el) });
  }
  const byTag = (tag: string): readonly Element[] => tags.get(tag) ?? [];
  let host = '';
  try {
    host = new URL(doc.baseURI).hostname;
  } catch {
    // An opaque base URL (about:blank): no link counts as same-site.
  }
  return { doc, body, elements, tagged, headline, byTag, host, texts: new ShortTexts(RULE_TEXT_LIMIT) };
}

function optionOn(rule: Rule, options: ExtractOptions): boolean {
  return rule.option === 'stripAds' ? options.stripAds !== false : options.stripComments !== false;
}

export function stripBoilerplate(ctx: RuleContext, options: ExtractOptions, region: Element | null): StripOutcome {
  const removed: Partial<Record<RuleFamily, number>> = {};
  const records: RemovalRecord[] = [];
  const kept: Element[] = [];
  const stripped: StrippedNote[] = [];
  const comments: Element[] = [];
  const keepRules = options.keep ?? [];
  /** Blocks a keep rule kept: nothing inside them is removed either (the user kept the block as it was). */
  const keptByRule: Element[] = [];
  // Each paragraph's text length, read once: the share guard sums them, the stripped blocks' anchors are chosen by
  // them. A removal inside a paragraph forgets its length (see removeBlock), read again when it is asked for.
  const paragraphLengths = new Map<Element, number>();
  for (const p of ctx.byTag('p')) paragraphLengths.set(p, textOf(p).length);
  const lengthOf = (p: Element): number => {
    let length = paragraphLengths.get(p);
    if (length === undefined) paragraphLengths.set(p, (length = textOf(p).length));
    return length;
  };
  const removeBlock = (el: Element): void => {
    ctx.texts.forget(el);
    for (let a = el.parentElement; a; a = a.parentElement) if (a.localName === 'p') paragraphLengths.delete(a);
    el.remove();
  };
  let paragraphs: Element[] | null = null;
  /** Notes a block while it is still in the tree: its selector names its parent, its anchor is the paragraph before it. */
  const noteBlock = (el: Element, family: StrippedBlock['family'], fingerprint: string, isKept: boolean): StrippedNote => {
    paragraphs ??= anchorParagraphsOf(ctx.byTag('p').filter((p) => ctx.body.contains(p)), lengthOf);
    const note: StrippedNote = {
      id: `s${stripped.length + 1}`, family, selector: stableSelector(el), fingerprint,
      after: anchorTextBefore(paragraphs, el), kept: isKept, el,
    };
    stripped.push(note);
    return note;
  };
  const disabled = new Set(options.disabledRules ?? []);
  const rules = RULES.filter((rule) => !disabled.has(rule.name) && (optionOn(rule, options) || (region && KEEP_IN_PLACE.has(rule.family))));
  if (rules.length === 0) return { removed, records, kept, stripped, comments };

  // One native query for the few elements with an itemprop, not an attribute read per element.
  const protectedNodes = Array.from(ctx.body.querySelectorAll('[itemprop]')).filter((el) => ARTICLE_BODY_ITEMPROP.test(el.getAttribute('itemprop') ?? ''));
  if (ctx.headline) protectedNodes.push(ctx.headline);
  let pageParagraphChars = 0;
  for (const length of paragraphLengths.values()) if (length >= MIN_ARTICLE_PARAGRAPH_CHARS) pageParagraphChars += length;
  // Document order of every element (ctx.elements is in document order), listed when a rule first finds two blocks.
  let order: Map<Element, number> | null = null;
  const inDocumentOrder = (matches: RuleMatch[]): RuleMatch[] => {
    if (matches.length < 2) return matches;
    if (!order) {
      const map = new Map<Element, number>();
      ctx.elements.forEach((el, i) => map.set(el, i));
      order = map;
    }
    const known = order;
    return matches.sort((a, b) => (known.get(a.el) ?? 0) - (known.get(b.el) ?? 0));
  };

  const mayRemove = (el: Element, family: RuleFamily): boolean => {
    if (el === ctx.body || !ctx.body.contains(el)) return false; // already gone with an ancestor
    if (el.closest('body') !== ctx.body) return false;
    if (keptByRule.some((block) => containsOrIs(block, el))) return false;
    if (protectedNodes.some((node) => containsOrIs(el, node))) return false;
    const limit =
      family === 'comments' ? (ctx.headline ? Infinity : COMMENT_SHARE_WITHOUT_HEADLINE) : MAX_REMOVED_PARAGRAPH_SHARE;
    // A block's paragraph text is never longer than its raw text, so most blocks pass without walking their paragraphs.
    if (limit !== Infinity && pageParagraphChars > 0 && (el.textContent ?? '').length / pageParagraphChars > limit &&
      paragraphChars(el) / pageParagraphChars > limit) return false;
    return true;
  };

  for (const rule of rules) {
    // Outermost first, so a nested match inside a removed block is not counted twice.
    const matches = inDocumentOrder(rule.find(ctx));
    const on = optionOn(rule, options);
    for (const { el, reason } of matches) {
      if (!mayRemove(el, rule.family)) continue;
      if (!on) {
        if (region?.contains(el) && !kept.some((k) => containsOrIs(k, el))) kept.push(el);
        continue;
      }
      const family = rule.family;
      if (family === 'comments') {
        removeBlock(el);
        comments.push(el);
      } else {
        const text = textOf(el);
        const fingerprint = textFingerprint(text);
        if (keepRules.length && matchesKeepRule(el, keepRules, () => fingerprint)) {
          const note = noteBlock(el, family, fingerprint, true);
          el.setAttribute(KEPT_ATTRIBUTE, note.id);
          keptByRule.push(el);
          if (!kept.some((k) => containsOrIs(k, el))) kept.push(el);
          continue;
        }
        // A block with nothing to see (an empty ad slot, a bar of icon links) is counted but not offered again.
        if (stripped.length < MAX_LISTED_BLOCKS && (text || el.querySelector('img, picture, video'))) noteBlock(el, family, fingerprint, false);
        removeBlock(el);
      }
      removed[family] = (removed[family] ?? 0) + 1;
      if (options.debug) records.push({ rule: rule.name, family, reason, sample: sampleOf(el) });
    }
  }
  return { removed, records, kept, stripped, comments };
}
