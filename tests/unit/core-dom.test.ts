/** The core's small DOM helpers. */
import { describe, expect, it } from 'vitest';
import { shortTextOf, textOf } from '../../src/core/dom.js';
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
});
