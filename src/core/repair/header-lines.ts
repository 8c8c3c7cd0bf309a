/**
 * Byline and date lines left at the top of the body ("JANIE HAR", "Nov. 20, 2019 Updated: 1:35 a.m.",
 * "By Jane Doe | 3 May"). The reader prints byline and date in its own header, so above the first real
 * paragraph these lines are repeats. Lines below it are left alone: there they may be part of the story.
 */
import { shortTextOf } from '../dom.js';
import { parseDateText } from '../metadata/dates.js';

/** The first paragraph at least this long is where the story starts. */
const STORY_START_CHARS = 80;
/** Date lines are short: a date, a time, a label. */
const DATE_LINE_MAX_CHARS = 80;
/** Words a date line may hold besides the date itself ("Updated", "Published", "a.m."). */
const DATE_LINE_MAX_OTHER_WORDS = 4;

const BLOCKS = new Set(['p', 'div', 'span', 'time', 'address', 'small', 'h4', 'h5', 'h6', 'li', 'ul']);
const DATE_WORDS = /\b(?:updated?|published|posted|modified|last|on|at|am|um|le|el|il|op|em|a\.m\.|p\.m\.|am|pm|uhr|h|[ap]\.?m\.?|utc|gmt|[a-z]{2,4}t|mon|tue|wed|thu|fri|sat|sun)\w*\.?/gi;

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A paragraph of the story: a long `p`, or a block whose own text (outside child elements) is long. */
function startsStory(el: Element, textLength: number): boolean {
  if (textLength < STORY_START_CHARS || el.closest('figure')) return false;
  if (el.localName === 'p') return true;
  if (el.localName !== 'div' && el.localName !== 'section') return false;
  let own = 0;
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) own += (child.nodeValue ?? '').trim().length;
  return own >= STORY_START_CHARS;
}

/** "Updated at 1:23 p.m.": a label and a time, no date. */
const TIME_LINE = /^(?:updated|published|posted|last updated|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato)\b[^.]{0,30}\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|uhr|h)?\.?$/i;

function isDateLine(text: string): boolean {
  if (text.length <= DATE_LINE_MAX_CHARS && TIME_LINE.test(text)) return true;
  if (text.length > DATE_LINE_MAX_CHARS || !parseDateText(text)) return false;
  const rest = text
    .replace(DATE_WORDS, ' ')
    .replace(/[\d:.,/|·•–—-]+/g, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}{2,}/u.test(w));
  // What is left should be at most a month name, a weekday and a label or two.
  return rest.length <= DATE_LINE_MAX_OTHER_WORDS;
}

/**
 * The longest line that can be `byline` with a by-word and punctuation: normalising only removes characters (or
 * turns a ligature into two letters), so a much longer line never matches.
 */
function bylineLineMaxChars(byline: string | null): number {
  return byline ? byline.length * 4 + 40 : 0;
}

function isBylineLine(text: string, byline: string | null): boolean {
  if (!byline || text.length > bylineLineMaxChars(byline)) return false;
  const t = norm(text).replace(/^(?:by|von|par|por|di|door)\s+/, '');
  return t === norm(byline);
}

export function removeHeaderLines(content: Element, byline: string | null): number {
  let removed = 0;
  const walk = Array.from(content.querySelectorAll('*'));
  // Past this length a text is neither a byline nor a date line, only (perhaps) where the story starts: the
  // wrappers above the first paragraph hold the whole story, and their text is not collapsed in full.
  const limit = Math.max(STORY_START_CHARS, DATE_LINE_MAX_CHARS, bylineLineMaxChars(byline));
  for (const el of walk) {
    if (!content.contains(el)) continue; // removed with an earlier line (the body is detached: no isConnected)
    const text = shortTextOf(el, limit);
    if (startsStory(el, text === null ? limit + 1 : text.length)) break;
    if (text === null || !BLOCKS.has(el.localName) || text.length === 0 || el.querySelector('img, picture, video, figure, table')) continue;
    if (isBylineLine(text, byline) || isDateLine(text)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}
