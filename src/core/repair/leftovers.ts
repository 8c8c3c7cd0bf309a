/**
 * Leftovers inside the extracted body: ad labels whose slot Readability already emptied ("Advertisement"
 * alone on a line), and blocks that became empty. Runs on Readability's output only.
 */
import { AD_LABEL } from '../constants.js';
import { textOf } from '../dom.js';

export function removeLeftoverLabels(content: Element): number {
  let removed = 0;
  for (const el of Array.from(content.querySelectorAll('p, div, span, small, aside, section'))) {
    if (el.childElementCount > 1 || el.querySelector('img, picture, video, iframe, table')) continue;
    const text = textOf(el);
    if (text.length > 0 && text.length <= 32 && AD_LABEL.test(text)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}
