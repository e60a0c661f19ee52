// The README's quick start: the one tsx block of its `## Quick start` section, a complete
// src/main.tsx. The quick-start test runs it in a fresh app and the bench measures it, so the
// README cannot drift from either.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const README = resolve(import.meta.dirname, '../../README.md')

export function quickStartSource(readme = README) {
  const text = readFileSync(readme, 'utf8')
  const section = /^## Quick start\n([\s\S]*?)(?=^## )/m.exec(text)?.[1]
  if (!section) throw new Error('The README has no "## Quick start" section.')
  const blocks = [...section.matchAll(/^```tsx\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '')
  if (blocks.length !== 1)
    throw new Error(`The quick start has ${blocks.length} tsx blocks; it must have exactly one.`)
  return blocks[0]
}
