import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * Runs axe-core's WCAG 2 A and AA rules (colour contrast included) on what the page shows now, and
 * gives back one readable line per violation and element, so that a failing test names the rule,
 * what it asks for and where. An empty list is the passing answer.
 */
export async function wcagViolations(page: Page): Promise<string[]> {
  // The pointer rests where the last click left it; a hovered control is not what a reader sees.
  await page.mouse.move(0, 0);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }),
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id}: ${violation.help} — ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  );
}
