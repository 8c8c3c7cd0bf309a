/**
 * Ad slots: containers named by ad servers and CMS ad plugins ("div-gpt-ad-…", "ad-slot", "adsbygoogle"),
 * or marked by ad-only attributes. They hold almost no text, which is also what keeps the rule safe.
 */
import { AD_ATTRIBUTES, AD_MAX_TEXT_CHARS, AD_TOKEN } from '../constants.js';
import { textOf } from '../dom.js';
import type { Rule, RuleMatch } from './types.js';

export const adSlots: Rule = {
  name: 'ad-slots',
  family: 'ads',
  option: 'stripAds',
  find(ctx) {
    const matches: RuleMatch[] = [];
    const seen = new Set<Element>();
    for (const { el, tokens } of ctx.tagged) {
      const token = AD_TOKEN.exec(tokens);
      if (token && textOf(el).length <= AD_MAX_TEXT_CHARS) {
        matches.push({ el, reason: `ad class/id "${token[0].trim()}"` });
        seen.add(el);
      }
    }
    for (const el of ctx.elements) {
      if (!seen.has(el) && AD_ATTRIBUTES.some((name) => el.hasAttribute(name)) && textOf(el).length <= AD_MAX_TEXT_CHARS) {
        matches.push({ el, reason: 'ad attribute' });
      }
    }
    return matches;
  },
};
