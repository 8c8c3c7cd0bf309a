/** The removal rules, in the order they run. Comment rules first: comment threads contain ads and links. */
import { adLabels } from './ad-labels.js';
import { adSlots } from './ad-slots.js';
import { authorBios } from './author-bios.js';
import { commentSections } from './comment-sections.js';
import { ctaLines } from './cta-lines.js';
import { eventPromos } from './event-promos.js';
import { newsletterSignups } from './newsletter-signups.js';
import { relatedLinks } from './related-links.js';
import { shareBars } from './share-bars.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  commentSections,
  adSlots,
  adLabels,
  eventPromos,
  ctaLines,
  newsletterSignups,
  shareBars,
  relatedLinks,
  authorBios,
];

export type { Rule, RuleContext, RuleMatch } from './types.js';
