/**
 * The one text renderer every extractor's content HTML goes through before scoring
 * (../shared/corpus/README.md, "Metrics"): block elements on their own lines, table cells separated by
 * tabs, script/style/template/iframe/svg skipped, images ignored.
 *
 * Details the README leaves open, chosen to reproduce the corpus' `body` of readability-tests (the text
 * of Readability's expected.html): HTML white space (space, tab, CR, LF, FF) collapses to one space
 * outside <pre>; no-break spaces are kept; every line is trimmed; empty lines are dropped; lines are
 * joined with a single "\n".
 */
import { JSDOM } from 'jsdom';

/** Subtrees that never contribute text. Their content is code, styling or another document. */
const SKIPPED = new Set(['script', 'style', 'template', 'iframe', 'svg']);

/** Elements that start and end a line (HTML's block-level and table-row elements). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext',
  'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'xmp', 'option', 'optgroup',
]);

const CELLS = new Set(['td', 'th']);

/** Elements whose white space is kept as written. */
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);

/** HTML's ASCII white space (not U+00A0, which a page uses on purpose). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

let parser: DOMParser | undefined;

function domParser(): DOMParser {
  // One window for all renders: DOMParser makes a fresh, script-less document for each call.
  parser ??= new new JSDOM('').window.DOMParser();
  return parser;
}

/** Renders an HTML fragment or document (a string) to text. */
export function renderText(html: string): string {
  if (!html) return '';
  const doc = domParser().parseFromString(html, 'text/html');
  return renderNode(doc.body ?? doc.documentElement);
}

/** Renders a DOM node (and its subtree) to text. */
export function renderNode(root: Node): string {
  const out: string[] = [];
  walk(root, false, out);
  return finish(out.join(''));
}

function walk(node: Node, pre: boolean, out: string[]): void {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
    const text = node.nodeValue ?? '';
    out.push(pre ? text : text.replace(HTML_SPACE, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) {
    // Documents and fragments: just their children. Comments and processing instructions: nothing.
    if (node.nodeType === 9 || node.nodeType === 11) for (const child of node.childNodes) walk(child, pre, out);
    return;
  }
  const el = node as Element;
  const name = el.localName.toLowerCase();
  if (SKIPPED.has(name)) return;
  if (name === 'br') {
    out.push('\n');
    return;
  }
  if (name === 'img') return;
  const block = BLOCKS.has(name);
  const cell = CELLS.has(name);
  if (block) out.push('\n');
  if (cell) out.push('\t');
  const childPre = pre || PREFORMATTED.has(name);
  for (const child of el.childNodes) walk(child, childPre, out);
  if (block) out.push('\n');
}

function finish(raw: string): string {
  return raw
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        // Cells: one tab between them, whatever space surrounds it; runs of spaces become one.
        .replace(/ *\t[ \t]*/g, '\t')
        .replace(/ {2,}/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .join('\n');
}
