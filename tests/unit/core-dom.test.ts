/** The core's small DOM helpers. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { elementsUnder, firstVisibleChar, shortTextOf, ShortTexts, textOf } from '../../src/core/dom.js';
import { page } from './helpers/page.js';

describe('shortTextOf', () => {
  it('is textOf for a text up to the limit and null past it, however much of the raw text is whitespace', () => {
    const doc = page('<!doctype html><body></body>');
    const cases = [
      'By Jane Doe',
      `  By\n\n\t Jane\u00a0\u00a0Doe ${' '.repeat(400)}`, // long raw text, short once collapsed
      `${'word '.repeat(30)}`, // 150 characters collapsed
      `${'word '.repeat(40)}`, // 200
      '\u3000\u2003'.repeat(200), // only spaces
      '',
    ];
    for (const text of cases) {
      const el = doc.createElement('div');
      el.innerHTML = `<span>${text}</span><b> </b>`;
      for (const max of [10, 120, 160]) {
        const full = textOf(el);
        expect(shortTextOf(el, max), JSON.stringify({ text: text.slice(0, 20), max })).toBe(full.length <= max ? full : null);
      }
    }
  });

  it('reads nested elements as textContent does (comments left out), and so does the children-first reader', () => {
    const doc = page('<!doctype html><body></body>');
    // Trees of elements, text (words, runs of whitespace, no-break spaces) and comments, up to four levels deep.
    const text = fc.constantFrom('By', 'Jane', 'Doe', ' ', '\n\t  ', '\u00a0', 'Updated 3 May 2024', 'x'.repeat(90), '');
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ kind: fc.constant('text' as const), value: text }),
        fc.record({ kind: fc.constant('comment' as const), value: text }),
        fc.record({ kind: fc.constant('element' as const), tag: fc.constantFrom('span', 'p', 'div', 'a'), children: fc.array(tie('node'), { maxLength: 5 }) }),
      ),
    })).node;
    type Tree = { kind: 'text' | 'comment'; value: string } | { kind: 'element'; tag: string; children: Tree[] };
    const build = (t: Tree): Node => {
      if (t.kind !== 'element') return t.kind === 'text' ? doc.createTextNode(t.value) : doc.createComment(t.value);
      const el = doc.createElement(t.tag);
      for (const child of t.children) el.append(build(child));
      return el;
    };
    fc.assert(fc.property(fc.array(tree, { maxLength: 6 }), fc.constantFrom(5, 40, 120, 200), (children, max) => {
      const root = doc.createElement('div');
      for (const child of children) root.append(build(child as Tree));
      const full = textOf(root);
      expect(shortTextOf(root, max)).toBe(full.length <= max ? full : null);
      // Read children first, as the rules' scans do, the shared reader says what shortTextOf says of every
      // element, at every limit up to its own (and above it).
      const texts = new ShortTexts(120);
      for (const el of [root, ...elementsUnder(root)].reverse()) {
        for (const limit of [max, 5, 300]) expect(texts.get(el, limit)).toBe(shortTextOf(el, limit));
        // The first visible character, found without building the text, is the text's first character.
        expect(firstVisibleChar(el)).toBe([...textOf(el)][0] ?? '');
      }
      // Removing an element (forgotten first) changes its ancestors' texts: they are read again.
      const inner = elementsUnder(root).at(-1);
      if (inner) {
        texts.forget(inner);
        inner.remove();
        for (const el of [root, ...elementsUnder(root)].reverse()) expect(texts.get(el, max)).toBe(shortTextOf(el, max));
      }
    }), { seed: 20261128, numRuns: 400 });
  });
});
