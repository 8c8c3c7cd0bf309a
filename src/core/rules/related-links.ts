/**
 * Related, recommended and "most read" link lists, and "Read more: <link>" lines inside the body.
 * They are lists of links to other articles: every match must be link-dense.
 */
import {
  INLINE_RELATED_MAX_CHARS,
  INLINE_RELATED_PREFIX,
  RELATED_HEADING,
  RELATED_MIN_LINK_DENSITY,
  RELATED_TOKEN,
} from '../constants.js';
import { linkDensity, textOf } from '../dom.js';
import type { Rule, RuleMatch } from './types.js';

/** Related blocks are lists of headlines; longer blocks are content. */
const RELATED_MAX_TEXT_CHARS = 3000;
const INLINE_CONTAINERS = new Set(['p', 'li', 'div', 'aside']);

export const relatedLinks: Rule = {
  name: 'related-links',
  family: 'related',
  option: 'stripAds',
  find(ctx) {
    const matches: RuleMatch[] = [];
    for (const { el, tokens } of ctx.tagged) {
      if (!RELATED_TOKEN.test(tokens)) continue;
      const length = textOf(el).length;
      if (length > 0 && length <= RELATED_MAX_TEXT_CHARS && linkDensity(el) >= RELATED_MIN_LINK_DENSITY) {
        matches.push({ el, reason: 'related-links class' });
      }
    }
    for (const heading of ['h2', 'h3', 'h4', 'h5', 'h6'].flatMap((tag) => ctx.byTag(tag))) {
      if (!RELATED_HEADING.test(textOf(heading))) continue;
      const section = heading.parentElement;
      if (!section || section === ctx.body || section.firstElementChild !== heading) continue;
      const length = textOf(section).length;
      if (length <= RELATED_MAX_TEXT_CHARS && linkDensity(section) >= RELATED_MIN_LINK_DENSITY) {
        matches.push({ el: section, reason: `related heading "${textOf(heading)}"` });
      }
    }
    for (const line of ctx.elements) {
      if (line.childElementCount > 4 || !INLINE_CONTAINERS.has(line.localName)) continue;
      const text = textOf(line);
      if (text.length <= INLINE_RELATED_MAX_CHARS && INLINE_RELATED_PREFIX.test(text) && line.querySelector('a[href]') && linkDensity(line) >= 0.5) {
        matches.push({ el: line, reason: 'inline "read more" link' });
      }
    }
    return matches;
  },
};
