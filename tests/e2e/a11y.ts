import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core: no serious or critical violation (WCAG 2.x A/AA rules and best practices), on the whole page or only
 * inside the given selectors (the extension's own elements on a portal page, whose own markup is not ours to judge).
 */
export async function expectAccessible(page: Page, only: string[] = []): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  for (const selector of only) builder = builder.include(selector);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    'serious/critical accessibility violations',
  ).toEqual([]);
}
