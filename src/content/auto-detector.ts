/**
 * The auto-mode detector (built as the classic script `detector.js`). The background registers it with
 * `scripting.registerContentScripts` only while auto mode is on (or a site is set to "always"), so it is the
 * one piece of Clearpage that runs on pages without being asked. It is kept tiny: the page verdict (core
 * detect + auto-verdict) and one message. It decides nothing itself and holds no settings: it tells the
 * background what it sees and how the user got here, and the background, which knows the mode, the site rules and
 * where the user closed the reader, injects the reader bundle only when it opens.
 *
 * Single-page sites change the address through the History API, which an isolated world cannot hook: the
 * detector looks again when the address has changed after a `popstate`, a click, or a title change (SPAs set a
 * new title per view), or, where the browser has it, on the Navigation API's `navigatesuccess`.
 */
import { autoVerdict } from '../core/auto-verdict.js';
import { sendToBackground } from '../shared/messages.js';
import type { NavigationKind } from '../shared/site-rules.js';

const INSTALLED = Symbol.for('clearpage.auto-detector');
/** After the address changes, wait for the new view's content to render before judging it. */
const SETTLE_MS = 400;
/** A click may start a client-side navigation that changes the address a little later. */
const CLICK_NAVIGATION_MS = 1000;

function firstNavigationKind(): NavigationKind {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const kind = entry?.type;
  return kind === 'reload' || kind === 'back_forward' || kind === 'prerender' ? kind : 'navigate';
}

function check(navigation: NavigationKind): void {
  const url = location.href;
  const { isArticle, isNewsArticle } = autoVerdict(document, url);
  void sendToBackground({ type: 'auto-check', url, navigation, isArticle, isNewsArticle });
}

function watchAddress(onChange: (navigation: NavigationKind) => void): void {
  let last = location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** How the pending address change happened: the popstate of a traversal makes it back/forward. */
  let pending: NavigationKind = 'history';
  const look = (kind: NavigationKind): void => {
    if (location.href === last) {
      // A page's own popstate handler (or the Navigation API) can show the new view, and so trigger a look, before
      // our popstate listener runs: the change it found is still a traversal.
      if (kind === 'back_forward' && timer !== undefined) pending = kind;
      return;
    }
    last = location.href;
    pending = kind;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange(pending);
    }, SETTLE_MS);
  };
  const lookAfterPush = (): void => look('history');
  // Capture: at the window (the target) capturing listeners run before the page's own popstate handlers.
  addEventListener('popstate', () => look('back_forward'), { capture: true });
  addEventListener('click', () => {
    setTimeout(lookAfterPush, 0);
    setTimeout(lookAfterPush, CLICK_NAVIGATION_MS);
  }, { capture: true, passive: true });
  const title = document.querySelector('head > title');
  if (title) new MutationObserver(lookAfterPush).observe(title, { childList: true, characterData: true, subtree: true });
  // Chromium's Navigation API reports every same-document navigation, pushState included.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', lookAfterPush);
}

const world = globalThis as typeof globalThis & { [INSTALLED]?: true };
if (!world[INSTALLED] && window === window.top) {
  world[INSTALLED] = true;
  check(firstNavigationKind());
  watchAddress(check);
}
