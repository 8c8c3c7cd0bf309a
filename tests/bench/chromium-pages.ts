/**
 * Corpus pages in real headless Chromium, for the bench sections that time code inside pages (auto mode, speed):
 * each page is served at one address on 127.0.0.1 with its own scripts removed (they would rewrite the DOM, or
 * fail without their network; JSON-LD stays), every other request is aborted, and a bundled script is evaluated
 * in it. Debian's /usr/bin/chromium, or E2E_CHROMIUM.
 */
import { existsSync } from 'node:fs';
import type { Page } from './corpus.js';

/** The address to judge a page by: corpus pages saved without one get a neutral article address. */
const UNKNOWN_ADDRESS = 'http://localhost/article';

export function addressOf(page: Page): string {
  return /^https?:\/\/localhost\/?$/.test(page.url) ? UNKNOWN_ADDRESS : page.url;
}

/** How long to wait for a page's load event after its DOM is ready. */
const LOAD_WAIT_MS = 2_000;

const PAGE_SCRIPTS = /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/gi;

export interface InPagesOptions {
  viewport?: { width: number; height: number };
  /** Called after each page, done or failed. */
  progress?: (index: number, page: Page) => void;
}

/**
 * Evaluates `script(index, page)` in each page and returns the results in page order, with the pages it failed
 * on; null when Chromium is not installed (the caller says what it skips).
 */
export async function evaluateInPages<T>(
  pages: readonly Page[],
  script: (index: number, page: Page) => string,
  options: InPagesOptions = {},
): Promise<{ results: Array<{ page: Page; value: T }>; failed: string[] } | null> {
  const executablePath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
  const results: Array<{ page: Page; value: T }> = [];
  const failed: string[] = [];
  try {
    const context = await browser.newContext({ javaScriptEnabled: true, ...(options.viewport ? { viewport: options.viewport } : {}) });
    let current = '';
    await context.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url().startsWith('http://127.0.0.1:9/bench/')) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current });
      }
      return route.abort('blockedbyclient');
    });
    const tab = await context.newPage();
    for (const [i, page] of pages.entries()) {
      current = page.load().replace(PAGE_SCRIPTS, '');
      try {
        await tab.goto(`http://127.0.0.1:9/bench/${i}`, { waitUntil: 'domcontentloaded', timeout: 15_000 });
        // Then the load event, where document_idle content scripts meet the page. Every subresource is refused, so
        // it comes at once, but a page that never fires it (a frame that never ends) is measured as it is.
        await tab.waitForLoadState('load', { timeout: LOAD_WAIT_MS }).catch(() => undefined);
        results.push({ page, value: (await tab.evaluate(script(i, page))) as T });
      } catch (error) {
        failed.push(`${page.dataset}/${page.id}: ${(error as Error).message.split('\n')[0]}`);
      }
      options.progress?.(i, page);
    }
  } finally {
    await browser.close();
  }
  return { results, failed };
}
