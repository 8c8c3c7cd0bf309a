/**
 * Background: a service worker in Chrome, an event page in Firefox; the same classic script in both.
 * It keeps no state in globals (either may be stopped at any time): every event carries what it needs.
 *
 * - The `toggle-reader` command (Alt+Shift+R) injects the reader bundle into the active tab and toggles it.
 * - Content scripts report when their reader opens or closes; the toolbar button's badge shows it per tab.
 * - On install and update, stored settings are migrated to the current schema.
 * - Auto reader mode (auto-mode.ts): the detector's registration follows the settings and the granted host access,
 *   re-checked whenever either changes and at every browser start; detector reports are answered here.
 */
import type { Runtime, Tabs } from 'webextension-polyfill';
import { browser, canScriptUrl, getActiveTab, injectContentScript, t } from '../shared/browser.js';
import { parseToBackground, sendToContent } from '../shared/messages.js';
import { migrateStoredSettings } from '../shared/settings.js';
import { forgetTab, handleAutoCheck, rememberClosed, syncDetectorRegistration } from './auto-mode.js';

const TOGGLE_COMMAND = 'toggle-reader';
const BADGE_COLOR = '#1f6f5c';

async function toggleReader(tab: Tabs.Tab | undefined): Promise<void> {
  const target = tab?.id !== undefined ? tab : await getActiveTab();
  if (target?.id === undefined) return;
  // The command grants activeTab, so the URL is known here; on pages no extension may script, stop quietly.
  if (target.url && !canScriptUrl(target.url).ok) return;
  await injectContentScript(target.id);
  const response = await sendToContent(target.id, { type: 'toggle-reader' });
  if (!response.ok) console.warn('Clearpage: toggle failed:', response.error);
}

browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
  if (command !== TOGGLE_COMMAND) return;
  toggleReader(tab).catch((error: unknown) => console.warn('Clearpage: cannot toggle the reader here:', error));
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const parsed = parseToBackground(message, sender);
  if (!parsed) return undefined;
  const { message: msg, tabId } = parsed;
  switch (msg.type) {
    case 'reader-changed': {
      const badge = Promise.all([
        browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
        browser.action.setBadgeText({ tabId, text: msg.open ? t('badgeReaderOpen') : '' }),
      ]);
      // Closed by the user: auto mode leaves this page alone in this tab from now on (reloads included).
      const remember = !msg.open && msg.byUser ? rememberClosed(tabId, msg.url) : Promise.resolve();
      return Promise.all([badge, remember]).then(() => undefined, () => undefined);
    }
    case 'auto-check':
      return handleAutoCheck(msg, tabId).then(
        () => undefined,
        (error: unknown) => console.warn('Clearpage: auto mode could not open the reader:', error),
      );
  }
});

const keepRegistration = (): void => {
  syncDetectorRegistration().catch((error: unknown) => console.warn('Clearpage: cannot register the auto-mode detector:', error));
};

browser.runtime.onInstalled.addListener(() => {
  migrateStoredSettings()
    .catch((error: unknown) => console.warn('Clearpage: settings migration failed:', error))
    .finally(keepRegistration);
});
browser.runtime.onStartup.addListener(keepRegistration);
browser.permissions.onAdded.addListener(keepRegistration);
browser.permissions.onRemoved.addListener(keepRegistration);
browser.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
  if (area === 'sync' && ('autoMode' in changes || 'siteRules' in changes)) {
    keepRegistration();
  }
});
browser.tabs.onRemoved.addListener((tabId: number) => {
  forgetTab(tabId).catch(() => undefined);
});
