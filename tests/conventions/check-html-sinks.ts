/**
 * Fails if raw HTML is written into the DOM anywhere but the one sanitizing module (src/core/sanitize.ts).
 * The page is hostile input: every HTML string must pass DOMPurify first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The repository; `HTML_SINKS_ROOT` points the check at another tree (tests/unit/conventions.test.ts checks the check). */
const ROOT = process.env.HTML_SINKS_ROOT ? resolve(process.env.HTML_SINKS_ROOT) : new URL('../../', import.meta.url).pathname;
const ALLOWED = new Set(['src/core/sanitize.ts']);
const SINK = /\.(?:innerHTML|outerHTML)\s*=(?!=)|\binsertAdjacentHTML\s*\(|\bdocument\.write(?:ln)?\s*\(|\bcreateContextualFragment\s*\(/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(?:ts|js|mjs|html)$/.test(name)) yield path;
  }
}

const offences: string[] = [];
for (const file of files(join(ROOT, 'src'))) {
  const rel = relative(ROOT, file);
  if (ALLOWED.has(rel)) continue;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (SINK.test(line)) offences.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
}
if (offences.length) {
  console.error('Raw HTML sinks outside src/core/sanitize.ts:\n' + offences.join('\n'));
  process.exit(1);
}
console.log('html sinks: ok (only src/core/sanitize.ts)');
