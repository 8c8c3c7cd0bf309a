/** Share bars: rows of "share on X" buttons, named as such or made of links to social share endpoints. */
import { SHARE_LINK, SHARE_MAX_TEXT_CHARS, SHARE_TOKEN } from '../constants.js';
import { elementsUnder, textOf } from '../dom.js';
import type { Rule, RuleMatch } from './types.js';

/** At least this many share links, making up this share of a list's links, make it a share bar. */
const MIN_SHARE_LINKS = 2;
const MIN_SHARE_LINK_RATIO = 0.6;

export const shareBars: Rule = {
  name: 'share-bars',
  family: 'share',
  option: 'stripAds',
  find(ctx) {
    const matches: RuleMatch[] = [];
    for (const { el, tokens } of ctx.tagged) {
      if (SHARE_TOKEN.test(tokens) && textOf(el).length <= SHARE_MAX_TEXT_CHARS) {
        matches.push({ el, reason: 'share class' });
      }
    }
    // Share bars are found from their links: the parents and grandparents of share-endpoint links.
    const lists = new Set<Element>();
    for (const a of ctx.byTag('a')) {
      if (!SHARE_LINK.test(a.getAttribute('href') ?? '')) continue;
      let up = a.parentElement;
      for (let i = 0; up && up !== ctx.body && i < 3; i++, up = up.parentElement) lists.add(up);
    }
    for (const list of lists) {
      const links = elementsUnder(list, 'a');
      if (links.length < MIN_SHARE_LINKS || links.length > 20) continue;
      const share = links.filter((a) => SHARE_LINK.test(a.getAttribute('href') ?? '')).length;
      if (share >= MIN_SHARE_LINKS && share / links.length >= MIN_SHARE_LINK_RATIO && textOf(list).length <= SHARE_MAX_TEXT_CHARS) {
        matches.push({ el: list, reason: `${share} share links` });
      }
    }
    return matches;
  },
};
