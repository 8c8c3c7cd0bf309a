/**
 * Comment sections: threads, comment widgets ("Recent Comments"), embeds (Disqus and the like) and reply
 * forms, recognised by their names, schema.org Comment markup, or a heading that opens them.
 * Threads can be longer than the article, so this rule has no length bound; the shared guard still keeps
 * anything that holds the headline or the marked article body.
 */
import { COMMENT_HEADING, COMMENT_ITEMTYPE, COMMENT_TOKEN } from '../constants.js';
import { textOf } from '../dom.js';
import type { Rule, RuleMatch } from './types.js';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

export const commentSections: Rule = {
  name: 'comment-sections',
  family: 'comments',
  option: 'stripComments',
  find(ctx) {
    const matches: RuleMatch[] = [];
    for (const { el, tokens } of ctx.tagged) {
      const token = COMMENT_TOKEN.exec(tokens);
      if (token) matches.push({ el, reason: `comment class/id "${token[0].trim()}"` });
    }
    for (const el of ctx.elements) {
      if (COMMENT_ITEMTYPE.test(el.getAttribute('itemtype') ?? '') || el.getAttribute('itemprop') === 'comment') {
        matches.push({ el, reason: 'schema.org comment markup' });
      }
    }
    for (const heading of HEADINGS.flatMap((tag) => ctx.byTag(tag))) {
      if (!COMMENT_HEADING.test(textOf(heading))) continue;
      const section = heading.parentElement;
      // The heading opens its container: the container is the section. Otherwise only the heading goes.
      const el = section && section !== ctx.body && section.firstElementChild === heading ? section : heading;
      matches.push({ el, reason: `comment heading "${textOf(heading)}"` });
    }
    return matches;
  },
};
