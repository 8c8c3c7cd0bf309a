import type { Page } from 'playwright-core';
import { callExpression, DEFAULT_WAIT_MS, type Surface } from './surface.js';

/** A Playwright page (Chromium) as a Surface. Playwright's CSS engine pierces open shadow roots. */
export function playwrightSurface(page: Page, name: string): Surface {
  return {
    name,
    // Sent as source text (see callExpression) so it also works where the runner injects esbuild's __name helper.
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate<R>(callExpression(fn, arg)),
    async waitFor(fn, arg, what, timeoutMs = DEFAULT_WAIT_MS) {
      try {
        await page.waitForFunction(callExpression(fn, arg), undefined, { timeout: timeoutMs });
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
