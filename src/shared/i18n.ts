/**
 * Localises an extension page: elements name their strings with `data-i18n` (text),
 * `data-i18n-aria-label`, `data-i18n-title` and `data-i18n-placeholder` (attributes); the English text in the HTML is
 * only a fallback.
 */
import { browser, t } from './browser.js';

export function localizePage(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  for (const node of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    if (node.dataset.i18n) node.textContent = t(node.dataset.i18n);
  }
  for (const node of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n-aria-label]'))) {
    if (node.dataset.i18nAriaLabel) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  }
  for (const node of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n-title]'))) {
    if (node.dataset.i18nTitle) node.setAttribute('title', t(node.dataset.i18nTitle));
  }
  for (const node of Array.from(doc.querySelectorAll<HTMLElement>('[data-i18n-placeholder]'))) {
    if (node.dataset.i18nPlaceholder) node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  }
}

/** The keyboard shortcut the user has for a manifest command ("Alt+Shift+R"), or null if none is set. */
export async function commandShortcut(name: string): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === name)?.shortcut || null;
  } catch {
    return null;
  }
}
