/**
 * Words and dates shared by the popup card and the reader header, so both say the same thing the same way.
 * Dates are formatted for the browser's locale (Intl with `undefined`), but on the publisher's calendar:
 * "2018-05-15T09:19:00+10:00" is 15 May wherever the reader lives, as the page itself says.
 */
import type { RuleFamily } from '../core/index.js';
import { t } from './browser.js';

export interface FormattedDate {
  /** The machine-readable value for `<time datetime>`: the ISO string as extracted. */
  datetime: string;
  /** The date for display, e.g. "15 May 2018" (en-GB) or "May 15, 2018" (en-US). */
  text: string;
  /** The full timestamp for the tooltip, e.g. "Tuesday 15 May 2018, 09:19 (UTC+10:00)". */
  title: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Date formatters by locale and style: building one loads locale data and costs about a millisecond. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale ?? '', options]);
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** Formats an extracted ISO 8601 date; null when it cannot be read as a date. */
export function formatPublished(iso: string, locale?: string): FormattedDate | null {
  const m = ISO.exec(iso.trim());
  if (!m) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return null;
    return {
      datetime: iso,
      text: dateFormat(locale, { dateStyle: 'long' }).format(date),
      title: dateFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(date),
    };
  }
  const [, y, mo, d, h, mi, s, zone] = m;
  const hasTime = h !== undefined;
  // The wall-clock time as written, formatted in UTC so no local offset shifts it to another day.
  const wall = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)));
  if (Number.isNaN(wall.getTime())) return null;
  const text = dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(wall);
  let title = dateFormat(locale, hasTime
    ? { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }
    : { dateStyle: 'full', timeZone: 'UTC' }).format(wall);
  if (hasTime && zone) title += ` (${zoneLabel(zone)})`;
  return { datetime: iso, text, title };
}

function zoneLabel(zone: string): string {
  if (/^z$/i.test(zone)) return 'UTC';
  const digits = zone.replace(':', '');
  return `UTC${digits.slice(0, 3)}:${digits.slice(3)}`;
}

/** "5 min read". */
export function formatReadingTime(minutes: number): string {
  return t('readingTime', String(Math.max(1, Math.round(minutes))));
}

/**
 * Families in the order the summary names them. The short summary names what users recognise as clutter
 * they wanted gone (the two options: ads and promotions, comments); the full one, for tooltips, names
 * every family.
 */
const SHORT_ORDER: readonly RuleFamily[] = ['promos', 'ads', 'comments'];
const FULL_ORDER: readonly RuleFamily[] = ['promos', 'ads', 'newsletters', 'share', 'related', 'authorBio', 'comments'];

function familyPhrase(family: RuleFamily, count: number): string | null {
  const many = count !== 1;
  switch (family) {
    case 'ads': return many ? t('removedAds', String(count)) : t('removedAd');
    case 'promos': return many ? t('removedPromos', String(count)) : t('removedPromo');
    case 'newsletters': return many ? t('removedNewsletters', String(count)) : t('removedNewsletter');
    case 'share': return t('removedShare');
    case 'related': return t('removedRelated');
    case 'authorBio': return t('removedAuthorBio');
    // Comment "sections" are counted by the core but one thread is one thing to the user.
    case 'comments': return t('removedComments');
    // A family a newer core adds is not named until it has words here.
    default: return null;
  }
}

/**
 * "1 promotion · 3 ads · comments removed"; with `full`, every family ("... · share buttons · author bio ...").
 * When nothing the short form names was stripped it falls back to the full form, then to "Nothing to strip".
 */
export function summarizeRemoved(removed: Partial<Record<RuleFamily, number>>, full = false): string {
  const short = full ? [] : phrasesFor(removed, SHORT_ORDER);
  const phrases = short.length ? short : phrasesFor(removed, FULL_ORDER);
  return phrases.length ? t('removedSummary', phrases.join(' · ')) : t('removedNothing');
}

function phrasesFor(removed: Partial<Record<RuleFamily, number>>, order: readonly RuleFamily[]): string[] {
  const phrases: string[] = [];
  for (const family of order) {
    const count = removed[family];
    if (!count || count < 1) continue;
    const phrase = familyPhrase(family, count);
    if (phrase) phrases.push(phrase);
  }
  return phrases;
}
