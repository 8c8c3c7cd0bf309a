import type { Surface } from './surface.js';

/** What has keyboard focus, and whether the user can see it. */
export interface FocusInfo {
  /** `#id`, else `[aria-label]`, else the tag name; null when nothing but <body> has focus. */
  name: string | null;
  /** The element matches :focus-visible. */
  focusVisible: boolean;
  /** Its computed outline (style and width) or box-shadow draws something. */
  indicator: boolean;
}

/** Page object for `options.html` (Chromium page or Firefox page, through a Surface). */
export class OptionsView {
  constructor(readonly surface: Surface) {}

  /** Waits until the page script has drawn the settings (the access line is filled in by then). */
  ready(): Promise<void> {
    return this.surface.waitFor(
      () => (document.querySelector('#access-text')?.textContent ?? '') !== '' &&
        document.querySelectorAll('#font-size option').length > 0,
      undefined,
      'the options page to draw the settings',
    );
  }

  /** The rule table's rows as the user sees them ("host: Rule"), in order. */
  rules(): Promise<string[]> {
    return this.surface.evaluate(
      () =>
        Array.from(document.querySelectorAll('#rules-body tr')).map(
          (tr) => `${tr.querySelector('th')?.textContent ?? ''}: ${tr.querySelector('.rule-kind')?.textContent ?? ''}`,
        ),
      undefined,
    );
  }

  waitForRules(expected: string[]): Promise<void> {
    return this.surface.waitFor(
      (want) =>
        JSON.stringify(
          Array.from(document.querySelectorAll('#rules-body tr')).map(
            (tr) => `${tr.querySelector('th')?.textContent ?? ''}: ${tr.querySelector('.rule-kind')?.textContent ?? ''}`,
          ),
        ) === JSON.stringify(want),
      expected,
      `the rule table to show ${JSON.stringify(expected)}`,
    );
  }

  /** `#access[data-access]`: granted | none | missing. */
  accessState(): Promise<string | null> {
    return this.surface.evaluate(() => document.querySelector<HTMLElement>('#access')?.dataset.access ?? null, undefined);
  }

  waitForAccess(state: string): Promise<void> {
    return this.surface.waitFor(
      (want) => document.querySelector<HTMLElement>('#access')?.dataset.access === want,
      state,
      `the access line to say "${state}"`,
    );
  }

  /** The value of the checked auto mode radio. */
  autoMode(): Promise<string | null> {
    return this.surface.evaluate(
      () => document.querySelector<HTMLInputElement>('input[name="auto-mode"]:checked')?.value ?? null,
      undefined,
    );
  }

  focus(): Promise<FocusInfo> {
    return this.surface.evaluate(() => {
      const el = document.activeElement;
      if (!(el instanceof HTMLElement) || el === document.body) return { name: null, focusVisible: false, indicator: false };
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      const label = el.getAttribute('aria-label');
      return {
        name: el.id ? `#${el.id}` : label ? `[aria-label="${label}"]` : el.tagName.toLowerCase(),
        focusVisible: el.matches(':focus-visible'),
        indicator: outline || shadow,
      };
    }, undefined);
  }

  /** Moves focus to the top of the page (nothing focused), as after a fresh load. */
  resetFocus(): Promise<void> {
    return this.surface.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    }, undefined);
  }
}
