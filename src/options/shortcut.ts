/**
 * "Change shortcut": extensions cannot set their own shortcut, so the button opens the browser's page for it.
 * Chosen by feature, not by user agent: Firefox has `commands.openShortcutSettings()` (it opens the add-ons
 * manager's shortcut panel); Chromium browsers do not, and let an extension open chrome://extensions/shortcuts
 * with tabs.create (Edge and others redirect that address to their own).
 */
import { browser } from '../shared/browser.js';

export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

export async function openShortcutSettings(): Promise<void> {
  // The type says every browser has it; at run time only Firefox does, hence the typeof check.
  if (typeof browser.commands.openShortcutSettings === 'function') {
    await browser.commands.openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: CHROME_SHORTCUTS_URL });
}
