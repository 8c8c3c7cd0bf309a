/**
 * What the reader's first render would otherwise pay for at the click, paid earlier: the extension's message
 * catalogue and the browser's locale data for numbers and dates both load on first use, and together cost tens
 * of milliseconds in a page's content script. The content script calls this while the popup shows its card, so
 * "Open reader view" has less to do. It reads nothing from the page and changes nothing on it.
 */
import { t } from '../shared/browser.js';
import { formatPublished } from '../shared/format.js';
import { formatLineHeight } from './appearance-menu.js';

let warmed = false;

export function prewarmReader(): void {
  if (warmed) return;
  warmed = true;
  t('readerClose');
  formatLineHeight(1.5);
  formatPublished('2000-01-01T00:00:00Z');
}
