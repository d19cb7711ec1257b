/** axe-core's WCAG 2.2 AA checks on a page, run in the page (the context must bypass its CSP). */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Each violation as "rule: the first offending element", so a failure says where to look. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })) as { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    return result.violations.map(
      (violation) => `${violation.id}: ${JSON.stringify(violation.nodes[0]?.target)}`,
    );
  });
}
