/**
 * The extraction budget: how much page the core agrees to work through before it gives up cleanly. A hostile or
 * huge page (hundreds of thousands of elements, a document that takes seconds to walk) must not freeze the tab;
 * the user is told the page is too large instead (issue 6).
 *
 * Pure: the core reads no clock of its own. The caller with a user waiting (the content script) passes `now`;
 * without one only the element limits apply, so the CLI and the jsdom unit tests never depend on how busy the
 * machine is. Tests drive time with a fake clock. Time is measured between the
 * pipeline's steps, not inside them: a step that started under the limit runs to its end. The element limits
 * are what keep a single step short (Readability also stops at `maxRegionElements`, see extract.ts).
 */

/** Why extraction stopped: too many elements, or too much time spent. */
export type BudgetExceeded = 'nodes' | 'time';

export interface BudgetLimits {
  /** Elements on the whole page (<html> and all under it): detection and metadata walk it all, so this bounds that walk. */
  maxBodyElements: number;
  /** Elements in the article region (or the body when there is none): what the clone, rules and Readability see. */
  maxRegionElements: number;
  /** Milliseconds from the start of extraction, checked between steps. */
  maxMillis: number;
}

/**
 * The defaults. The largest page of the test corpus has a few thousand elements and extracts in well under
 * 200 ms in a browser (tests/unit/core-budget.test.ts checks every fixture stays far below), so these only stop
 * pages a reader view cannot usefully show anyway. 1.5 s is about where a frozen tab starts to feel broken.
 */
export const DEFAULT_BUDGET: BudgetLimits = {
  maxBodyElements: 300_000,
  maxRegionElements: 100_000,
  maxMillis: 1500,
};

/** Thrown by a budget check; extract.ts turns it into `ArticleResult.budgetExceeded`. */
export class BudgetExceededError extends Error {
  constructor(readonly reason: BudgetExceeded, detail: string) {
    super(`extraction budget exceeded (${reason}): ${detail}`);
    this.name = 'BudgetExceededError';
  }
}

export interface Budget {
  readonly limits: BudgetLimits;
  /** Throws when more than `maxMillis` passed since the budget started; `step` names where, for the message. */
  checkTime(step: string): void;
  /** Throws when `root` holds more than `max` elements. */
  checkElements(root: Element, max: number, what: string): void;
}

/** How many elements `root` holds. `getElementsByTagName` counts natively, without building an array. */
export function countElements(root: Element): number {
  return root.getElementsByTagName('*').length;
}

/** Starts a budget now; without a clock, `checkTime` never throws. */
export function startBudget(limits: Partial<BudgetLimits> = {}, now?: () => number): Budget {
  const full: BudgetLimits = { ...DEFAULT_BUDGET, ...limits };
  const started = now?.() ?? 0;
  return {
    limits: full,
    checkTime(step) {
      if (!now) return;
      const spent = now() - started;
      if (spent > full.maxMillis) throw new BudgetExceededError('time', `${Math.round(spent)} ms after ${step}`);
    },
    checkElements(root, max, what) {
      const count = countElements(root);
      if (count > max) throw new BudgetExceededError('nodes', `${count} elements in ${what} (limit ${max})`);
    },
  };
}
