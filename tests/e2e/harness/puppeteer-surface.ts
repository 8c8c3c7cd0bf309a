import type { Page } from 'puppeteer-core';
import { DEFAULT_WAIT_MS, type Surface } from './surface.js';

/**
 * A Puppeteer page (Firefox over WebDriver BiDi) as a Surface. `>>>` is Puppeteer's shadow-piercing combinator.
 *
 * Firefox's BiDi realm can answer a script call with a transient protocol error while a document is being replaced
 * (for example "right-hand side of 'in' should be an object" right after a moz-extension:// navigation), so
 * `waitFor` retries until its deadline and reports the last error.
 */
export function puppeteerSurface(page: Page, name: string): Surface {
  return {
    name,
    // Puppeteer's evaluate types its arguments through a variadic tuple; ours is one JSON value, so cast once here.
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown) as Promise<R>,
    async waitFor(fn, arg, what, timeoutMs = DEFAULT_WAIT_MS) {
      const deadline = Date.now() + timeoutMs;
      let lastError: unknown;
      while (Date.now() < deadline) {
        try {
          // Interval polling, not requestAnimationFrame: rAF stalls in a background tab.
          await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: deadline - Date.now(), polling: 50 }, arg);
          return;
        } catch (err) {
          lastError = err;
          if (err instanceof Error && err.name === 'TimeoutError') break;
        }
      }
      throw new Error(`${name}: timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
    },
    async click(selector, shadowHost) {
      const full = shadowHost ? `${shadowHost} >>> ${selector}` : selector;
      const handle = await page.waitForSelector(full, { visible: true, timeout: DEFAULT_WAIT_MS });
      if (!handle) throw new Error(`${name}: ${full} not found`);
      try {
        await handle.click();
      } finally {
        await handle.dispose().catch(() => undefined);
      }
    },
    press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
  };
}
