/**
 * `npm start` (after `npm run build`): serves the iTWire demo article on 127.0.0.1 and opens it in a
 * browser with the built extension loaded (web-ext run): Chromium if installed, else Firefox ESR.
 * Set CLEARPAGE_BROWSER=firefox or =chromium to choose. Without a display there is nothing to show:
 * it says so and points to `npm run demo`, the headless version.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PAGE, startFixtureServer } from './serve.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_EXT = resolve(ROOT, 'node_modules/.bin/web-ext');
const CHROMIUM = '/usr/bin/chromium';
const FIREFOX = '/usr/bin/firefox-esr';

function browserArgs(): string[] | null {
  const wanted = process.env.CLEARPAGE_BROWSER?.toLowerCase();
  const chromium = ['--target', 'chromium', '--chromium-binary', CHROMIUM];
  const firefox = ['--target', 'firefox-desktop', '--firefox', FIREFOX];
  if (wanted === 'firefox') return existsSync(FIREFOX) ? firefox : null;
  if (wanted === 'chromium') return existsSync(CHROMIUM) ? chromium : null;
  if (existsSync(CHROMIUM)) return chromium;
  if (existsSync(FIREFOX)) return firefox;
  return null;
}

async function main(): Promise<void> {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('The extension is built in dist/, but there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set),');
    console.log('so no browser window can open. Run `npm run demo` instead: it opens the reader view in headless');
    console.log('Chromium and writes demo/reader.png and demo/article.json.');
    return;
  }
  const args = browserArgs();
  if (!args) {
    console.error(`Neither ${CHROMIUM} nor ${FIREFOX} is installed. Install one (apt-get install chromium), or load dist/ by hand.`);
    process.exitCode = 1;
    return;
  }
  const server = await startFixtureServer();
  const url = server.url(DEMO_PAGE);
  console.log(`Demo article: ${url}`);
  console.log('Click the Clearpage button in the toolbar (or press Alt+Shift+R). Close the browser to stop.');
  const child = spawn(WEB_EXT, ['run', '--source-dir', resolve(ROOT, 'dist'), ...args, '--start-url', url, '--no-input'], {
    stdio: 'inherit',
  });
  const stop = (): void => {
    child.kill('SIGINT');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  await server.close();
  process.exitCode = code ?? 0;
}

main().catch((error: unknown) => {
  console.error('start failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
