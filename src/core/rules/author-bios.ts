/**
 * Author bio boxes ("about the author", avatar + blurb) after the article. The byline itself is read from
 * the live page by the metadata step, so removing the box loses nothing the reader shows.
 */
import { AUTHOR_BIO_MAX_TEXT_CHARS, AUTHOR_BIO_TOKEN } from '../constants.js';
import { textOf } from '../dom.js';
import type { Rule, RuleMatch } from './types.js';

export const authorBios: Rule = {
  name: 'author-bios',
  family: 'authorBio',
  option: 'stripAds',
  find(ctx) {
    const matches: RuleMatch[] = [];
    for (const { el, tokens } of ctx.tagged) {
      if (!AUTHOR_BIO_TOKEN.test(tokens)) continue;
      const length = textOf(el).length;
      if (length > 0 && length <= AUTHOR_BIO_MAX_TEXT_CHARS) matches.push({ el, reason: 'author bio box' });
    }
    return matches;
  },
};
