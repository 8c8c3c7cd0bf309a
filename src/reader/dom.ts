/** Tiny DOM builders: the reader builds everything from elements and text, never from HTML strings. */

type Attrs = Record<string, string | undefined>;

/** An element of `doc` with attributes (undefined values skipped) and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  children: ReadonlyArray<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/**
 * Runs `fn` once the next frame has been painted (a task queued from that frame's animation callback), unless
 * `signal` aborts first: then the callbacks are cancelled, so nothing keeps a closed reader's nodes alive.
 */
export function afterNextFrame(win: Window | null, fn: () => void, signal?: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const run = (): void => {
    timer = setTimeout(fn, 0);
  };
  if (win && typeof win.requestAnimationFrame === 'function') frame = win.requestAnimationFrame(run);
  else run();
  signal?.addEventListener('abort', () => {
    if (frame !== undefined) win?.cancelAnimationFrame(frame);
    clearTimeout(timer);
  }, { once: true });
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The close icon (an ×), decorative: the button carries the label. */
export function closeIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M3 3l10 10M13 3L3 13');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.75');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('fill', 'none');
  svg.append(path);
  return svg;
}
