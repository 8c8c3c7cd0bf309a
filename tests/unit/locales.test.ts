/**
 * The locales: German has exactly the English keys with the same placeholders, and every string the extension
 * names (manifest `__MSG_x__`, `data-i18n*="x"` in the pages, `t('x'` in the code) exists in English. A missing
 * key shows the bare key to the user (see t() in src/shared/browser.ts), so this is checked here, not by eye.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LOCALES = ['en', 'de'] as const;

type Messages = Record<string, { message: string; description?: string }>;
const messages = Object.fromEntries(
  LOCALES.map((lang) => [lang, JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Messages]),
) as Record<(typeof LOCALES)[number], Messages>;
const en = messages.en;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** Every match of `pattern`'s first group in the files, with where it was found. */
function references(paths: string[], pattern: RegExp): { key: string; where: string }[] {
  return paths.flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(pattern)].map((m) => ({ key: m[1] ?? '', where: relative(ROOT, path) })),
  );
}

const missingFromEn = (refs: { key: string; where: string }[]): string[] =>
  refs.filter(({ key }) => !Object.hasOwn(en, key)).map(({ key, where }) => `${where}: ${key}`);

const placeholders = (text: string): string[] => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('locales', () => {
  it('German has exactly the English keys', () => {
    const enKeys = Object.keys(en).sort();
    const deKeys = Object.keys(messages.de).sort();
    expect(enKeys.filter((k) => !deKeys.includes(k)), 'keys missing from de').toEqual([]);
    expect(deKeys.filter((k) => !enKeys.includes(k)), 'keys only in de').toEqual([]);
  });

  it('every message has text, and the same $1…$9 placeholders in both languages', () => {
    for (const lang of LOCALES) {
      const empty = Object.entries(messages[lang]).filter(([, v]) => typeof v.message !== 'string' || !v.message.trim());
      expect(empty.map(([k]) => k), `empty messages in ${lang}`).toEqual([]);
    }
    const differ = Object.keys(en)
      .filter((key) => messages.de[key])
      .filter((key) => placeholders(en[key]?.message ?? '').join() !== placeholders(messages.de[key]?.message ?? '').join())
      .map((key) => `${key}: en ${placeholders(en[key]?.message ?? '').join() || '-'} / de ${placeholders(messages.de[key]?.message ?? '').join() || '-'}`);
    expect(differ).toEqual([]);
  });

  it('every __MSG_x__ in manifest.json exists in English', () => {
    const refs = references([join(ROOT, 'manifest.json')], /__MSG_(\w+)__/g);
    expect(refs.length).toBeGreaterThan(0);
    expect(missingFromEn(refs)).toEqual([]);
  });

  it('every data-i18n*="x" in the pages exists in English', () => {
    const refs = references(files(join(ROOT, 'src'), /\.html$/), /\bdata-i18n(?:-[\w-]+)?="([^"]*)"/g);
    expect(refs.length).toBeGreaterThan(50);
    expect(missingFromEn(refs)).toEqual([]);
  });

  it("every t('x' in the code exists in English", () => {
    const refs = references(files(join(ROOT, 'src'), /\.ts$/), /\bt\(\s*['"`](\w+)['"`]/g);
    expect(refs.length).toBeGreaterThan(50);
    expect(missingFromEn(refs)).toEqual([]);
  });

  it('the English fallback text in the pages is the English message', () => {
    // The pages are localised at load; the text in the HTML shows only if that fails, and should not be stale.
    const stale = files(join(ROOT, 'src'), /\.html$/).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/<[a-z0-9]+\b[^>]*\bdata-i18n="(\w+)"[^>]*>([^<]*)</g)]
        .filter((m) => m[1] && en[m[1]] && decode(m[2] ?? '') !== en[m[1]]?.message)
        .map((m) => `${relative(ROOT, path)}: ${m[1]}`),
    );
    expect(stale).toEqual([]);
  });
});

function decode(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);
}
