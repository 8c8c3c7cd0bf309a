/** Plain text, word counts and reading time of extracted content. */
import { WORDS_PER_MINUTE } from './constants.js';

const BLOCK = new Set(['p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'figure', 'figcaption', 'table', 'tr', 'caption', 'header', 'footer', 'aside', 'hr', 'br']);

/** Text of `root` with blocks separated by blank lines and table cells by tabs, whitespace collapsed. */
export function blockText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).localName;
    if (tag === 'script' || tag === 'style' || tag === 'template') return;
    const block = BLOCK.has(tag);
    if (block) parts.push('\n\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (tag === 'td' || tag === 'th') parts.push('\t');
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Scripts written without spaces between words: count characters instead (about 2 per "word"). */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

/** A word: a letter or digit, then letters, digits, apostrophes and hyphens. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = cjk ? text.replace(CJK, ' ') : text;
  // Counted by stepping through the matches: no array of every word is built.
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.test(rest)) words++;
  return words + Math.ceil(cjk / 2);
}

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
