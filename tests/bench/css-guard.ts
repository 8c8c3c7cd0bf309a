/**
 * Works around a crash in jsdom's CSS code so that every corpus page parses.
 *
 * cssstyle 5.3.x (under jsdom 27) throws "Cannot create property 'border-width' on string 'inherit'" when a
 * stylesheet sets a border longhand after `border: inherit` (jsdom/jsdom#4112, jsdom/cssstyle#247, fixed in
 * later cssstyle). The exception escapes `new JSDOM()`, so the page cannot be parsed at all: 3 of the 104
 * zyte dev pages. A browser drops such a declaration and goes on; this guard does the same, by making
 * cssstyle's `setProperty` ignore a declaration it throws on. It changes nothing on pages that parse
 * without it, and it applies to every adapter alike (they all parse with the CLI's parseHtml).
 * `--no-css-guard` switches it off (those pages then count as empty output for every adapter).
 */
import { createRequire } from 'node:module';

interface StyleDeclarationClass {
  prototype: { setProperty(this: unknown, ...args: unknown[]): unknown };
}

let dropped = 0;
let installed = false;

/** How many declarations the guard has dropped so far. */
export function droppedDeclarations(): number {
  return dropped;
}

export function installCssGuard(): void {
  if (installed) return;
  // The very module instance jsdom uses: resolve cssstyle from jsdom's own location.
  const fromJsdom = createRequire(createRequire(import.meta.url).resolve('jsdom'));
  const { CSSStyleDeclaration } = fromJsdom('cssstyle') as { CSSStyleDeclaration: StyleDeclarationClass };
  const original = CSSStyleDeclaration.prototype.setProperty;
  CSSStyleDeclaration.prototype.setProperty = function guardedSetProperty(this: unknown, ...args: unknown[]) {
    try {
      return original.apply(this, args);
    } catch {
      dropped++;
      return undefined;
    }
  };
  installed = true;
}
