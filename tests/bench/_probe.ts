import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../../src/cli/decode.js';
import { parseHtml } from '../../src/cli/extract-html.js';
const id = process.argv[2] as string;
const ds = process.argv[3] ?? 'zyte';
const html = decodeHtml(gunzipSync(readFileSync(`/work/shared/corpus/${ds}/pages/${id}.html.gz`)));
try { const d = parseHtml(html, 'http://localhost/'); console.log('ok', d.title); } catch (e) { console.log('caught', (e as Error).message); }
