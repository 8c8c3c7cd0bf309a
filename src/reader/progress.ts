/**
 * Reading progress: a thin bar at the top of the reader showing how far through the article the reader is.
 * The overlay's host element scrolls (not the window), so the position is `host.scrollTop`. Also home of the
 * two host-scroll helpers the table of contents and read aloud share.
 */
import { t } from '../shared/browser.js';
import { el } from './dom.js';
import type { ReaderContext, ReaderFeature } from './features.js';

export const PROGRESS_CSS = `
.cp-progress {
  position: fixed; top: 0; left: 0; right: 0; z-index: 2;
  height: 3px;
  background: transparent;
  pointer-events: none;
}
.cp-progress-fill {
  height: 100%; width: 100%;
  background: var(--cp-link);
  transform-origin: 0 50%;
  transform: scaleX(0);
}
@media print { .cp-progress { display: none !important; } }
`;

/**
 * How far through the scrollable content the reader is, in whole percent (0-100). Content that fits in
 * the viewport is read in full at a glance: 100.
 */
export function progressPercent(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const range = scrollHeight - clientHeight;
  if (range <= 0) return 100;
  const ratio = Math.min(Math.max(scrollTop / range, 0), 1);
  return Math.round(ratio * 100);
}

/** Where `target`'s top edge is in `host`'s scroll coordinates (the `scrollTop` that puts it at the top). */
export function topInHost(host: HTMLElement, target: Element): number {
  return target.getBoundingClientRect().top - host.getBoundingClientRect().top + host.scrollTop;
}

/** Scrolls the host (never the window) to `top`, instantly; the browser clamps it to the scroll range. */
export function scrollHostTo(host: HTMLElement, top: number): void {
  host.scrollTop = Math.max(Math.round(top), 0);
}

/**
 * Calls `fn` at most once per animation frame however many times it is scheduled (scroll fires far more
 * often than the screen repaints). Falls back to a timer where there is no rAF.
 */
export function frameThrottle(win: Window | null, fn: () => void): () => void {
  let pending = false;
  const later = win && typeof win.requestAnimationFrame === 'function'
    ? (cb: () => void) => win.requestAnimationFrame(cb)
    : (cb: () => void) => setTimeout(cb, 16);
  return () => {
    if (pending) return;
    pending = true;
    later(() => {
      pending = false;
      fn();
    });
  };
}

export function mountProgress(ctx: ReaderContext): ReaderFeature {
  const { doc, host, page, signal } = ctx;
  const fill = el(doc, 'div', { class: 'cp-progress-fill' });
  const bar = el(doc, 'div', {
    class: 'cp-progress', 'data-cp': 'progress', role: 'progressbar',
    'aria-label': t('readerProgress'), 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0',
  }, [fill]);
  page.prepend(bar);

  const update = (): void => {
    if (signal.aborted) return;
    const value = progressPercent(host.scrollTop, host.scrollHeight, host.clientHeight);
    if (bar.getAttribute('aria-valuenow') === String(value)) return;
    bar.setAttribute('aria-valuenow', String(value));
    fill.style.transform = `scaleX(${value / 100})`;
  };
  const schedule = frameThrottle(doc.defaultView, update);
  host.addEventListener('scroll', schedule, { passive: true, signal });
  doc.defaultView?.addEventListener('resize', schedule, { passive: true, signal });

  return {
    // A new article (or the same one re-rendered) changes the scroll height: recompute once it is laid out.
    render: schedule,
    appearanceChanged: schedule,
  };
}
