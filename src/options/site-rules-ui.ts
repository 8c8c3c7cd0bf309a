/**
 * The site rule list of the options page: one row per site with its rule and a Remove button, and a form that adds
 * a rule from a site name or a pasted address. An "always" rule needs access to that site unless auto mode already
 * has access to all sites, so the form asks for it first (synchronously in the submit handler, as Firefox requires)
 * and keeps nothing if the user says no.
 *
 * Rows are kept by host between redraws, so a redraw caused elsewhere (another tab, sync) never takes keyboard focus
 * away from a button that is still there.
 */
import { requestSite } from '../shared/auto-access.js';
import { t } from '../shared/browser.js';
import { MAX_SITE_RULES, setSiteRule, TooManySiteRulesError, type SiteRule } from '../shared/settings.js';
import { normalizeHost, SITE_RULES, siteRulesFit, type SiteRules } from '../shared/site-rules.js';
import { $, type OptionsPage } from './page.js';

// Literal keys, so the locale test (tests/unit/locales.test.ts) sees each one.
const ruleText = (rule: SiteRule): string => (rule === 'always' ? t('ruleAlways') : t('ruleNever'));

export interface SiteRulesControl {
  render(): void;
}

/** What the add form would store, or why it cannot: decided synchronously, before any permission request. */
export type RuleInput =
  | { ok: true; host: string; rule: SiteRule }
  | { ok: false; error: 'empty' | 'invalid' | 'too-many' };

export function parseRuleInput(text: string, ruleValue: string, rules: SiteRules): RuleInput {
  if (!text.trim()) return { ok: false, error: 'empty' };
  const host = normalizeHost(text);
  if (!host) return { ok: false, error: 'invalid' };
  const rule = (SITE_RULES as readonly string[]).includes(ruleValue) ? (ruleValue as SiteRule) : 'never';
  if (!siteRulesFit({ ...rules, [host]: rule })) return { ok: false, error: 'too-many' };
  return { ok: true, host, rule };
}

/** Whether an "always" rule must ask for access to its site: unless auto mode is on with access to all sites. */
export function needsSiteAccess(rule: SiteRule, page: Pick<OptionsPage, 'settings' | 'allSites'>): boolean {
  return rule === 'always' && !(page.settings.autoMode === 'news' && page.allSites);
}

function errorText(error: 'empty' | 'invalid' | 'too-many'): string {
  switch (error) {
    case 'empty':
      return t('optionsRuleEmptyHost');
    case 'invalid':
      return t('optionsRuleInvalidHost');
    case 'too-many':
      return t('optionsRuleTooMany', String(MAX_SITE_RULES));
  }
}

export function mountSiteRules(page: OptionsPage, root: ParentNode = document): SiteRulesControl {
  const ui = {
    table: $<HTMLTableElement>('#rules-table', root),
    body: $<HTMLTableSectionElement>('#rules-body', root),
    empty: $<HTMLElement>('#rules-empty', root),
    form: $<HTMLFormElement>('#rule-form', root),
    host: $<HTMLInputElement>('#rule-host', root),
    kind: $<HTMLSelectElement>('#rule-kind', root),
    add: $<HTMLButtonElement>('#rule-add', root),
    error: $<HTMLElement>('#rule-error', root),
  };
  const rows = new Map<string, HTMLTableRowElement>();

  function row(host: string): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.dataset.host = host;
    const name = document.createElement('th');
    name.scope = 'row';
    name.className = 'rule-host';
    name.textContent = host;
    const rule = document.createElement('td');
    rule.className = 'rule-kind';
    const actions = document.createElement('td');
    actions.className = 'rule-actions';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'button button-small';
    remove.textContent = t('optionsRuleRemove');
    remove.setAttribute('aria-label', t('optionsRuleRemoveLabel', host));
    remove.addEventListener('click', () => void removeRule(host));
    actions.append(remove);
    tr.append(name, rule, actions);
    return tr;
  }

  function render(): void {
    const rules = page.settings.siteRules;
    const hosts = Object.keys(rules).sort();
    for (const [host, tr] of rows) {
      if (!(host in rules)) {
        tr.remove();
        rows.delete(host);
      }
    }
    hosts.forEach((host, index) => {
      const tr = rows.get(host) ?? row(host);
      rows.set(host, tr);
      const cell = tr.querySelector<HTMLElement>('.rule-kind');
      const rule = rules[host];
      if (cell && rule) {
        cell.textContent = ruleText(rule);
        cell.dataset.rule = rule;
      }
      // Only rows out of place move: moving a node takes focus off the button inside it.
      const here = ui.body.children[index] ?? null;
      if (here !== tr) ui.body.insertBefore(tr, here);
    });
    ui.table.hidden = hosts.length === 0;
    ui.empty.hidden = hosts.length > 0;
  }

  function showError(text: string): void {
    ui.error.textContent = text;
    ui.host.setAttribute('aria-invalid', 'true');
  }
  function clearError(): void {
    ui.error.textContent = '';
    ui.host.removeAttribute('aria-invalid');
  }

  async function removeRule(host: string): Promise<void> {
    const order = [...rows.keys()];
    const index = order.indexOf(host);
    try {
      await page.serially(() => setSiteRule(host, null));
      await page.reload();
    } catch (error) {
      console.error('Clearpage: removing the site rule failed:', error);
      page.announce(t('optionsSaveFailed'));
      return;
    }
    page.announce(t('optionsRuleRemoved', host));
    // The focused button is gone with its row: go on to the next row's button, else the previous one, else the form.
    const next = order.slice(index + 1).concat(order.slice(0, index).reverse()).find((h) => rows.has(h));
    const target = next ? rows.get(next)?.querySelector('button') : null;
    (target ?? ui.host).focus();
  }

  async function addRule(host: string, rule: SiteRule, access: Promise<boolean>): Promise<void> {
    ui.add.disabled = true;
    try {
      let granted = false;
      try {
        granted = await access;
      } catch (error) {
        console.error('Clearpage: the request for access to the site failed:', error);
      }
      if (!granted) {
        showError(t('optionsRuleAccessRefused', host));
        return;
      }
      await page.serially(() => setSiteRule(host, rule));
      await page.reload();
      clearError();
      ui.host.value = '';
      page.announce(rule === 'always' ? t('optionsRuleAddedAlways', host) : t('optionsRuleAddedNever', host));
    } catch (error) {
      if (error instanceof TooManySiteRulesError) showError(errorText('too-many'));
      else {
        console.error('Clearpage: saving the site rule failed:', error);
        showError(t('optionsSaveFailed'));
      }
    } finally {
      ui.add.disabled = false;
    }
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = parseRuleInput(ui.host.value, ui.kind.value, page.settings.siteRules);
    if (!input.ok) {
      showError(errorText(input.error));
      ui.host.focus();
      return;
    }
    // Synchronously, in the event handler: Firefox refuses permissions.request after an await.
    let access: Promise<boolean>;
    try {
      access = needsSiteAccess(input.rule, page) ? requestSite(input.host) : Promise.resolve(true);
    } catch (error) {
      access = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    void addRule(input.host, input.rule, access);
  });
  ui.host.addEventListener('input', () => {
    if (ui.error.textContent) clearError();
  });

  render();
  return { render };
}
