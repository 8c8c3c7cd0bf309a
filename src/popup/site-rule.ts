/**
 * The popup's "Auto reader mode on this site" control: Default / Always / Never for the site of the page, one click
 * each. It edits the rule that applies to the page (which may be a parent domain's: "Rule for example.com" on
 * news.example.com), or one for the page's own host when none applies.
 *
 * "Always" makes the detector run on that site even with auto mode off, so it needs access to the site: asked for
 * synchronously in the change handler (Firefox refuses permissions.request after an await), unless Clearpage
 * already has access to all sites.
 */
import { requestSite } from '../shared/auto-access.js';
import { t } from '../shared/browser.js';
import { loadSettings, setSiteRule, watchSettings, type Settings } from '../shared/settings.js';
import { normalizeHost, ruleFor, type SiteRule } from '../shared/site-rules.js';

export const SITE_RULE_CHOICES = ['default', 'always', 'never'] as const;
export type SiteRuleChoice = (typeof SITE_RULE_CHOICES)[number];

/** The rule shown for a page host and the host it is (or would be) stored under. Null for a host rules cannot name. */
export function siteRuleView(pageHost: string, rules: Settings['siteRules']): { host: string; choice: SiteRuleChoice } | null {
  const match = ruleFor(pageHost, rules);
  if (match) return { host: match.host, choice: match.rule };
  const host = normalizeHost(pageHost);
  return host ? { host, choice: 'default' } : null;
}

/** The host of an http(s) page, or null: rules are for web sites only. */
export function webHost(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}

export interface SiteRuleControlOptions {
  /** The page's host name. */
  pageHost: string;
  settings: Settings;
  /** Whether Clearpage has access to all sites (checked when the popup opened). */
  allSites: () => boolean;
  signal?: AbortSignal;
}

function need<T>(node: T | null): T {
  if (!node) throw new Error('popup.html lacks part of the site rule control');
  return node;
}

export interface SiteRuleControl {
  render(settings: Settings): void;
}

/**
 * Wires the control in `root` (a fieldset with `input[name="site-rule"]` radios, `[data-cp="site-rule-host"]` and
 * `[data-cp="site-rule-error"]`) and shows it; returns null and leaves it hidden when the host cannot have a rule.
 */
export function mountSiteRuleControl(root: HTMLElement, options: SiteRuleControlOptions): SiteRuleControl | null {
  const radios = Array.from(root.querySelectorAll<HTMLInputElement>('input[name="site-rule"]'));
  const hostLine = need(root.querySelector<HTMLElement>('[data-cp="site-rule-host"]'));
  const error = need(root.querySelector<HTMLElement>('[data-cp="site-rule-error"]'));
  if (!radios.length) throw new Error('popup.html lacks the site rule radios');

  let view = siteRuleView(options.pageHost, options.settings.siteRules);
  if (!view) return null;
  // True while a change is being saved: a redraw from storage must not undo the user's click in the meantime.
  let busy = false;
  // Changes are saved one after the other: setSiteRule is read-modify-write, and two quick clicks must not race.
  let writes: Promise<unknown> = Promise.resolve();

  function render(settings: Settings): void {
    view = siteRuleView(options.pageHost, settings.siteRules);
    if (!view || busy) return;
    for (const radio of radios) radio.checked = radio.value === view.choice;
    hostLine.textContent = t('popupSiteRuleHost', view.host);
  }

  async function apply(host: string, choice: SiteRuleChoice, previous: SiteRuleChoice, access: Promise<boolean>): Promise<void> {
    busy = true;
    error.textContent = '';
    try {
      let granted = false;
      try {
        granted = await access;
      } catch (err) {
        console.error('Clearpage: the request for access to the site failed:', err);
      }
      if (!granted) {
        for (const radio of radios) radio.checked = radio.value === previous;
        error.textContent = t('popupSiteRuleRefused', host);
        return;
      }
      const rule: SiteRule | null = choice === 'default' ? null : choice;
      const write = writes.then(() => setSiteRule(host, rule));
      writes = write.catch(() => undefined);
      await write;
    } catch (err) {
      console.error('Clearpage: saving the site rule failed:', err);
      error.textContent = t('popupSiteRuleFailed');
    } finally {
      busy = false;
      render(await loadSettings());
    }
  }

  for (const radio of radios) {
    radio.addEventListener('change', () => {
      if (!radio.checked || !view) return;
      const choice = SITE_RULE_CHOICES.find((c) => c === radio.value);
      if (!choice) return;
      const { host, choice: previous } = view;
      let access: Promise<boolean> = Promise.resolve(true);
      if (choice === 'always' && !options.allSites()) {
        // Synchronously, in the event handler: Firefox refuses permissions.request after an await.
        try {
          access = requestSite(host);
        } catch (err) {
          access = Promise.reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
      void apply(host, choice, previous, access);
    });
  }

  render(options.settings);
  root.hidden = false;
  watchSettings(render, options.signal);
  return { render };
}
