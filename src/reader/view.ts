/**
 * The reader view: an overlay in the same tab, in an open shadow root on a host appended to <html>.
 * It scrolls itself (the page's scroll position is never touched), styles itself through adopted
 * stylesheets, and inserts the article body only through sanitizeToFragment (src/core/sanitize.ts).
 * Destroying it removes the host and gives focus back where it was: the page is as it was before.
 */
import type { ArticleResult, MetadataSource } from '../core/index.js';
import { prepareFragmentSanitizer, sanitizeToFragment } from '../core/sanitize.js';
import { browser, t } from '../shared/browser.js';
import { formatPublished, formatReadingTime } from '../shared/format.js';
import type { Appearance } from '../shared/settings.js';
import { afterNextFrame, closeIcon, el } from './dom.js';
import { FEATURE_CSS } from './feature-styles.js';
import { FEATURES, type ReaderContext, type ReaderFeature } from './features.js';
import { appearanceCss, READER_CSS } from './styles.js';

/** The host element, as the e2e tests and the page see it: `clearpage-reader#clearpage-reader-host`. */
export const HOST_TAG = 'clearpage-reader';
export const HOST_ID = 'clearpage-reader-host';

export interface ReaderContent {
  article: ArticleResult;
  /** The page address: the site link and "View original" point here. */
  url: string;
}

export interface ReaderOptions {
  appearance: Appearance;
  /** Aborted when the reader session ends: every listener the view adds hangs on it. */
  signal: AbortSignal;
  /** The user asked to close (button or Esc). */
  onRequestClose: () => void;
}

export interface ReaderView {
  readonly host: HTMLElement;
  /** Re-renders the header and body (settings changed), keeping the reading position. */
  update(content: ReaderContent): void;
  setAppearance(appearance: Appearance): void;
  /** Removes the overlay and moves focus back to where it was before opening. */
  destroy(): void;
}

/** A pair of stylesheets (fixed + appearance) on a shadow root, with a <style> fallback. */
interface Styles {
  setAppearance(css: string): void;
}

/**
 * Constructable stylesheets are immune to the page's CSP. Where they cannot be adopted (Firefox content
 * scripts have had Xray trouble with `adoptedStyleSheets`; jsdom lacks them) we fall back to <style>
 * elements inside the shadow root.
 */
function attachStyles(root: ShadowRoot, doc: Document, appearance: string): Styles {
  const win = doc.defaultView;
  try {
    const base = readerSheet(win);
    if (!win || !base) throw new Error('no constructable stylesheets');
    const vars = new win.CSSStyleSheet();
    vars.replaceSync(appearance);
    root.adoptedStyleSheets = [base, vars];
    if (root.adoptedStyleSheets.length !== 2) throw new Error('adoptedStyleSheets not applied');
    return { setAppearance: (css) => vars.replaceSync(css) };
  } catch {
    const base = el(doc, 'style', {}, [READER_CSS + FEATURE_CSS]);
    const vars = el(doc, 'style', {}, [appearance]);
    root.prepend(base, vars);
    return { setAppearance: (css) => { vars.textContent = css; } };
  }
}

/** The reader's fixed stylesheet per window: parsed once, adopted by every reader session in that page. */
const readerSheets = new WeakMap<object, CSSStyleSheet>();

function readerSheet(win: Document['defaultView']): CSSStyleSheet | null {
  if (!win || typeof win.CSSStyleSheet !== 'function') return null;
  let sheet = readerSheets.get(win);
  if (!sheet) {
    sheet = new win.CSSStyleSheet();
    sheet.replaceSync(READER_CSS + FEATURE_CSS);
    readerSheets.set(win, sheet);
  }
  return sheet;
}

/**
 * Does ahead of time what the first open of a reader in `doc` would otherwise do at the click: parse the reader's
 * stylesheet, build the sanitizer, ask the browser's language. Reads nothing from the page and changes nothing on it.
 */
export function prepareReaderView(doc: Document): void {
  try {
    readerSheet(doc.defaultView);
  } catch {
    // No constructable stylesheets here: attachStyles falls back to <style> elements when the reader opens.
  }
  prepareFragmentSanitizer(doc);
  browserLanguage();
}

/** The focused element, looking through open shadow roots (a page's own web components). */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function isFocusable(node: Element | null): node is HTMLElement | SVGElement {
  return !!node && typeof (node as HTMLElement).focus === 'function';
}

function buildHeader(doc: Document, { article, url }: ReaderContent): HTMLElement {
  const site = article.siteName?.trim() || hostnameOf(url);
  const meta = el(doc, 'p', { class: 'cp-meta' });
  if (article.byline) meta.append(el(doc, 'span', { class: 'cp-byline', 'data-cp': 'byline' }, [article.byline]));
  const date = article.published ? formatPublished(article.published) : null;
  if (date) {
    const from = sourcePhrase(article.sources.published);
    const title = from ? `${date.title}\n${t('datePublishedFrom', from)}` : date.title;
    meta.append(el(doc, 'time', { 'data-cp': 'published', datetime: date.datetime, title }, [date.text]));
  }
  // The update, when the page gives one on another day than the publication (same-day edits are noise).
  const modified = article.modified ? formatPublished(article.modified) : null;
  if (modified && (!date || dayOf(modified.datetime) !== dayOf(date.datetime))) {
    const from = sourcePhrase(article.sources.modified);
    const title = from ? `${modified.title}\n${t('dateUpdatedFrom', from)}` : modified.title;
    meta.append(el(doc, 'span', { class: 'cp-updated' }, [
      `${t('dateUpdated')} `,
      el(doc, 'time', { 'data-cp': 'modified', datetime: modified.datetime, title }, [modified.text]),
    ]));
  }
  meta.append(el(doc, 'span', { 'data-cp': 'reading-time' }, [formatReadingTime(article.readingMinutes)]));
  return el(doc, 'header', { class: 'cp-header' }, [
    el(doc, 'a', { class: 'cp-site', 'data-cp': 'site', 'data-original': '', href: url }, [site]),
    el(doc, 'h1', { class: 'cp-title', id: 'cp-title', 'data-cp': 'title' }, [article.title || doc.title]),
    meta,
  ]);
}

/** The calendar day of an extracted ISO date as written by the publisher ("2018-05-15T09:19+10:00" -> "2018-05-15"). */
function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** Where a date came from, in words for the tooltip ("from the page's meta tags"). */
function sourcePhrase(source: MetadataSource | undefined): string | null {
  switch (source) {
    case 'json-ld': return t('dateSourceJsonLd');
    case 'microdata': return t('dateSourceMicrodata');
    case 'meta': return t('dateSourceMeta');
    case 'time-element': return t('dateSourceTimeElement');
    case 'page-text': return t('dateSourcePageText');
    case 'url': return t('dateSourceUrl');
    case 'readability': return t('dateSourceReadability');
    default: return null;
  }
}

function buildBody(doc: Document, { article }: ReaderContent): HTMLElement {
  const body = el(doc, 'div', { class: 'cp-content', 'data-cp': 'content' });
  if (!article.contentHtml.trim()) {
    body.append(el(doc, 'p', { class: 'cp-empty' }, [t('readerEmpty')]));
    return body;
  }
  body.append(sanitizeToFragment(article.contentHtml, doc));
  // Wide tables scroll sideways inside a wrapper instead of widening the column.
  for (const table of Array.from(body.querySelectorAll('table'))) {
    if (table.parentElement?.closest('table')) continue;
    const wrap = el(doc, 'div', { class: 'cp-table-wrap' });
    table.replaceWith(wrap);
    wrap.append(table);
  }
  for (const img of Array.from(body.querySelectorAll('img'))) img.setAttribute('decoding', 'async');
  // Embedded players never run in the reader: the core left a link to each video, labelled here.
  for (const link of Array.from(body.querySelectorAll('a[data-cp-embed="video"]'))) {
    link.textContent = t('readerVideo', hostnameOf(link.getAttribute('href') ?? ''));
    link.classList.add('cp-embed');
  }
  return body;
}

/** The browser's UI language ("en", "de-AT"), or undefined where the i18n API does not say; asked once. */
let uiLanguage: { value: string | undefined } | null = null;

function browserLanguage(): string | undefined {
  if (!uiLanguage) {
    try {
      uiLanguage = { value: browser.i18n.getUILanguage() || undefined };
    } catch {
      uiLanguage = { value: undefined };
    }
  }
  return uiLanguage.value;
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** How long the reader may wait for an idle moment before laying out the blocks below the fold anyway. */
const SETTLE_TIMEOUT_MS = 500;
const SETTLING_CLASS = 'cp-settling';

/**
 * The first frame lays out and paints only what is on screen (styles.ts, `.cp-settling`): on a long article that
 * is most of the time between the click and the reader being drawn. Once the browser is idle after that frame the
 * class goes and the rest is laid out, before the user can have read to it; from then on the reader's layout, its
 * scroll height and every position the features read are exact.
 */
function settleAfterFirstFrame(win: Document['defaultView'], article: HTMLElement, signal: AbortSignal): void {
  article.classList.add(SETTLING_CLASS);
  const settle = (): void => article.classList.remove(SETTLING_CLASS);
  if (win && typeof win.requestIdleCallback === 'function' && typeof win.requestAnimationFrame === 'function') {
    // Asked for from the first frame's animation callback: an idle period that began before that frame must not
    // settle the reader before it is drawn. Closing cancels both, so neither keeps the closed reader alive.
    let idle: number | undefined;
    const frame = win.requestAnimationFrame(() => {
      idle = win.requestIdleCallback(settle, { timeout: SETTLE_TIMEOUT_MS });
    });
    signal.addEventListener('abort', () => {
      win.cancelAnimationFrame(frame);
      if (idle !== undefined) win.cancelIdleCallback(idle);
    }, { once: true });
  } else {
    const id = setTimeout(settle, 0);
    signal.addEventListener('abort', () => clearTimeout(id), { once: true });
  }
}

function focusables(root: ShadowRoot): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"]), summary, video[controls], audio[controls]'));
}

export function openReaderView(doc: Document, content: ReaderContent, options: ReaderOptions): ReaderView {
  const { signal } = options;
  const previousFocus = deepActiveElement(doc);

  // A host left behind by an earlier instance of the content script (extension reloaded) goes first.
  const stale = doc.getElementById(HOST_ID);
  if (stale?.localName === HOST_TAG) stale.remove();

  const host = doc.createElement(HOST_TAG);
  host.id = HOST_ID;
  host.setAttribute('data-theme', options.appearance.theme);
  const root = host.attachShadow({ mode: 'open' });
  const styles = attachStyles(root, doc, appearanceCss(options.appearance));

  const closeButton = el(doc, 'button', {
    type: 'button', class: 'cp-close', 'data-cp': 'close',
    'aria-label': t('readerClose'), title: t('readerCloseTitle'),
  }, [closeIcon(doc)]);
  closeButton.addEventListener('click', () => options.onRequestClose(), { signal });

  const article = el(doc, 'article', { class: 'cp-article' });
  const tools = el(doc, 'div', { class: 'cp-tools', role: 'group', 'aria-label': t('readerToolbar') });
  // The reader's own controls speak the browser's language; the article (below) speaks the page's.
  const uiLanguage = browserLanguage();
  const page = el(doc, 'div', {
    class: 'cp-page', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'cp-title', tabindex: '-1', lang: uiLanguage,
  }, [el(doc, 'div', { class: 'cp-bar' }, [tools, closeButton]), article]);
  root.append(page);

  let appearance = options.appearance;
  const context: ReaderContext = {
    doc, host, root, page, tools, article, signal,
    appearance: () => appearance,
    requestClose: () => options.onRequestClose(),
  };
  const features: ReaderFeature[] = FEATURES.map((mount) => mount(context));

  const render = (next: ReaderContent): void => {
    article.replaceChildren(
      buildHeader(doc, next),
      buildBody(doc, next),
      el(doc, 'footer', { class: 'cp-footer' }, [
        el(doc, 'a', { href: next.url, 'data-original': '' }, [t('readerViewOriginal')]),
      ]),
    );
    if (next.article.lang) article.setAttribute('lang', next.article.lang);
    else article.removeAttribute('lang');
    if (next.article.dir) article.setAttribute('dir', next.article.dir);
    else article.removeAttribute('dir');
    for (const feature of features) feature.render?.(next);
  };
  render(content);
  settleAfterFirstFrame(doc.defaultView, article, signal);

  // The site name and "View original" lead back to this very page: a plain click closes the reader
  // instead of reloading it; modified clicks (new tab, new window) keep their usual meaning.
  root.addEventListener('click', (e) => {
    // ShadowRoot's addEventListener is typed with plain Event; a click is a MouseEvent.
    const event = e as MouseEvent;
    // Links within the article (footnotes and their back links) move within the reader, not the page.
    const note = event.target instanceof Element ? event.target.closest('a[href^="#cp-note-"]') : null;
    if (note && event.button === 0) {
      const target = root.getElementById(note.getAttribute('href')?.slice(1) ?? '');
      if (target instanceof HTMLElement) {
        event.preventDefault();
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.scrollIntoView({ block: 'start' });
        target.focus({ preventScroll: true });
      }
      return;
    }
    const link = event.target instanceof Element ? event.target.closest('a[data-original]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    options.onRequestClose();
  }, { signal });

  // Images that fail to load (offline, blocked, hotlink-protected) disappear instead of showing a broken icon.
  root.addEventListener('error', (event) => {
    const target = event.target;
    if (target instanceof Element && target.localName === 'img') {
      const figure = target.closest('figure');
      if (figure && !figure.querySelector('figcaption')) figure.setAttribute('hidden', '');
      else target.setAttribute('hidden', '');
    }
  }, { capture: true, signal });

  // Esc closes, wherever focus is. Capture on window so it works before the page's own handlers see it.
  doc.defaultView?.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.isComposing && !event.defaultPrevented) {
      event.preventDefault();
      event.stopImmediatePropagation();
      options.onRequestClose();
    }
  }, { capture: true, signal });

  root.addEventListener('keydown', (e) => {
    const event = e as KeyboardEvent;
    // Keep Tab inside the reader (it is modal: the page behind it is covered).
    if (event.key === 'Tab') {
      const items = focusables(root);
      const first = items[0];
      const last = items[items.length - 1];
      const active = root.activeElement;
      if (first && last) {
        if (event.shiftKey && (active === first || active === page)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && active === last) {
          event.preventDefault();
          first.focus();
        }
      }
    }
  }, { signal });
  // The page's own keyboard shortcuts must not act on a page the user cannot see.
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    root.addEventListener(type, (event) => event.stopPropagation(), { signal });
  }

  doc.documentElement.append(host);
  // Focus moves in once the first frame is drawn: focusing needs an up-to-date layout, and asking for one now
  // would lay the reader out twice before it is shown (the first frame settles what is on screen, see above).
  afterNextFrame(doc.defaultView, () => {
    if (host.isConnected) page.focus({ preventScroll: true });
  }, signal);

  return {
    host,
    update(next) {
      const top = host.scrollTop;
      render(next);
      host.scrollTop = top;
    },
    setAppearance(next) {
      appearance = next;
      host.setAttribute('data-theme', next.theme);
      styles.setAppearance(appearanceCss(next));
      for (const feature of features) feature.appearanceChanged?.(next);
    },
    destroy() {
      for (const feature of features) feature.destroy?.();
      host.remove();
      // With focus gone from the removed overlay the document falls back to <body>, as when nothing had focus.
      if (isFocusable(previousFocus) && previousFocus.isConnected && previousFocus !== doc.body) {
        previousFocus.focus({ preventScroll: true });
      }
    },
  };
}
