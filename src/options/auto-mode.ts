/**
 * Auto reader mode: the Off / "News articles on any site" choice and the line that says whether Clearpage has the
 * access that mode needs. Turning it on asks for access to all sites first and saves only if the user grants it;
 * turning it off saves, then gives the access back. The user can also take the access away in the browser's own
 * settings: the line then says so and offers to grant it again.
 */
import { hasAllSites, releaseAllSites, requestAllSites } from '../shared/auto-access.js';
import { t } from '../shared/browser.js';
import type { AutoMode } from '../shared/settings.js';
import { $, type OptionsPage } from './page.js';

/** granted: access to all sites; none: no access, none needed (mode off); missing: mode on but no access. */
export type AccessState = 'granted' | 'none' | 'missing';

export function accessState(mode: AutoMode, allSites: boolean): AccessState {
  if (allSites) return 'granted';
  return mode === 'news' ? 'missing' : 'none';
}

function accessText(state: AccessState): string {
  // Literal keys, so the locale test (tests/unit/locales.test.ts) sees each one.
  switch (state) {
    case 'granted':
      return t('optionsAccessGranted');
    case 'none':
      return t('optionsAccessNone');
    case 'missing':
      return t('optionsAccessMissing');
  }
}

/** Starts a permission request; a synchronous throw (an API that refuses outright) becomes a rejection. */
function ask(request: () => Promise<boolean>): Promise<boolean> {
  try {
    return request();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export interface AutoModeControl {
  render(): void;
}

export function mountAutoMode(page: OptionsPage, root: ParentNode = document): AutoModeControl {
  const ui = {
    off: $<HTMLInputElement>('#auto-off', root),
    news: $<HTMLInputElement>('#auto-news', root),
    access: $<HTMLElement>('#access', root),
    accessText: $<HTMLElement>('#access-text', root),
    grant: $<HTMLButtonElement>('#grant-access', root),
  };
  // The mode the user just chose while its permission request or save is under way: redraws in the meantime
  // (a permission event, a storage change) must not flip the radio back to the stored value.
  let pending: AutoMode | null = null;

  function render(): void {
    const mode = pending ?? page.settings.autoMode;
    ui.off.checked = mode === 'off';
    ui.news.checked = mode === 'news';
    const state = accessState(page.settings.autoMode, page.allSites);
    ui.access.dataset.access = state;
    ui.accessText.textContent = accessText(state);
    ui.grant.hidden = state !== 'missing';
  }

  async function turnOn(request: Promise<boolean>): Promise<void> {
    pending = 'news';
    let granted = false;
    try {
      granted = await request;
    } catch (error) {
      console.error('Clearpage: the request for access to all sites failed:', error);
    }
    try {
      // What the browser holds now, not what the request answered: the detector goes by permissions.contains too.
      page.allSites = await hasAllSites();
      if (granted) await page.save({ autoMode: 'news' });
      else page.announce(t('optionsAccessRefused'));
    } finally {
      pending = null;
      render();
    }
  }

  async function turnOff(): Promise<void> {
    pending = 'off';
    try {
      if (await page.save({ autoMode: 'off' })) await releaseAllSites();
      page.allSites = await hasAllSites();
    } finally {
      pending = null;
      render();
    }
  }

  ui.news.addEventListener('change', () => {
    if (!ui.news.checked) return;
    // Synchronously, in the event handler: Firefox refuses permissions.request after an await.
    void turnOn(ask(requestAllSites));
  });
  ui.off.addEventListener('change', () => {
    if (ui.off.checked) void turnOff();
  });
  ui.grant.addEventListener('click', () => {
    const request = ask(requestAllSites);
    void request
      .catch((error: unknown) => {
        console.error('Clearpage: the request for access to all sites failed:', error);
        return false;
      })
      .then(async (granted) => {
        page.allSites = await hasAllSites();
        const hadFocus = document.activeElement === ui.grant;
        render();
        // The button hides once access is back; keep keyboard focus in the section rather than on <body>.
        if (hadFocus && ui.grant.hidden) ui.news.focus();
        page.announce(granted ? t('optionsAccessGrantedNow') : t('optionsAccessNotGranted'));
      });
  });

  render();
  return { render };
}
