// axe-core run inside the page (injected as a script tag: the dev server has no CSP), shared by
// every spec that checks accessibility.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8')

/** The page's axe violations as `rule-id (node count): the first nodes' selectors`. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>
        }
      }
    ).axe
    const result = await axe.run()
    return result.violations.map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    )
  })
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([])
}
