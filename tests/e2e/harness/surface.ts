/**
 * A "surface" is one document a test drives: a Playwright page, the real Chromium action popup (reached over raw CDP),
 * or a Puppeteer (Firefox) page. Page objects are written once against this interface.
 *
 * Functions passed to `evaluate`/`waitFor` are serialised with `Function.prototype.toString`, so they must be
 * self-contained: no closures over test variables, no imports; pass data through `arg` (JSON-serialisable).
 * Run them under vitest: a runner that compiles with esbuild's keepNames (tsx) adds `__name(...)` calls that the
 * Playwright and Puppeteer surfaces cannot see (the raw CDP surface has a shim, see NAME_SHIM).
 */
export interface Surface {
  /** Human-readable name for error messages. */
  readonly name: string;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Resolves once `fn(arg)` is truthy in the document; rejects after `timeoutMs` with `what` in the message. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, what: string, timeoutMs?: number): Promise<void>;
  /**
   * A real (trusted) mouse click on the element, through the browser's input pipeline.
   * `shadowHost`, if given, is a selector of an element with an open shadow root that contains `selector`.
   */
  click(selector: string, shadowHost?: string): Promise<void>;
  /** A real key press, sent to whatever has focus. */
  press(key: string): Promise<void>;
}

export const DEFAULT_WAIT_MS = 15_000;

/**
 * esbuild with keepNames (tsx does this) wraps nested functions in `__name(fn, "name")`, a helper that does not exist
 * in the page; a no-op stand-in keeps serialised functions working under any runner.
 */
const NAME_SHIM = 'const __name = (target) => target;';

/** Builds the source of an expression that calls `fn(arg)`. */
export function callExpression<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { ${NAME_SHIM} return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })()`;
}

/**
 * Source of an expression that evaluates to a Promise which resolves when `fn(arg)` becomes truthy. It re-checks on
 * every DOM mutation and, as a fallback for changes a MutationObserver does not see (scroll, focus, storage), on a
 * short timer; it rejects after `timeoutMs`. This is a wait on a condition, not a sleep.
 */
export function waitExpression<A>(fn: (arg: A) => unknown, arg: A, timeoutMs: number): string {
  return `new Promise((resolve, reject) => {
    ${NAME_SHIM}
    const check = () => { try { return Boolean((${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'})); } catch { return false; } };
    if (check()) { resolve(true); return; }
    let done = false;
    const finish = (ok) => { if (done) return; done = true; observer.disconnect(); clearInterval(timer); clearTimeout(limit);
      ok ? resolve(true) : reject(new Error('condition still false after ${timeoutMs} ms')); };
    const observer = new MutationObserver(() => { if (check()) finish(true); });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setInterval(() => { if (check()) finish(true); }, 50);
    const limit = setTimeout(() => finish(check()), ${timeoutMs});
  })`;
}
