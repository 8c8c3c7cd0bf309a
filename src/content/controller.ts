/**
 * What the content script does with each message: extract the page (cached per address and settings),
 * answer the popup, and open, close or toggle the reader view. One reader session at a time; everything
 * a session attaches hangs on its AbortController, so closing is `abort()` plus removing the overlay.
 */
import { extractArticle, type ArticleResult, type KeepRule } from '../core/index.js';
import type { Runtime } from 'webextension-polyfill';
import { afterNextFrame } from '../reader/dom.js';
import { prewarmReader } from '../reader/prewarm.js';
import { openReaderView, type ReaderView } from '../reader/view.js';
import { browser } from '../shared/browser.js';
import { keepRuleSite, loadKeepRules, watchKeepRules } from '../shared/keep-rules.js';
import {
  parseToContent, sendToBackground,
  type AnalyzeResponse, type ArticleSummary, type ContentResponses, type ReaderStateResponse, type ToContent,
} from '../shared/messages.js';
import { loadSettings, watchSettings, type Settings } from '../shared/settings.js';

interface Extraction {
  key: string;
  article: ArticleResult;
}

interface Session {
  controller: AbortController;
  view: ReaderView;
  settings: Settings;
  /** The address the reader shows the article of (a single-page site may move on under it). */
  url: string;
}

/** Extraction depends on the page address (single-page sites change it), the strip settings and the site's keep rules. */
function extractionKey(url: string, settings: Settings, keep: readonly KeepRule[]): string {
  return JSON.stringify([url, settings.stripAds, settings.stripComments, keep]);
}

function summarize(article: ArticleResult): ArticleSummary {
  const { contentHtml: _html, textContent: _text, stripped: _stripped, comments: _comments, debug: _debug, ...summary } = article;
  return summary;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ReaderController {
  private cache: Extraction | null = null;
  private session: Session | null = null;
  /** An open in progress (settings are read asynchronously): a second request waits for it. */
  private opening: Promise<void> | null = null;

  constructor(private readonly doc: Document) {}

  get isOpen(): boolean {
    this.forgetRemovedOverlay();
    return this.session !== null;
  }

  /**
   * A page script removed the reader's host from <html> (some pages remove every child they do not know): the
   * reader is gone for the user, so the session is closed, the toolbar told, and the next open starts afresh.
   */
  private forgetRemovedOverlay(): void {
    if (this.session && !this.session.view.host.isConnected) this.close();
  }

  /** Closes the session as soon as its host leaves the document, so the toolbar badge never shows a reader that is gone. */
  private watchOverlay(session: Session): void {
    // The document's own window's MutationObserver: the content script's global in a browser, jsdom's in unit tests.
    const Observer = this.doc.defaultView?.MutationObserver;
    if (!Observer) return;
    const observer = new Observer(() => {
      if (this.session === session && !session.view.host.isConnected) this.close();
    });
    observer.observe(this.doc.documentElement, { childList: true });
    session.controller.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }

  async handle<M extends ToContent>(message: M): Promise<ContentResponses[M['type']]> {
    try {
      switch (message.type) {
        case 'analyze':
          return (await this.analyze()) as ContentResponses[M['type']];
        case 'open-reader':
          await this.open();
          break;
        case 'close-reader':
          this.close();
          break;
        case 'toggle-reader':
          if (this.isOpen) this.close();
          else await this.open();
          break;
        case 'auto-open':
          if (this.session && this.session.url !== this.url()) this.showCurrentAddress(this.session);
          else await this.open({ byUser: false });
          break;
        case 'auto-close':
          this.close({ byUser: false });
          break;
        case 'reader-state':
          break;
      }
      return { ok: true, open: this.isOpen } satisfies ReaderStateResponse as ContentResponses[M['type']];
    } catch (error) {
      return { ok: false, error: errorText(error) } as ContentResponses[M['type']];
    }
  }

  private url(): string {
    return this.doc.location?.href ?? this.doc.URL;
  }

  /** The keep rules of this page's site, as last read from storage. */
  private keep: readonly KeepRule[] = [];

  /** Reads the site's keep rules (the user may have kept a block in another tab since the last read). */
  private async refreshKeepRules(): Promise<void> {
    const site = keepRuleSite(this.url());
    this.keep = site ? await loadKeepRules(site) : [];
  }

  private extract(settings: Settings): Extraction {
    const url = this.url();
    const key = extractionKey(url, settings, this.keep);
    if (this.cache?.key === key) return this.cache;
    const article = extractArticle(this.doc, {
      url, stripAds: settings.stripAds, stripComments: settings.stripComments, debug: false, keep: this.keep,
      // The reader sanitizes the article's HTML as it inserts it (reader/view.ts): once is enough.
      sanitizeContent: false,
      // The user is waiting on this tab: the budget's time limit applies (core/budget.ts).
      now: () => performance.now(),
    });
    const extraction = { key, article };
    // Running out of time depends on how busy the machine was: the next request tries again. Too many elements is final.
    if (article.budgetExceeded !== 'time') this.cache = extraction;
    return extraction;
  }

  async analyze(): Promise<AnalyzeResponse> {
    const [settings] = await Promise.all([loadSettings(), this.refreshKeepRules()]);
    const { article } = this.extract(settings);
    // The popup now shows its card: warm what the reader's first render needs while the user reads it (after
    // this answer has gone out).
    if (!this.isOpen) setTimeout(() => prewarmReader(this.doc, settings.appearance), 0);
    return { ok: true, article: summarize(article), readerOpen: this.isOpen };
  }

  /** Opens the reader; `byUser: false` when auto mode opens it. */
  async open({ byUser } = { byUser: true }): Promise<void> {
    this.forgetRemovedOverlay();
    if (this.session) return;
    this.opening ??= this.startSession(byUser).finally(() => { this.opening = null; });
    await this.opening;
  }

  private async startSession(byUser: boolean): Promise<void> {
    const [settings] = await Promise.all([loadSettings(), this.refreshKeepRules()]);
    if (this.session) return;
    const { article } = this.extract(settings);
    // The page was too large to extract within the budget: an empty reader would help no one. The popup says why.
    if (article.budgetExceeded) throw new Error(`the page is too large to simplify (${article.budgetExceeded})`);
    const controller = new AbortController();
    const view = openReaderView(this.doc, { article, url: this.url() }, {
      appearance: settings.appearance,
      signal: controller.signal,
      onRequestClose: () => this.close(),
    });
    const session: Session = { controller, view, settings, url: this.url() };
    this.session = session;
    this.watchOverlay(session);
    watchSettings((next) => this.applySettings(session, next), controller.signal);
    const site = keepRuleSite(session.url);
    if (site) watchKeepRules(site, (rules) => this.applyKeepRules(session, site, rules), controller.signal);
    // The answer (on which the popup closes itself) and the toolbar badge wait until the reader has been drawn:
    // both make the browser process busy, and the reader's first layout asks it for font data.
    await new Promise<void>((resolve) => afterNextFrame(this.doc.defaultView, resolve));
    if (this.session === session) void sendToBackground({ type: 'reader-changed', open: true, url: session.url, byUser });
  }

  /** Settings changed while the reader is open: re-extract for strip options, restyle for appearance. */
  private applySettings(session: Session, next: Settings): void {
    if (this.session !== session) return;
    const previous = session.settings;
    session.settings = next;
    if (JSON.stringify(previous.appearance) !== JSON.stringify(next.appearance)) {
      session.view.setAppearance(next.appearance);
    }
    if (previous.stripAds !== next.stripAds || previous.stripComments !== next.stripComments) {
      session.view.update({ article: this.extract(next).article, url: this.url() });
    }
  }

  /** The user kept a block or removed it again (here or in another tab): show the article with the new rules. */
  private applyKeepRules(session: Session, site: string, rules: KeepRule[]): void {
    if (this.session !== session || keepRuleSite(this.url()) !== site) return;
    if (JSON.stringify(rules) === JSON.stringify(this.keep)) return;
    this.keep = rules;
    session.view.update({ article: this.extract(session.settings).article, url: this.url() });
  }

  /** A single-page site moved to another article while the reader was open: show that one. */
  private showCurrentAddress(session: Session): void {
    session.url = this.url();
    session.view.update({ article: this.extract(session.settings).article, url: session.url });
  }

  /** Closes the reader; `byUser: false` when auto mode closes it (the page moved on), which it does not remember. */
  close({ byUser } = { byUser: true }): void {
    const session = this.session;
    if (!session) return;
    this.session = null;
    session.controller.abort();
    session.view.destroy();
    void sendToBackground({ type: 'reader-changed', open: false, url: session.url, byUser });
  }
}

/** Installs the one message listener of this page's content script. */
export function startContentScript(doc: Document): ReaderController {
  const controller = new ReaderController(doc);
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const parsed = parseToContent(message, sender);
    // Not for us: returning nothing lets the message go unanswered here.
    if (!parsed) return undefined;
    return controller.handle(parsed);
  });
  return controller;
}
