/**
 * "Advertisement" / "Anzeige" / "Sponsored" labels. The label goes, and so does the slot it announces when
 * the label's parent holds nothing else of substance (an empty slot whose ad script never ran offline).
 */
import { AD_LABEL } from '../constants.js';
import { textOf } from '../dom.js';
import type { Rule, RuleMatch } from './types.js';

/** An ad label is a word or two. */
const LABEL_MAX_CHARS = 32;
/** Besides the label, an ad slot's parent has at most this much text. */
const SLOT_MAX_OTHER_CHARS = 40;

export const adLabels: Rule = {
  name: 'ad-labels',
  family: 'ads',
  option: 'stripAds',
  find(ctx) {
    const matches: RuleMatch[] = [];
    // Backwards, children first (see ShortTexts); the matches are put in document order by strip.ts.
    for (let i = ctx.elements.length - 1; i >= 0; i--) {
      const el = ctx.elements[i] as Element;
      // Labels are leaves (or wrap a single inline element); test the cheap length first.
      if (el.childElementCount > 1) continue;
      const text = ctx.texts.get(el, LABEL_MAX_CHARS);
      if (!text || !AD_LABEL.test(text)) continue;
      const parent = el.parentElement;
      const parentText = parent ? textOf(parent) : '';
      const slot =
        parent && parent !== ctx.body && parentText.length - text.length <= SLOT_MAX_OTHER_CHARS && !parent.querySelector('p, h1, h2, h3')
          ? parent
          : el;
      matches.push({ el: slot, reason: `ad label "${text}"` });
    }
    return matches;
  },
};
