// `--help` lists every flag (with its variable) and every option (with its default), and the
// package README shows exactly that text, so the two cannot drift apart.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { FLAGS } from '../../src/cli/flags'
import { helpText } from '../../src/cli/help'
import { OPTION_SPECS } from '../../src/options/sandbox-options'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('livechat-sandbox --help', () => {
  test('names every flag with its variable and every option with its default', () => {
    const help = helpText()
    for (const flag of FLAGS) {
      expect(help).toContain(`--${flag.name}`)
      if ('env' in flag) expect(help).toContain(`[${flag.env}]`)
    }
    for (const [name, spec] of Object.entries(OPTION_SPECS))
      expect(help).toContain(`  ${name}=${String(spec.default)}`)
  })

  test('the README shows the same text', () => {
    const block = /<!-- help:start -->\s*```text\n([\s\S]*?)```\s*<!-- help:end -->/.exec(
      README,
    )?.[1]
    expect(block, 'README.md needs the --help output between the help markers').toBeDefined()
    // To update it: npm run readme -w packages/sandbox
    expect(block).toBe(helpText())
  })
})
