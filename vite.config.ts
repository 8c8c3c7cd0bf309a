/**
 * Builds the unpacked extension into dist/ with Vite alone:
 * - the main build: the extension pages (popup.html, options.html) as ES modules, public/ (icons, _locales),
 *   manifest.json (the root one, with `version` from package.json), and the bundled reading faces (woff2 files and
 *   their licence, from the @fontsource packages; src/reader/fonts.ts lists them) in fonts/;
 * - then, from `closeBundle`, two more builds for the classic scripts the browsers need as IIFEs:
 *   background.js (a classic service worker / Firefox event page) and content.js (injected with
 *   scripting.executeScript, which takes no modules);
 * - last, a check that every file the manifest names exists, and the gzip size of both scripts
 *   against a budget (the reader bundle is injected into pages, so its size is a feature).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import { BUNDLED_FONTS, FONT_DIR } from './src/reader/fonts.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const OUT_DIR = resolve(ROOT, 'dist');
/** Chrome 120 has everything MV3 needs here; Firefox 140 is the manifest's strict_min_version. */
const TARGET = ['chrome120', 'firefox140'];

interface ClassicScript {
  entry: string;
  file: string;
  /** Gzip budget in KiB: the build fails above it. */
  budgetKiB: number;
}

const CLASSIC_SCRIPTS: readonly ClassicScript[] = [
  { entry: 'src/background/index.ts', file: 'background.js', budgetKiB: 16 },
  // Core + Readability + DOMPurify + renderer; injected only when the user asks (or auto mode opens it).
  { entry: 'src/content/index.ts', file: 'content.js', budgetKiB: 100 },
  // The auto-mode detector: runs on every page while auto mode is on, so it must stay tiny (issue 4: < 10 KB).
  { entry: 'src/content/auto-detector.ts', file: 'detector.js', budgetKiB: 10 },
];

function classicScriptConfig({ entry, file }: ClassicScript): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    // Library code checks process.env.NODE_ENV; extensions have no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: OUT_DIR,
      emptyOutDir: false,
      copyPublicDir: false,
      target: TARGET,
      reportCompressedSize: false,
      rollupOptions: {
        input: resolve(ROOT, entry),
        output: { format: 'iife', entryFileNames: file, inlineDynamicImports: true },
      },
    },
  };
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as Record<string, unknown>;
}

/** Every file path the manifest refers to. */
function manifestFiles(manifest: Record<string, unknown>): string[] {
  const files = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string' && !value.startsWith('__MSG_')) files.add(value);
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  const m = manifest as {
    icons?: unknown; background?: unknown; action?: { default_popup?: unknown; default_icon?: unknown };
    options_ui?: { page?: unknown }; default_locale?: unknown;
  };
  add(m.icons);
  add(m.background);
  add(m.action?.default_popup);
  add(m.action?.default_icon);
  add(m.options_ui?.page);
  if (typeof m.default_locale === 'string') files.add(`_locales/${m.default_locale}/messages.json`);
  return [...files];
}

function extension(): Plugin {
  let failed = false;
  return {
    name: 'clearpage-extension',
    apply: 'build',
    buildEnd(error) {
      failed = Boolean(error);
    },
    generateBundle: {
      // After Vite's own HTML plugin has emitted the pages.
      order: 'post',
      handler(_options, bundle) {
        // Pages are built from src/<name>/<name>.html; the extension wants them at the root of dist/.
        for (const item of Object.values(bundle)) {
          if (item.type === 'asset' && item.fileName.endsWith('.html')) item.fileName = basename(item.fileName);
        }
        // The reading faces, as web-accessible resources (manifest.json) the content script fetches: never the network.
        for (const font of Object.values(BUNDLED_FONTS)) {
          const dir = resolve(ROOT, 'node_modules', font.pkg);
          for (const { file } of font.files) {
            this.emitFile({ type: 'asset', fileName: `${FONT_DIR}/${file}`, source: readFileSync(resolve(dir, 'files', file)) });
          }
          // The SIL Open Font License travels with the fonts.
          this.emitFile({ type: 'asset', fileName: `${FONT_DIR}/LICENSE-${basename(font.pkg)}.txt`, source: readFileSync(resolve(dir, 'LICENSE')) });
        }
        const { version } = readJson('package.json');
        const manifest = readJson('manifest.json');
        this.emitFile({
          type: 'asset',
          fileName: 'manifest.json',
          source: `${JSON.stringify({ ...manifest, version }, null, 2)}\n`,
        });
      },
    },
    async closeBundle() {
      if (failed) return;
      for (const script of CLASSIC_SCRIPTS) await build(classicScriptConfig(script));

      const missing = manifestFiles(readJson('dist/manifest.json')).filter((file) => !existsSync(resolve(OUT_DIR, file)));
      if (missing.length) throw new Error(`manifest.json names files the build did not produce: ${missing.join(', ')}`);

      const over: string[] = [];
      for (const { file, budgetKiB } of CLASSIC_SCRIPTS) {
        const raw = readFileSync(resolve(OUT_DIR, file));
        const gzipKiB = gzipSync(raw, { level: 9 }).length / 1024;
        console.log(`  dist/${file.padEnd(14)} ${(raw.length / 1024).toFixed(1).padStart(6)} KiB │ gzip ${gzipKiB.toFixed(1).padStart(5)} KiB (budget ${budgetKiB} KiB)`);
        if (gzipKiB > budgetKiB) over.push(`${file}: ${gzipKiB.toFixed(1)} KiB gzip > ${budgetKiB} KiB`);
      }
      if (over.length) throw new Error(`Bundle size budget exceeded: ${over.join('; ')}`);
    },
  };
}

export default defineConfig({
  root: ROOT,
  base: '/',
  publicDir: 'public',
  plugins: [extension()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: TARGET,
    // Extension pages load from disk: no modulepreload polyfill, no inline scripts (the CSP forbids them).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        popup: resolve(ROOT, 'src/popup/popup.html'),
        options: resolve(ROOT, 'src/options/options.html'),
      },
      // The pages' common code (polyfill, settings, i18n) is one chunk; name it for what it is.
      output: { chunkFileNames: 'assets/shared-[hash].js' },
    },
  },
});
