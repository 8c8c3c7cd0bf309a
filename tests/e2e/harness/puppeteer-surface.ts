import type { Page } from 'puppeteer-core';
import { DEFAULT_WAIT_MS, type Surface } from './surface.js';

/** How often `waitFor` re-checks its condition. */
const POLL_MS = 50;

/**
 * A Puppeteer page (Firefox over WebDriver BiDi) as a Surface. `>>>` is Puppeteer's shadow-piercing combinator.
 *
 * `waitFor` polls the condition with `page.evaluate` from Node instead of `page.waitForFunction`: under load,
 * waitForFunction racing a moz-extension:// navigation fails with a BiDi protocol error ("right-hand side of 'in'
 * should be an object, got null") and the navigation is then lost, leaving the tab on about:blank (seen about once in
 * 15 navigations with the CPU busy; 0 in 30 with plain evaluate polling). A call that fails while the document is
 * being replaced is simply asked again.
 */
export function puppeteerSurface(page: Page, name: string): Surface {
  return {
    name,
    // Puppeteer types its arguments through a variadic tuple; ours is one JSON value, so cast once here.
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => Promise<R>, arg as unknown) as Promise<R>,
    async waitFor(fn, arg, what, timeoutMs = DEFAULT_WAIT_MS) {
      const deadline = Date.now() + timeoutMs;
      let lastError: unknown;
      for (;;) {
        try {
          if (await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) return;
        } catch (err) {
          lastError = err; // the document is being replaced: ask the new one next time
        }
        if (Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
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
