/** The one door from untrusted HTML to DOM: each of its three outputs applies the same rules, call after call. */
import { describe, expect, it } from 'vitest';
import { sanitizeHtml, sanitizeInPlace, sanitizeToFragment } from '../../src/core/sanitize.js';
import { page } from './helpers/page.js';

const HOSTILE =
  '<p id="cp-title" class="lead" style="color:red" onclick="window.hit=1">Text <a href="javascript:alert(1)">bad</a> ' +
  '<a href="https://example.org/x">good</a> <a href="#cp-note-fn1">note</a></p><script>window.hit=1</script>' +
  '<form action="/post"><input name="q"></form><img src="x.png" onerror="window.hit=1" data-track="1">' +
  '<a data-cp-embed="video" href="https://player.example/embed/1">Video</a>';

/** What every output must show: the page's markup stripped to what a reader view needs, nothing that runs. */
function expectClean(html: string): void {
  expect(html).not.toMatch(/<script|onclick|onerror|javascript:|<form|<input|style=|data-track|id="cp-title"|class="lead"/i);
  expect(html).toContain('href="https://example.org/x" target="_blank" rel="noopener noreferrer"');
  expect(html).toContain('<a href="#cp-note-fn1">note</a>');
  expect(html).toContain('data-cp-embed="video"');
}

describe('sanitize', () => {
  it('gives the same clean HTML as a string, a fragment and in place, on every call', () => {
    const doc = page('<!doctype html><body></body>');
    const win = doc.defaultView!;
    const outputs: string[] = [];
    // Interleaved and repeated: each output keeps its own configuration whatever was called before.
    for (let round = 0; round < 2; round++) {
      outputs.push(sanitizeHtml(HOSTILE, doc));
      const box = doc.createElement('div');
      box.append(sanitizeToFragment(HOSTILE, doc));
      outputs.push(box.innerHTML);
      const inPlace = doc.createElement('div');
      inPlace.innerHTML = HOSTILE; // a detached, inert element of the test's own document
      sanitizeInPlace(inPlace, win);
      outputs.push(inPlace.innerHTML);
    }
    for (const html of outputs) expectClean(html);
    expect(new Set(outputs).size).toBe(1);
  });
});
