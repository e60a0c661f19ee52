// The byte budgets (bench/budgets.json) against a fresh production build: prints each budget
// and the actual size, exits 1 on any breach. Only a build and gzip, so `npm test` can run it.
// scripts/test.mjs counts the lines starting with `ok ` and `OVER`: keep that format.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildApp, measureBuild, ROOT, tempDir } from './bytes.mjs'

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`

/** Every budget as [label, actual, max]; a route that no longer exists is a breach too. */
export function checkBudgets(measured, budgets) {
  const rows = [
    ['sign-in initial JS (gzip)', measured.signIn.js.gzip, budgets.signInInitialJs.maxGzipBytes],
    [
      'sign-in first visit JS by network idle (gzip)',
      measured.firstVisit.gzip,
      budgets.firstVisitJs.maxGzipBytes,
    ],
    ['whole app JS + CSS (gzip)', measured.wholeApp.gzip, budgets.wholeApp.maxGzipBytes],
  ]
  for (const [src, budget] of Object.entries(budgets.routes)) {
    const route = measured.routes.find((r) => r.src === src)
    rows.push([`${budget.route} chunk (gzip)`, route?.chunk.gzip ?? NaN, budget.chunkMaxGzipBytes])
    rows.push([
      `${budget.route} with its imports (gzip)`,
      route?.withImports.gzip ?? NaN,
      budget.withImportsMaxGzipBytes,
    ])
  }
  for (const route of measured.routes) {
    if (!budgets.routes[route.src]) rows.push([`${route.route} (${route.src}): no budget`, NaN, 0])
  }
  return rows.map(([label, actual, max]) => ({ label, actual, max, ok: actual <= max }))
}

async function main() {
  const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8'))
  const outDir = tempDir('budget-build-')
  let results
  try {
    await buildApp(outDir)
    results = checkBudgets(
      measureBuild(outDir, { firstVisitLoads: budgets.firstVisitJs.alsoLoads }),
      budgets,
    )
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
  const width = Math.max(...results.map((r) => r.label.length))
  for (const r of results) {
    const actual = Number.isNaN(r.actual) ? 'missing' : kib(r.actual)
    console.log(
      `${r.ok ? 'ok  ' : 'OVER'}  ${r.label.padEnd(width)}  ${actual.padStart(10)} / ${kib(r.max)}` +
        // The bytes too: a budget a few bytes from its limit shows as "87.9 / 87.9 KiB".
        `  (${Number.isNaN(r.actual) ? '–' : r.actual} / ${r.max} B)`,
    )
  }
  const over = results.filter((r) => !r.ok)
  console.log(
    over.length
      ? `\n${over.length} byte budget(s) exceeded (bench/budgets.json)`
      : `\nAll ${results.length} byte budgets met`,
  )
  process.exit(over.length ? 1 : 0)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
