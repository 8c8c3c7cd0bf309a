#!/usr/bin/env node
/**
 * Clearpage CLI: runs the extraction core on files or URLs and prints one JSON object per input (JSON Lines).
 *
 *   npm run -s extract -- [--no-strip-ads] [--no-strip-comments] [--debug] [--url URL] FILE [[--url URL] FILE ...]
 *
 * Each --url gives the address of the FILE that follows it. An http(s) URL in place of a FILE is fetched.
 * A bad input prints an error object and the others still run; the exit code is 1 if any input failed.
 */
import { readFile, stat } from 'node:fs/promises';
import { decodeHtml, looksBinary } from './decode.js';
import { DEFAULT_PAGE_URL, extractHtml } from './extract-html.js';
import type { ExtractOptions } from '../core/index.js';

/** jsdom needs roughly 20x the page size in memory; past this a page is refused rather than risk the batch. */
export const MAX_INPUT_BYTES = 30 * 1024 * 1024;

interface Input {
  source: string;
  url?: string;
}

interface ParsedArgs {
  inputs: Input[];
  options: ExtractOptions;
}

const USAGE =
  'usage: extract [--no-strip-ads] [--no-strip-comments] [--debug] [--url URL] FILE [[--url URL] FILE ...]';

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: ExtractOptions = { stripAds: true, stripComments: true, debug: false };
  const inputs: Input[] = [];
  let pendingUrl: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--no-strip-ads') options.stripAds = false;
    else if (arg === '--no-strip-comments') options.stripComments = false;
    else if (arg === '--debug') options.debug = true;
    else if (arg === '--url') {
      pendingUrl = argv[++i];
      if (!pendingUrl) throw new Error('--url needs a value');
    } else if (arg.startsWith('--url=')) pendingUrl = arg.slice('--url='.length);
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else {
      inputs.push(pendingUrl ? { source: arg, url: pendingUrl } : { source: arg });
      pendingUrl = undefined;
    }
  }
  if (inputs.length === 0) throw new Error(USAGE);
  return { inputs, options };
}

class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isHttpUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

async function readInput(input: Input): Promise<{ bytes: Uint8Array; url: string }> {
  if (isHttpUrl(input.source)) {
    let response: Response;
    try {
      response = await fetch(input.source, { redirect: 'follow' });
    } catch (error) {
      throw new InputError('fetch-failed', `could not fetch ${input.source}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new InputError('fetch-failed', `${input.source} answered HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_INPUT_BYTES) throw tooLarge(declared);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, url: input.url ?? response.url };
  }
  let size: number;
  try {
    const info = await stat(input.source);
    if (!info.isFile()) throw new InputError('not-a-file', `${input.source} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('not-found', `cannot read ${input.source}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (size > MAX_INPUT_BYTES) throw tooLarge(size);
  return { bytes: await readFile(input.source), url: input.url ?? DEFAULT_PAGE_URL };
}

function tooLarge(size: number): InputError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new InputError('too-large', `page is ${mb(size)} MB; the limit is ${mb(MAX_INPUT_BYTES)} MB`);
}

async function runOne(input: Input, options: ExtractOptions): Promise<Record<string, unknown>> {
  const { bytes, url } = await readInput(input);
  if (bytes.length === 0) throw new InputError('empty', 'the input is empty');
  if (looksBinary(bytes)) throw new InputError('binary', 'the input is not text (it contains NUL bytes)');
  const html = decodeHtml(bytes);
  if (!html.trim()) throw new InputError('empty', 'the input has only white space');
  const { result, ms } = extractHtml(html, { ...options, url });
  return { file: input.source, ...result, ms };
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  let failed = 0;
  for (const input of parsed.inputs) {
    let line: Record<string, unknown>;
    try {
      line = await runOne(input, parsed.options);
    } catch (error) {
      failed++;
      const code = error instanceof InputError ? error.code : 'extract-failed';
      line = { file: input.source, error: { code, message: (error as Error).message } };
    }
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
