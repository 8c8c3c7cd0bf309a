import type { ShortTexts } from '../dom.js';
import type { RuleFamily } from '../types.js';

/** A block a rule wants removed, and why. */
export interface RuleMatch {
  el: Element;
  reason: string;
}

/** What every rule may look at. Built once per extraction, on the clone. */
export interface RuleContext {
  doc: Document;
  body: Element;
  /** Every element under body, in document order (one walk, shared by all rules). */
  elements: readonly Element[];
  /** Elements under body with this tag name (lower-case), in document order. */
  byTag(tag: string): readonly Element[];
  /** Elements that carry a class or id, with their lower-cased tokens. */
  tagged: ReadonlyArray<{ el: Element; tokens: string }>;
  /** The page's host name ('' when the URL is opaque): tells links to the same site from citations. */
  host: string;
  /** The article's headline, if found: no rule may remove it. */
  headline: Element | null;
  /** Short texts (labels, one-line calls to action, related lines), read once for all rules: `texts.get(el, max)`. */
  texts: ShortTexts;
}

/** One removal rule. Each lives in its own file and says why it exists. */
export interface Rule {
  /** Stable name, used by `disabledRules` and in debug records. */
  name: string;
  family: RuleFamily;
  /** The user option that switches the rule. */
  option: 'stripAds' | 'stripComments';
  find(ctx: RuleContext): RuleMatch[];
}
