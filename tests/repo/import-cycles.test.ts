// No import cycles, type-only ones included: import-x/no-cycle (eslint.config.js) ignores
// `import type`, so this walks every relative import of the app, the packages and the tests.
import { describe, expect, it } from 'vitest'
import { importCycles, importGraph } from '../support/import-graph'
import { readText, trackedFiles } from '../support/repo-files'

const SOURCES = /^(src|tests|packages\/[^/]+\/(src|tests))\/.*\.tsx?$/

describe('import cycles', () => {
  it('there are none in src/, tests/ or the packages, counting type-only imports', () => {
    const files = trackedFiles(SOURCES)
    const graph = importGraph(new Map(files.map((file) => [file, readText(file)])))
    expect(graph.size).toBeGreaterThan(300)
    expect(importCycles(graph)).toEqual([])
  })

  it('finds a cycle made only of type imports, and one through a re-export', () => {
    const sources = new Map([
      ['src/a.ts', "import type { B } from './b'\nexport type A = { b: B }\n"],
      ['src/b.ts', "import type { A } from './a'\nexport type B = { a: A }\n"],
      ['src/c.ts', "export { D } from './d'\n"],
      ['src/d.tsx', "import { c } from './c'\nexport const D = c\n"],
      ['src/e.ts', "import { A } from './a'\n"],
    ])
    expect(importCycles(importGraph(sources))).toEqual([
      ['src/a.ts', 'src/b.ts'],
      ['src/c.ts', 'src/d.tsx'],
    ])
  })
})
