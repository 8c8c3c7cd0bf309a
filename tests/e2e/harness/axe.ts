import axe from 'axe-core';

/**
 * axe-core in a page the extension's CSP guards (script-src 'self'): the library goes in as an evaluated expression
 * through the automation protocol (CDP Runtime.evaluate, BiDi script.evaluate), which the page's CSP does not govern,
 * where a <script> tag or eval() in the page would be refused. `evaluateSource` is that door for each driver.
 */
export const AXE_SOURCE: string = axe.source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** "selector: failure summary" per offending node. */
  nodes: string[];
}

/** Runs every axe rule but the experimental ones (axe's default) on the whole document; returns the violations. */
export async function axeViolations(
  evaluateSource: (source: string) => Promise<unknown>,
  evaluate: <R>(fn: () => Promise<R>) => Promise<R>,
): Promise<AxeViolation[]> {
  await evaluateSource(`${AXE_SOURCE}\n;true`);
  return evaluate(async () => {
    // The global axe-core defines in the page; declared loosely here because this function runs there.
    const run = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ passes: unknown[]; violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await run.run(document, { resultTypes: ['violations'] });
    // A run that checked nothing (axe not loaded right, an empty document) must not pass as "no violations".
    if (!result.passes.length) throw new Error('axe-core passed no rule at all: it did not check the page');
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.map(String).join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  });
}
