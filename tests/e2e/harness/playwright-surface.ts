import type { Page } from 'playwright-core';
import { DEFAULT_WAIT_MS, type Surface } from './surface.js';

/** A Playwright page (Chromium) as a Surface. Playwright's CSS engine pierces open shadow roots. */
export function playwrightSurface(page: Page, name: string): Surface {
  return {
    name,
    // Functions, not source text: Playwright runs a string predicate through eval() in the page, which the extension
    // pages' CSP (script-src 'self') refuses. Playwright types the argument as Unboxed<A> (it unwraps JSHandles); our
    // arguments are plain JSON, where the two agree.
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
    async waitFor(fn, arg, what, timeoutMs = DEFAULT_WAIT_MS) {
      try {
        await page.waitForFunction(fn as (arg: unknown) => unknown, arg as unknown, { timeout: timeoutMs });
      } catch (err) {
        throw new Error(`${name}: timed out after ${timeoutMs} ms waiting for ${what}`, { cause: err });
      }
    },
    async click(selector, shadowHost) {
      const locator = shadowHost ? page.locator(shadowHost).locator(selector) : page.locator(selector);
      await locator.click({ timeout: DEFAULT_WAIT_MS });
    },
    press: (key) => page.keyboard.press(key),
  };
}
