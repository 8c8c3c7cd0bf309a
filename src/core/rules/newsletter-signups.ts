/**
 * Newsletter sign-up boxes: a heading, a sentence and an e-mail form, or a block named for sign-ups.
 * From the e-mail field we climb to the largest ancestor that is still only the box.
 */
import { NEWSLETTER_MAX_TEXT_CHARS, NEWSLETTER_TEXT, NEWSLETTER_TOKEN } from '../constants.js';
import { attributeTokens, textOf } from '../dom.js';
import type { Rule, RuleMatch } from './types.js';

function isEmailField(input: Element): boolean {
  return (
    (input.getAttribute('type') ?? '').toLowerCase() === 'email' ||
    /mail/i.test(input.getAttribute('name') ?? '') ||
    /mail/i.test(input.getAttribute('placeholder') ?? '')
  );
}

function boxAround(start: Element, body: Element): Element {
  let box = start;
  for (let up = start.parentElement; up && up !== body; up = up.parentElement) {
    if (textOf(up).length > NEWSLETTER_MAX_TEXT_CHARS || up.querySelector('h1')) break;
    box = up;
  }
  return box;
}

export const newsletterSignups: Rule = {
  name: 'newsletter-signups',
  family: 'newsletters',
  option: 'stripAds',
  find(ctx) {
    const matches: RuleMatch[] = [];
    for (const field of ctx.byTag('input').filter(isEmailField)) {
      const form = field.closest('form') ?? field.parentElement;
      if (!form) continue;
      const box = boxAround(form, ctx.body);
      // A login or contact form is not a newsletter box: the box must talk about subscribing.
      if (NEWSLETTER_TEXT.test(textOf(box)) || NEWSLETTER_TOKEN.test(attributeTokens(box))) {
        matches.push({ el: box, reason: 'e-mail sign-up form' });
      }
    }
    for (const { el, tokens } of ctx.tagged) {
      if (!NEWSLETTER_TOKEN.test(tokens)) continue;
      const text = textOf(el);
      if (text.length <= NEWSLETTER_MAX_TEXT_CHARS && NEWSLETTER_TEXT.test(text)) {
        matches.push({ el, reason: 'newsletter block' });
      }
    }
    return matches;
  },
};
