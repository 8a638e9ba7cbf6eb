import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

/** Violations that keep someone from using the page fail the test; lesser ones are noted in the report. */
const BLOCKING = new Set(['serious', 'critical'])

/**
 * Runs axe (WCAG 2 A and AA rules) on the page as it is now (or only the part `include` selects), and fails
 * on any serious or critical violation, naming the rule, the elements and where to read about it
 * (docs/decisions/0010).
 */
export async function expectAccessible(page: Page, label: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa'])
  const { violations } = await (include ? builder.include(include) : builder).analyze()
  const describe = (v: (typeof violations)[number]) =>
    `${v.impact} ${v.id}: ${v.help} (${v.helpUrl}) at ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`
  for (const minor of violations.filter((v) => !BLOCKING.has(v.impact ?? ''))) test.info().annotations.push({ type: 'a11y', description: `${label}: ${describe(minor)}` })
  expect(violations.filter((v) => BLOCKING.has(v.impact ?? '')).map(describe), `axe on ${label}`).toEqual([])
}
