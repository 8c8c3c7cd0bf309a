/**
 * The repository's own checks, checked: the HTML-sink script (tests/conventions/check-html-sinks.ts, run by
 * `npm run lint`) must fail on a raw sink outside src/core/sanitize.ts and pass when there is none; the ESLint
 * zone for src/core (eslint.config.js) must reject extension APIs there and nowhere else.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const SCRIPT = new URL('../conventions/check-html-sinks.ts', import.meta.url).pathname;
const temps: string[] = [];

/** A throwaway tree with the given files (paths relative to its root). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'clearpage-sinks-'));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function runCheck(root: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, HTML_SINKS_ROOT: root },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// The sanitizer's own sink (allowed) sits in every tree, so each case differs only in the file under test.
const SANITIZE = { 'src/core/sanitize.ts': 'export function decode(box: Element, text: string): void {\n  box.innerHTML = text;\n}\n' };

describe('check-html-sinks', () => {
  it.each([
    ['innerHTML assignment', 'el.innerHTML = x;'],
    ['outerHTML assignment', 'node.outerHTML = html;'],
    ['insertAdjacentHTML', "el.insertAdjacentHTML('beforeend', x);"],
    ['document.write', 'document.write(x);'],
    ['createContextualFragment', 'range.createContextualFragment(x);'],
  ])('fails on %s outside src/core/sanitize.ts and names the line', (_name, line) => {
    const root = tree({ ...SANITIZE, 'src/reader/widget.ts': `export function f(el: any, x: string) {\n  ${line}\n}\n` });
    const { status, output } = runCheck(root);
    expect(status, output).toBe(1);
    expect(output).toContain(`src/reader/widget.ts:2: ${line}`);
  });

  it('passes a tree whose only sink is in src/core/sanitize.ts (and reads, not writes, elsewhere)', () => {
    const root = tree({
      ...SANITIZE,
      'src/reader/widget.ts': 'export const same = (a: Element, b: Element): boolean => a.innerHTML === b.innerHTML;\n',
    });
    const { status, output } = runCheck(root);
    expect(status, output).toBe(0);
    expect(output).toContain('html sinks: ok');
  });
});

describe('the ESLint zone for src/core', () => {
  const IMPURE = "import browser from 'webextension-polyfill';\nexport const ids = [browser.runtime.id, chrome.runtime.id];\n";

  async function ruleIds(file: string): Promise<string[]> {
    const [result] = await new ESLint({ cwd: ROOT }).lintText(IMPURE, { filePath: path.join(ROOT, file) });
    return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
  }

  it('rejects extension imports and globals in src/core', async () => {
    const rules = await ruleIds('src/core/zone-probe.ts');
    expect(rules).toContain('no-restricted-imports');
    expect(rules).toContain('no-restricted-globals');
  });

  it('allows them at the edges (src/shared)', async () => {
    const rules = await ruleIds('src/shared/zone-probe.ts');
    expect(rules).not.toContain('no-restricted-imports');
    expect(rules).not.toContain('no-restricted-globals');
  });
});
