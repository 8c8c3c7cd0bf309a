// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://news.example/spa/ferry-timetable"}
/**
 * The auto-mode detector on a single-page news site: what it reports to the background when the site moves to
 * another article with history.pushState, and when the user goes back. A single-page site's own popstate handler
 * shows the previous view (and sets its title) as soon as the address changes; going back must still be reported
 * as back/forward, and the next link after it as a plain navigation.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FakeBrowser } from './fake-browser.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const FIRST = 'https://news.example/spa/ferry-timetable';
const SECOND = 'https://news.example/spa/library-reopens';

function paragraphs(topic: string): string {
  return Array.from(
    { length: 10 },
    (_, i) =>
      `<p>Paragraph ${i + 1} about the ${topic}: residents, councillors and shop owners spoke about what the change ` +
      `means for the town this summer, and the operator explained its plans for the months ahead in some detail.</p>`,
  ).join('');
}

function view(title: string, topic: string): string {
  return (
    `<h1>${title}</h1><p class="byline">By Ellen Marsh · <time datetime="2022-05-09T06:45:00+01:00">9 May 2022</time></p>` +
    paragraphs(topic)
  );
}

const VIEWS: Record<string, { title: string; html: string }> = {
  [FIRST]: { title: 'Ferry returns to an hourly timetable', html: view('Ferry returns to an hourly timetable', 'ferry') },
  [SECOND]: { title: 'Town library reopens', html: view('Town library reopens', 'library') },
};

/** The site's router: renders the view for the current address (title included), as client-side routers do. */
function render(): void {
  const current = VIEWS[location.href];
  if (!current) throw new Error(`no view for ${location.href}`);
  document.title = current.title;
  const article = document.querySelector('article');
  if (article) article.innerHTML = current.html;
}

/** A link inside the site: new address, then the new view. */
function follow(url: string): void {
  history.pushState({}, '', url);
  render();
}

type AutoCheck = { type: 'auto-check'; url: string; navigation: string; isArticle: boolean; isNewsArticle: boolean };
/** The fake `browser` the detector under test got (the mocked polyfill; see `start`). */
let fake: FakeBrowser | undefined;
const checks = (): AutoCheck[] =>
  (fake?.runtime.sent ?? []).filter((m): m is AutoCheck => (m as AutoCheck).type === 'auto-check');

async function settle(): Promise<void> {
  // SETTLE_MS (400) in the detector, then the verdict and the message.
  await vi.advanceTimersByTimeAsync(1200);
}

beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState({}, '', FIRST);
  document.head.innerHTML =
    '<title>x</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>';
  document.body.innerHTML = '<main><article></article></main>';
  render();
});

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { navigation?: EventTarget }).navigation;
});

// One test, one detector: the detector cannot be taken out of a page again, and a second instance in the same
// window would answer for the first.
describe('auto-mode detector on a single-page site', () => {
  it('reports a link as a navigation and Back as back/forward, whoever handles popstate first', async () => {
    // The page's router, added before the detector runs (the page's scripts come first) and capturing, so it runs
    // before the detector's popstate listener. In a browser its title change makes the detector look at once (a
    // microtask runs between two listeners); jsdom runs no microtask there, so a Navigation API stand-in reports
    // the change synchronously instead, as Chromium's `navigatesuccess` could.
    const navigation = new EventTarget();
    (globalThis as { navigation?: EventTarget }).navigation = navigation;
    addEventListener('popstate', () => {
      render();
      navigation.dispatchEvent(new Event('navigatesuccess'));
    }, { capture: true });
    vi.resetModules();
    // The mocked polyfill as the detector sees it.
    fake = (await import('webextension-polyfill')).default as unknown as FakeBrowser;
    fake.runtime.sent.length = 0;
    await import('../../src/content/auto-detector.js');
    await settle();
    expect(checks().map((c) => [c.url, c.navigation, c.isNewsArticle])).toEqual([[FIRST, 'navigate', true]]);

    // A popstate that does not change the address (state-only entries) leaves nothing behind.
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    await settle();
    expect(checks()).toHaveLength(1);

    follow(SECOND);
    await settle();
    expect(checks().at(-1), 'a link to the next article').toMatchObject({ url: SECOND, navigation: 'history', isNewsArticle: true });

    history.back();
    await settle();
    expect(location.href).toBe(FIRST);
    expect(document.title, 'the site rendered the first view on popstate').toBe(VIEWS[FIRST]?.title);
    expect(checks().at(-1), 'Back inside the site').toMatchObject({ url: FIRST, navigation: 'back_forward' });

    follow(SECOND);
    await settle();
    expect(checks().at(-1), 'the link again, after Back').toMatchObject({ url: SECOND, navigation: 'history' });

    history.back();
    await settle();
    history.forward();
    await settle();
    expect(checks().slice(-2).map((c) => [c.url, c.navigation]), 'Back, then Forward').toEqual([
      [FIRST, 'back_forward'],
      [SECOND, 'back_forward'],
    ]);
    expect(checks(), 'one report per address change').toHaveLength(6);
  });
});
