/**
 * Leftovers inside the extracted body: ad labels whose slot Readability already emptied ("Advertisement"
 * alone on a line), and blocks that became empty. Runs on Readability's output only.
 */
import { AD_LABEL } from '../constants.js';
import { textOf } from '../dom.js';

/** Raw text (before white space is collapsed) longer than this is no lone label. */
const LABEL_MAX_RAW_CHARS = 400;

export function removeLeftoverLabels(content: Element): number {
  let removed = 0;
  for (const el of Array.from(content.querySelectorAll('p, div, span, small, aside, section'))) {
    // Cheapest tests first: a label is one short line (raw text may carry white space, hence the margin).
    if (el.childElementCount > 1 || (el.textContent ?? '').length > LABEL_MAX_RAW_CHARS) continue;
    if (el.querySelector('img, picture, video, iframe, table')) continue;
    const text = textOf(el);
    if (text.length > 0 && text.length <= 32 && AD_LABEL.test(text)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}
