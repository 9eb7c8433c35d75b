import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './test-browser.ts';

/**
 * axe-core (https://github.com/dequelabs/axe-core, MPL-2.0), the accessibility engine, run in a real
 * browser over what Rasid shows (issue 15). Its source is loaded into the page or frame through the
 * driver's protocol (`evaluateScript`): extension pages forbid `eval` and inline scripts, and axe is a
 * test tool that Rasid never ships.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule broken, shortened for an assertion message. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** The first few elements, as CSS selectors. */
  nodes: string[];
}

/** The rules a page or frame breaks, by WCAG 2.1 A and AA and axe's best practices. */
export async function axeViolations(page: TestPage, frameUrl?: string): Promise<AxeViolation[]> {
  await page.evaluateScript(AXE_SOURCE, frameUrl);
  return (await page.evaluateScript(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact ?? null, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    })))`,
    frameUrl,
  )) as AxeViolation[];
}

/** What the issue allows none of: serious and critical violations. */
export const severe = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
