// `npm run bench [-- --runs N]`: bytes of the production build and of the auth package in a fresh
// app, sign-in to first data in real Chromium, API requests per page, a Lighthouse-equivalent page
// load, and the live layer. Prints the tables and writes bench/results/latest.json and
// bench/results/latest.md. Uses the sandbox on :4010 — run it under the shared lock when other
// browser tests may run: `flock /tmp/pw.lock npm run bench`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { launchChromium } from './browser.mjs'
import { checkBudgets } from './budget.mjs'
import { buildApp, measureBuild, measureReferences, ROOT, tempDir } from './bytes.mjs'
import { measureFirstVisit } from './first-visit.mjs'
import { measureLive } from './live.mjs'
import { measurePageLoad } from './page-load.mjs'
import { measureQuickStart } from './quick-start.mjs'
import { toMarkdown, toText } from './report.mjs'
import { measureRequests } from './request-counts.mjs'
import { ensureServers } from './servers.mjs'
import { measureSignIn } from './sign-in-timing.mjs'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'bytes-only': { type: 'boolean', default: false },
  },
})
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer')

const log = (message) => console.error(message)
const nodeMajor = Number(process.versions.node.split('.')[0])

const result = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.versions.node,
    chromium: null,
  },
  runs,
  lighthouse: {
    available: false,
    // Checked with `npm view lighthouse engines` → { node: '>=22.19' } (Lighthouse 13.5.0).
    reason:
      nodeMajor >= 22
        ? 'Lighthouse is not a dependency of this project'
        : `Lighthouse needs Node >= 22.19, this is Node ${process.versions.node}`,
  },
  notes: [],
}

const outDir = tempDir('bench-build-')
let servers = null
let browser = null
try {
  log('building (vite build --mode sandbox --manifest)…')
  await buildApp(outDir)
  const budgets = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8'))
  const { indexHtml, ...measured } = measureBuild(outDir, {
    firstVisitLoads: budgets.firstVisitJs.alsoLoads,
  })
  log('building the reference bundles…')
  result.bytes = { ...measured, references: await measureReferences() }
  result.budgets = checkBudgets(measured, budgets)
  log('building the auth package and its quick start against bare React…')
  result.quickStart = await measureQuickStart()

  if (!values['bytes-only']) {
    servers = await ensureServers({ outDir, indexHtml })
    result.notes.push(...servers.notes)
    browser = await launchChromium()
    result.machine.chromium = browser.version()
    // A failing section is reported and the others still run; the exit code says so.
    const section = async (key, label, measure) => {
      log(`${label}…`)
      try {
        result[key] = await measure()
      } catch (error) {
        result.notes.push(`${label} FAILED: ${error.message.split('\n')[0]}`)
        process.exitCode = 1
      }
    }
    await section('firstVisit', 'first visit to the sign-in page (cold cache)', () =>
      measureFirstVisit(browser, outDir, measured.firstVisit.files),
    )
    await section('signInTiming', `sign-in to first data (${runs} runs per flow)`, () =>
      measureSignIn(browser, runs, log),
    )
    await section('requests', 'API requests per page', () => measureRequests(browser))
    await section('pageLoad', 'page load', () => measurePageLoad(browser, runs))
    await section('live', 'live layer (push → painted, reconnect, memory)', () =>
      measureLive(browser, runs),
    )
    result.notes.push(
      'Sign-in timings include the sandbox accounts pages clicked by Playwright (a few ms per click); token→painted is the app’s own share.',
      'Round trips are derived from Playwright request timings (a request that started after another’s response ended waited for it); CORS preflights are answered by the sandbox before its latency and log, so they are not counted.',
    )
  }
} finally {
  if (browser) await browser.close()
  servers?.stop()
  rmSync(outDir, { recursive: true, force: true })
}

const resultsDir = join(ROOT, 'bench/results')
mkdirSync(resultsDir, { recursive: true })
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`)
writeFileSync(join(resultsDir, 'latest.md'), toMarkdown(result))
console.log(toText(result))
console.log('\nwrote bench/results/latest.json and bench/results/latest.md')
