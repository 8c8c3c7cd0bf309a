/**
 * One-line calls to action inside the body: "CLICK HERE TO GET THE … APP", "Follow us on Twitter",
 * "Subscribe now". A short block whose whole text is such a line and which links somewhere is a promotion
 * of the publisher, not part of the story.
 */
import { CTA_LINE, CTA_LINE_MAX_CHARS } from '../constants.js';
import type { Rule, RuleMatch } from './types.js';

const LINE_CONTAINERS = new Set(['p', 'div', 'li', 'strong', 'em', 'h3', 'h4', 'h5', 'h6', 'aside']);

export const ctaLines: Rule = {
  name: 'cta-lines',
  family: 'promos',
  option: 'stripAds',
  find(ctx) {
    const matches: RuleMatch[] = [];
    // Backwards, children first (see ShortTexts); the matches are put in document order by strip.ts.
    for (let i = ctx.elements.length - 1; i >= 0; i--) {
      const el = ctx.elements[i] as Element;
      if (!LINE_CONTAINERS.has(el.localName) || el.childElementCount > 3) continue;
      const text = ctx.texts.get(el, CTA_LINE_MAX_CHARS);
      if (!text || !CTA_LINE.test(text)) continue;
      if (!el.getElementsByTagName('a').length && !el.closest('a')) continue;
      matches.push({ el, reason: `call to action "${text.slice(0, 40)}"` });
    }
    return matches;
  },
};
