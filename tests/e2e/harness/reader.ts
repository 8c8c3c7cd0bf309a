import type { Surface } from './surface.js';

export const READER_HOST = 'clearpage-reader#clearpage-reader-host';

/** What the reader overlay shows, read from the DOM contract inside its shadow root. */
export interface ReaderSnapshot {
  /** The host is a direct child of <html>. */
  hostOnDocumentElement: boolean;
  shadowMode: 'open' | 'closed' | null;
  theme: string | null;
  siteTag: string | null;
  siteHref: string | null;
  siteText: string | null;
  titleTag: string | null;
  title: string | null;
  byline: string | null;
  published: { datetime: string | null; text: string } | null;
  readingTime: string | null;
  /** `[data-cp="content"]` text, whitespace-normalised. */
  contentText: string | null;
  /** All text in the shadow root outside <style>/<script>, whitespace-normalised. */
  shadowText: string;
  hasCloseButton: boolean;
}

/** The page-side state that closing the reader must give back exactly. */
export interface PageState {
  html: string;
  scrollX: number;
  scrollY: number;
  /** `id` (or tag name) of document.activeElement. */
  focus: string | null;
  /** Current `.value` of every input/textarea/select with an id (typed values are not in the serialization). */
  values: Record<string, string>;
}

/** Page object for the reader overlay in a page tab. */
export class ReaderView {
  constructor(readonly surface: Surface) {}

  isOpen(): Promise<boolean> {
    return this.surface.evaluate((host) => document.querySelector(host) !== null, READER_HOST);
  }

  /** Waits for the host and its rendered title. */
  waitOpen(timeoutMs?: number): Promise<void> {
    return this.surface.waitFor(
      (host) => {
        const root = document.querySelector(host)?.shadowRoot;
        return Boolean(root?.querySelector('[data-cp="title"]')?.textContent?.trim());
      },
      READER_HOST,
      `${READER_HOST} with a title in its open shadow root`,
      timeoutMs,
    );
  }

  waitClosed(): Promise<void> {
    return this.surface.waitFor((host) => document.querySelector(host) === null, READER_HOST, 'the reader to close');
  }

  snapshot(): Promise<ReaderSnapshot> {
    return this.surface.evaluate((hostSelector) => {
      const norm = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
      const host = document.querySelector(hostSelector);
      const root = host?.shadowRoot ?? null;
      const q = (sel: string): Element | null => root?.querySelector(sel) ?? null;
      const text = (sel: string): string | null => {
        const el = q(sel);
        return el ? norm(el.textContent) : null;
      };
      const visibleText = (node: Node): string => {
        if (node.nodeType === Node.TEXT_NODE) return node.nodeValue ?? '';
        if (node instanceof Element && (node.localName === 'style' || node.localName === 'script')) return '';
        // Separate block-ish siblings so words from adjacent elements do not glue together.
        return Array.from(node.childNodes, visibleText).join(' ');
      };
      const site = q('[data-cp="site"]');
      const title = q('[data-cp="title"]');
      const time = q('time[data-cp="published"]');
      return {
        hostOnDocumentElement: host?.parentNode === document.documentElement,
        shadowMode: root ? root.mode : null,
        theme: host?.getAttribute('data-theme') ?? null,
        siteTag: site?.localName ?? null,
        siteHref: site?.getAttribute('href') ? (site as HTMLAnchorElement).href : null,
        siteText: text('[data-cp="site"]'),
        titleTag: title?.localName ?? null,
        title: text('[data-cp="title"]'),
        byline: text('[data-cp="byline"]'),
        published: time ? { datetime: time.getAttribute('datetime'), text: norm(time.textContent) } : null,
        readingTime: text('[data-cp="reading-time"]'),
        contentText: text('[data-cp="content"]'),
        shadowText: root ? norm(visibleText(root)) : '',
        hasCloseButton: q('button[data-cp="close"]') !== null,
      };
    }, READER_HOST);
  }

  /** Clicks the close button (a real click) and waits for the host to go. */
  async closeWithButton(): Promise<void> {
    await this.surface.click('button[data-cp="close"]', READER_HOST);
    await this.waitClosed();
  }

  /** Presses Escape (a real key press) and waits for the host to go. */
  async closeWithEscape(): Promise<void> {
    await this.surface.press('Escape');
    await this.waitClosed();
  }
}

export function capturePageState(surface: Surface): Promise<PageState> {
  return surface.evaluate(() => {
    const active = document.activeElement;
    const values: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      'input[id], textarea[id], select[id]',
    )) {
      values[el.id] = el.value;
    }
    return {
      html: document.documentElement.outerHTML,
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      focus: active && active !== document.body ? active.id || active.localName : null,
      values,
    };
  }, undefined);
}

/**
 * Scrolls the page to `y` the way a user would end up there, and waits until it sticks (a tab that was just
 * created or brought to the front can ignore a scroll issued before its first layout).
 */
export async function scrollPageTo(surface: Surface, y: number): Promise<void> {
  try {
    await surface.waitFor(
      (target) => {
        if (window.scrollY < target) window.scrollTo(0, target);
        return window.scrollY >= target;
      },
      y,
      `the page to scroll to ${y}`,
    );
  } catch (err) {
    const layout = await surface
      .evaluate(
        () =>
          `scrollY=${window.scrollY} innerHeight=${window.innerHeight} scrollHeight=${document.documentElement.scrollHeight} ` +
          `visibility=${document.visibilityState} readyState=${document.readyState}`,
        undefined,
      )
      .catch((e: unknown) => `layout unknown: ${String(e)}`);
    throw new Error(`${surface.name}: could not scroll to ${y} (${layout})`, { cause: err });
  }
}
