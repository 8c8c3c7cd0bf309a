import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is tests/e2e/harness/paths.ts). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built extension, loaded unpacked by both browsers. Always absolute. */
export const DIST = path.join(ROOT, 'dist');
/** The project's own fixture pages and their ground truth. */
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
/** Small pages written for the end-to-end tests. */
export const E2E_PAGES = path.join(ROOT, 'tests/e2e/pages');
/**
 * Screenshots go to a git-ignored folder. dist/ is ignored and rebuilt by `npm run build`, so artifacts never pile up;
 * E2E_ARTIFACTS_DIR overrides it.
 */
export const ARTIFACTS = process.env.E2E_ARTIFACTS_DIR
  ? path.resolve(process.env.E2E_ARTIFACTS_DIR)
  : path.join(DIST, 'e2e-artifacts');

/** Fails with an actionable message when the extension has not been built. */
export function assertBuilt(): void {
  if (!existsSync(path.join(DIST, 'manifest.json'))) {
    throw new Error(`${path.join(DIST, 'manifest.json')} is missing: run \`npm run build\` before the e2e tests.`);
  }
}

/** Absolute path of a screenshot file, creating the artifacts folder on demand. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
