// The import graph of TypeScript sources by relative specifier, type-only imports included
// (eslint-plugin-import-x's no-cycle skips those), and its cycles.
import { posix } from 'node:path'

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts']

/** Each file's relative imports that resolve to another file of the set. */
export function importGraph(sources: ReadonlyMap<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const [file, text] of sources) {
    const targets: string[] = []
    for (const match of text.matchAll(SPECIFIER)) {
      const base = posix.join(posix.dirname(file), match[1] ?? match[2] ?? '')
      const target = EXTENSIONS.map((ext) => base + ext).find((path) => sources.has(path))
      if (target) targets.push(target)
    }
    graph.set(file, targets)
  }
  return graph
}

/** The strongly connected components with more than one file (or a file importing itself). */
export function importCycles(graph: ReadonlyMap<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the stack.
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work: [string, number][] = [[start, 0]]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length) {
      const frame = work[work.length - 1]!
      const [node, next] = frame
      const edges = graph.get(node) ?? []
      if (next < edges.length) {
        frame[1] += 1
        const to = edges[next]!
        if (!index.has(to)) {
          index.set(to, counter)
          low.set(to, counter++)
          stack.push(to)
          onStack.add(to)
          work.push([to, 0])
        } else if (onStack.has(to)) {
          low.set(node, Math.min(low.get(node)!, index.get(to)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!))
      if (low.get(node) !== index.get(node)) continue
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1 || edges.includes(node)) cycles.push(component.sort())
    }
  }
  return cycles
}
