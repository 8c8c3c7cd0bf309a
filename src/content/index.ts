/**
 * Content script entry (built as the classic script `content.js`), injected on demand by the popup and
 * the background with `scripting.executeScript`. Nothing runs on a page until the user asks.
 *
 * Injection is idempotent: the popup injects before every message, and a second run must not add a second
 * message listener. The guard is a symbol-keyed global of the content script's isolated world, which the
 * page's own scripts cannot see.
 */
import { startContentScript } from './controller.js';

const INSTALLED = Symbol.for('clearpage.content-script');
const world = globalThis as typeof globalThis & { [INSTALLED]?: true };

if (!world[INSTALLED]) {
  world[INSTALLED] = true;
  startContentScript(document);
}
