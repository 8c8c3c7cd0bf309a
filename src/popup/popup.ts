/**
 * The toolbar popup. It finds its tab, checks that the page can be scripted, injects the reader bundle,
 * asks it to analyse the page and shows a card, with the auto reader mode rule for the page's site
 * (site-rule.ts) when the page is a web page. Its state is on `<body data-state>`:
 * loading | article | not-article | unsupported | error (the e2e tests read it). A page too large to extract
 * within the budget (core/budget.ts) is 'unsupported', with its own message.
 */
import { hasAllSites } from '../shared/auto-access.js';
import {
  browser, canScriptUrl, explainInjectionError, getActiveTab, getTab, injectContentScript, t,
} from '../shared/browser.js';
import { formatPublished, formatReadingTime, summarizeRemoved } from '../shared/format.js';
import { commandShortcut, localizePage } from '../shared/i18n.js';
import { sendToContent, type ArticleSummary } from '../shared/messages.js';
import { loadSettings } from '../shared/settings.js';
import { mountSiteRuleControl, webHost } from './site-rule.js';

type PopupState = 'loading' | 'article' | 'not-article' | 'unsupported' | 'error';

interface TargetTab {
  id: number;
  /** Known after a toolbar click (activeTab); unknown when the popup is opened as a page with ?tabId=N. */
  url: string | undefined;
}

function $<T extends HTMLElement = HTMLElement>(selector: string): T {
  const node = document.querySelector<T>(selector);
  if (!node) throw new Error(`popup.html lacks ${selector}`);
  return node;
}

const ui = {
  status: $('[data-cp="status"]'),
  card: $('#card'),
  site: $('[data-cp="site"]'),
  title: $('[data-cp="title"]'),
  meta: $('#meta'),
  byline: $('[data-cp="byline"]'),
  published: $<HTMLTimeElement>('time[data-cp="published"]'),
  readingTime: $('[data-cp="reading-time"]'),
  removedLine: $('#removed-line'),
  removed: $('[data-cp="removed"]'),
  openReader: $<HTMLButtonElement>('#open-reader'),
  tryAnyway: $<HTMLButtonElement>('#try-anyway'),
  siteRule: $('#site-rule'),
  shortcut: $('#shortcut'),
  openOptions: $<HTMLButtonElement>('#open-options'),
};

function setState(state: PopupState, status = ''): void {
  document.body.dataset.state = state;
  ui.status.textContent = status;
  ui.status.hidden = status === '';
  ui.card.hidden = state !== 'article' && state !== 'not-article';
  ui.openReader.hidden = state !== 'article';
  ui.tryAnyway.hidden = state !== 'not-article';
  if (ui.card.hidden) ui.siteRule.hidden = true;
}

/** `?tabId=N` when the popup is opened as a page (tests), else the active tab of this window. */
async function findTab(): Promise<TargetTab | null> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d+$/.test(param)) {
    const id = Number(param);
    return { id, url: (await getTab(id))?.url };
  }
  const tab = await getActiveTab();
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

/** Chrome has a per-extension switch for file:// pages; Firefox answers through the injection itself. */
async function fileAccess(url: string): Promise<boolean | undefined> {
  if (!url.startsWith('file:') || !browser.runtime.getURL('').startsWith('chrome-extension:')) return undefined;
  try {
    return await browser.extension.isAllowedFileSchemeAccess();
  } catch {
    return undefined;
  }
}

function setText(node: HTMLElement, text: string | null | undefined): void {
  node.textContent = text ?? '';
  node.hidden = !text;
}

function fillCard(article: ArticleSummary, url: string | undefined): void {
  let host: string | undefined;
  try {
    host = url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
  } catch {
    host = undefined;
  }
  setText(ui.site, article.siteName?.trim() || host);
  setText(ui.title, article.title);
  const full = article.isArticle;
  setText(ui.byline, full ? article.byline : null);
  const date = full && article.published ? formatPublished(article.published) : null;
  if (date) {
    ui.published.dateTime = date.datetime;
    ui.published.title = date.title;
  }
  setText(ui.published, date?.text);
  setText(ui.readingTime, full ? formatReadingTime(article.readingMinutes) : null);
  ui.meta.hidden = !full;
  ui.removed.textContent = summarizeRemoved(article.removed);
  ui.removed.title = summarizeRemoved(article.removed, true);
  ui.removedLine.hidden = !full;
}

async function openReader(tabId: number, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const response = await sendToContent(tabId, { type: 'open-reader' });
    if (!response.ok) throw new Error(response.error);
    // Harmless when the popup is a tab (tests): a script may only close windows it opened.
    window.close();
  } catch (error) {
    console.error('Clearpage: opening the reader failed:', error);
    setState('error', t('popupErrorOpen'));
  } finally {
    button.disabled = false;
  }
}

async function showShortcut(): Promise<void> {
  const shortcut = await commandShortcut('toggle-reader');
  if (!shortcut) return;
  const kbd = document.createElement('kbd');
  kbd.textContent = shortcut;
  ui.shortcut.replaceChildren(`${t('popupShortcut')} `, kbd);
  ui.shortcut.hidden = false;
}

/** Shows the site rule control for an http(s) page; `allSites` was started when the popup opened. */
async function showSiteRule(url: string | undefined, allSites: Promise<boolean>): Promise<void> {
  const host = webHost(url);
  if (!host) return;
  const [settings, granted] = await Promise.all([loadSettings(), allSites]);
  if (ui.card.hidden) return; // the popup moved on to an error meanwhile
  let access = granted;
  const refresh = (): void => void hasAllSites().then((value) => { access = value; });
  browser.permissions.onAdded.addListener(refresh);
  browser.permissions.onRemoved.addListener(refresh);
  mountSiteRuleControl(ui.siteRule, { pageHost: host, settings, allSites: () => access });
}

async function main(): Promise<void> {
  localizePage(document);
  // Asked now and kept: the "Always" handler must know it synchronously (see site-rule.ts).
  const allSites = hasAllSites();
  setState('loading', t('popupLoading'));
  ui.openOptions.addEventListener('click', () => {
    void browser.runtime.openOptionsPage().then(() => window.close());
  });
  void showShortcut();

  const tab = await findTab();
  if (!tab) return setState('error', t('popupNoTab'));

  if (tab.url) {
    const verdict = canScriptUrl(tab.url, { fileAccess: await fileAccess(tab.url) });
    if (!verdict.ok) return setState('unsupported', verdict.reason);
  }
  try {
    await injectContentScript(tab.id);
  } catch (error) {
    console.info('Clearpage: injection refused:', error);
    return setState('unsupported', explainInjectionError(error, tab.url));
  }

  const response = await sendToContent(tab.id, { type: 'analyze' }).catch((error: unknown) => {
    console.error('Clearpage: no answer from the page:', error);
    return null;
  });
  if (!response?.ok) {
    if (response) console.error('Clearpage: analysis failed:', response.error);
    return setState('error', t('popupErrorAnalyze'));
  }
  // Nothing to show or open: the reader would be empty.
  if (response.article.budgetExceeded) return setState('unsupported', t('popupTooLarge'));
  fillCard(response.article, tab.url);
  ui.openReader.addEventListener('click', () => void openReader(tab.id, ui.openReader));
  ui.tryAnyway.addEventListener('click', () => void openReader(tab.id, ui.tryAnyway));
  if (response.article.isArticle) {
    setState('article');
    ui.openReader.focus();
  } else {
    setState('not-article', t('popupNotArticle'));
    ui.tryAnyway.focus();
  }
  await showSiteRule(tab.url, allSites);
}

main().catch((error: unknown) => {
  console.error('Clearpage popup:', error);
  setState('error', t('popupErrorAnalyze'));
});
