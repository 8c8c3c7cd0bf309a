/** The CLI: JSON Lines out, one object per input, clear errors that do not stop the batch. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/page.js';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const ITWIRE_URL = 'https://www.itwire.com/security/82961-us-govt-divided-on-whether-to-hit-kaspersky-with-more-sanctions.html';

async function cli(args: string[]): Promise<{ code: number; lines: Array<Record<string, unknown>>; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/extract.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, lines: parseLines(stdout), stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, lines: parseLines(e.stdout), stderr: e.stderr };
  }
}

function parseLines(stdout: string): Array<Record<string, unknown>> {
  return stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

// Each case starts a Node process with the TypeScript loader: seconds, not milliseconds, on a busy machine.
describe('npm run extract', { timeout: 60_000 }, () => {
  it('prints one JSON object per input with timings, in input order', async () => {
    const { code, lines } = await cli(['--url', ITWIRE_URL, join(FIXTURES, 'itwire-kaspersky-sanctions.html'), '--url', 'https://www.itwire.com/', join(FIXTURES, 'itwire-home.html')]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ isArticle: true, byline: 'Sam Varghese', published: '2018-05-15T09:19:00+10:00', siteName: 'iTWire' });
    expect(lines[0]?.file).toBe(join(FIXTURES, 'itwire-kaspersky-sanctions.html'));
    const ms = lines[0]?.ms as { detect: number; extract: number };
    expect(ms.detect).toBeGreaterThan(0);
    expect(ms.extract).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ isArticle: false });
  });

  it('honours --no-strip-ads, --no-strip-comments and --debug', async () => {
    const { lines } = await cli(['--no-strip-ads', '--no-strip-comments', '--debug', '--url', ITWIRE_URL, join(FIXTURES, 'itwire-kaspersky-sanctions.html')]);
    expect(lines[0]?.removed).toEqual({});
    expect(lines[0]?.debug).toEqual([]);
  });

  it('reports bad inputs as error objects, keeps going, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearpage-cli-'));
    const empty = join(dir, 'empty.html');
    const binary = join(dir, 'image.png');
    const huge = join(dir, 'huge.html');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(huge, '<p>x</p>');
    truncateSync(huge, 50 * 1024 * 1024);
    const { code, lines } = await cli([join(dir, 'missing.html'), empty, binary, huge, join(FIXTURES, 'itwire-home.html')]);
    expect(code).toBe(1);
    expect(lines.map((l) => (l.error as { code?: string } | undefined)?.code ?? 'ok')).toEqual(['not-found', 'empty', 'binary', 'too-large', 'ok']);
    expect((lines[3]?.error as { message: string }).message).toMatch(/50\.0 MB/);
  });

  it('prints usage and exits 2 without inputs', async () => {
    const { code, stderr, lines } = await cli([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage/);
    expect(lines).toEqual([]);
  });
});
