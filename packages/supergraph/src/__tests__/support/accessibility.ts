import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core, read once: evaluated into a page through the browser's debugging protocol, which the app's CSP does not govern. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One WCAG rule a page breaks, and where (CSS selectors of the elements). */
export interface AccessibilityViolation {
  readonly rule: string;
  readonly impact: string | null;
  readonly help: string;
  readonly elements: ReadonlyArray<string>;
}

/**
 * What axe-core finds against WCAG 2.1 A and AA on the page as it is now (labels, names, landmarks, ARIA, colour
 * contrast…): an empty list when it finds nothing. Assert it on each page a suite visits, in each state worth
 * seeing (a listbox open, an error shown).
 */
export async function accessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      elements: violation.nodes.map((node) => node.target.join(' ')),
    })))`);
}
