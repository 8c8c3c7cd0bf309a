import type { Surface } from './surface.js';

export const POPUP_STATES = ['loading', 'article', 'not-article', 'unsupported', 'error'] as const;
export type PopupState = (typeof POPUP_STATES)[number];

export interface PublishedDate {
  /** `datetime` attribute: the ISO value. */
  datetime: string | null;
  /** `title` attribute: the full timestamp tooltip. */
  tooltip: string | null;
  /** Visible text: the locale date. */
  text: string;
}

/** What the popup card shows, read from the DOM contract (`[data-cp=...]`). Missing or hidden elements read as null. */
export interface PopupCard {
  site: string | null;
  title: string | null;
  byline: string | null;
  published: PublishedDate | null;
  readingTime: string | null;
  removed: string | null;
  status: string | null;
  /** `button#open-reader` is rendered and visible. */
  openReaderVisible: boolean;
  /** `button#try-anyway` is rendered and visible. */
  tryAnywayVisible: boolean;
}

/** Page object for `popup.html`, whether it runs as the real action popup or as a tab (`?tabId=N`). */
export class PopupView {
  constructor(readonly surface: Surface) {}

  /** The current `body[data-state]`, or null before the popup script set it. */
  state(): Promise<string | null> {
    return this.surface.evaluate(() => document.body?.dataset.state ?? null, undefined);
  }

  /** Waits until the popup finished its work (state set and not `loading`) and returns the state. */
  async settled(): Promise<string> {
    // Any value but "loading" ends the wait, so an out-of-contract state shows up in the assertion, not as a timeout.
    await this.surface.waitFor(
      () => {
        const s = document.body?.dataset.state;
        return s !== undefined && s !== '' && s !== 'loading';
      },
      undefined,
      'body[data-state] to be set and leave "loading"',
    );
    const state = await this.state();
    if (state === null) throw new Error('popup state vanished');
    return state;
  }

  card(): Promise<PopupCard> {
    return this.surface.evaluate(() => {
      // Only what the user can see counts: the popup keeps hidden placeholders for every state.
      const visible = (el: Element | null): el is HTMLElement =>
        el instanceof HTMLElement && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      const text = (sel: string): string | null => {
        const el = document.querySelector(sel);
        return visible(el) ? (el.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim() : null;
      };
      const timeEl = document.querySelector('time[data-cp="published"]');
      const time = visible(timeEl) ? timeEl : null;
      return {
        site: text('[data-cp="site"]'),
        title: text('[data-cp="title"]'),
        byline: text('[data-cp="byline"]'),
        published: time
          ? {
              datetime: time.getAttribute('datetime'),
              tooltip: time.getAttribute('title'),
              text: (time.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim(),
            }
          : null,
        readingTime: text('[data-cp="reading-time"]'),
        removed: text('[data-cp="removed"]'),
        status: text('[data-cp="status"]'),
        openReaderVisible: visible(document.querySelector('button#open-reader')),
        tryAnywayVisible: visible(document.querySelector('button#try-anyway')),
      };
    }, undefined);
  }

  /** Clicks "Open reader view" (a real click). */
  openReader(): Promise<void> {
    return this.surface.click('button#open-reader');
  }

  /** Clicks "Try anyway" (a real click). */
  tryAnyway(): Promise<void> {
    return this.surface.click('button#try-anyway');
  }
}
