/**
 * What the parts of the options page share: the settings and the host access as last seen, a way to say something
 * in the status region, and saving. Handlers read `settings` and `allSites` synchronously because a permission
 * request must be made before the first `await` of a click handler (Firefox refuses it afterwards).
 */
import type { Settings, SettingsPatch } from '../shared/settings.js';

export interface OptionsPage {
  /** The settings as last read or written. */
  settings: Settings;
  /** Whether Clearpage holds the host permission for all sites, as last checked. */
  allSites: boolean;
  /** Says `text` in the page's status region (role="status"). */
  announce(text: string): void;
  /** Saves the patch, updates `settings`, redraws and says "Saved" (or that it failed). Resolves to success. */
  save(patch: SettingsPatch): Promise<boolean>;
  /**
   * Runs `write` after every write started before it. Settings are saved read-modify-write (saveSettings,
   * setSiteRule), so two quick changes must not both read the old value and the second undo the first.
   */
  serially<T>(write: () => Promise<T>): Promise<T>;
  /** Reads the settings again and redraws (after a write made through another helper, such as setSiteRule). */
  reload(): Promise<void>;
}

export function $<T extends HTMLElement>(selector: string, root: ParentNode = document): T {
  const node = root.querySelector<T>(selector);
  if (!node) throw new Error(`options.html lacks ${selector}`);
  return node;
}
