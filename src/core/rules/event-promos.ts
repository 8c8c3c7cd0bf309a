/**
 * In-article promotions: event, webinar and conference adverts, sponsored blocks and campaign banners.
 * Readability keeps them when they sit inside the article container. No single signal is enough (an article
 * may link with UTM tags or mention a conference), so a block must collect PROMO_MIN_SCORE points from:
 * a promotional class name (2), a campaign-tracked link to another site (1), a call to action on a link or
 * button (1), and event vocabulary or an event date line (1).
 */
import {
  CTA_TEXT,
  EVENT_WORDS,
  PROMO_MAX_CLIMB,
  PROMO_MAX_TEXT_CHARS,
  PROMO_MIN_SCORE,
  PROMO_TOKEN,
  TRACKING_PARAM,
} from '../constants.js';
import { attributeTokens, textOf } from '../dom.js';
import { hasDateText } from '../metadata/dates.js';
import type { Rule, RuleMatch } from './types.js';

/** Promotions are short: a block must have some text to be judged at all, and not be a whole page. */
const PROMO_MIN_TEXT_CHARS = 20;

function isExternalTracked(a: HTMLAnchorElement, host: string): boolean {
  const href = a.getAttribute('href') ?? '';
  if (!TRACKING_PARAM.test(href)) return false;
  try {
    return new URL(href, a.ownerDocument.baseURI).hostname !== host;
  } catch {
    return false;
  }
}

function scoreBlock(el: Element, host: string): { score: number; signals: string[] } {
  const signals: string[] = [];
  let score = 0;
  if (PROMO_TOKEN.test(attributeTokens(el))) {
    score += 2;
    signals.push('promo class');
  }
  const links = Array.from(el.querySelectorAll('a[href]')) as HTMLAnchorElement[];
  if (links.some((a) => isExternalTracked(a, host))) {
    score += 1;
    signals.push('tracked external link');
  }
  const actions = [...links, ...Array.from(el.querySelectorAll('button'))];
  if (actions.some((a) => CTA_TEXT.test(textOf(a)))) {
    score += 1;
    signals.push('call to action');
  }
  const text = textOf(el);
  const eventWords = new Set((text.match(EVENT_WORDS) ?? []).map((w) => w.toLowerCase()));
  if (eventWords.size >= 2 || (eventWords.size >= 1 && hasDateText(text))) {
    score += 1;
    signals.push('event text');
  }
  return { score, signals };
}

export const eventPromos: Rule = {
  name: 'event-promos',
  family: 'promos',
  option: 'stripAds',
  find(ctx) {
    const host = ctx.host;
    // Seeds: blocks with a promotional class, and the containers of tracked links and calls to action.
    const seeds = new Set<Element>();
    for (const { el, tokens } of ctx.tagged) if (PROMO_TOKEN.test(tokens)) seeds.add(el);
    for (const a of ctx.byTag('a') as HTMLAnchorElement[]) {
      if (isExternalTracked(a, host) || CTA_TEXT.test(textOf(a))) {
        let up: Element | null = a.parentElement;
        for (let i = 0; up && up !== ctx.body && i < PROMO_MAX_CLIMB; i++, up = up.parentElement) seeds.add(up);
      }
    }
    // Keep the outermost qualifying block of each cluster; text bounds keep whole articles out.
    const matches: RuleMatch[] = [];
    const qualifying = [...seeds].filter((el) => {
      const length = textOf(el).length;
      return length >= PROMO_MIN_TEXT_CHARS && length <= PROMO_MAX_TEXT_CHARS;
    });
    for (const el of qualifying) {
      const { score, signals } = scoreBlock(el, host);
      if (score >= PROMO_MIN_SCORE) matches.push({ el, reason: `promotion (${signals.join(', ')})` });
    }
    return matches;
  },
};
