// `npm test`: type check, lint, format check, byte budgets of the production build, unit + sandbox
// conformance (Vitest), real-browser tests (Playwright in Debian Chromium). Every stage runs even
// if an earlier one fails, and the last line is the total over all suites: `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const node = process.execPath
let passed = 0
let failed = 0
let skipped = 0

function stage(name, args, { env = {} } = {}) {
  console.log(`\n=== ${name} ===`)
  const result = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

// 1. Type check (the repository, then the auth package alone: its sources must not lean on the
// app's types), lint and the format check (Prettier, `npm run format` fixes it) count as one
// check each.
for (const [name, args] of [
  ['typecheck', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']],
  [
    'typecheck (packages/auth)',
    ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'packages/auth/tsconfig.json'],
  ],
  ['lint', ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']],
  ['format check', ['node_modules/prettier/bin/prettier.cjs', '--check', '.']],
]) {
  if (stage(name, args)) passed += 1
  else failed += 1
}

// 2. Byte budgets (bench/budgets.json): deterministic, so a regression fails CI. Each budget
// line counts as one check.
console.log('\n=== byte budgets (production build, gzip) ===')
const budget = spawnSync(node, ['bench/budget.mjs'], { encoding: 'utf8' })
process.stdout.write(budget.stdout ?? '')
process.stderr.write(budget.stderr ?? '')
const budgetLines = (budget.stdout ?? '').split('\n')
const budgetsMet = budgetLines.filter((line) => line.startsWith('ok ')).length
const budgetsOver = budgetLines.filter((line) => line.startsWith('OVER')).length
passed += budgetsMet
failed += budgetsOver
if (budget.status !== 0 && budgetsOver === 0) failed += 1

// 3. Unit and sandbox conformance tests.
rmSync('test-results/vitest.json', { force: true })
const vitestOk = stage('unit + sandbox conformance (vitest)', [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
])
if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  // A file that fails to load has no test results: count it as a failure.
  if (!vitestOk && (report.numFailedTests ?? 0) === 0) failed += 1
} else if (!vitestOk) {
  failed += 1
}

// 4. Real-browser tests: make sure Chromium is there, then Playwright.
if (stage('browser check', ['scripts/ensure-browser.mjs'])) {
  rmSync('test-results/playwright.json', { force: true })
  const e2eOk = stage('browser tests (playwright, chromium)', [
    'node_modules/@playwright/test/cli.js',
    'test',
  ])
  if (existsSync('test-results/playwright.json')) {
    const stats = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')).stats ?? {}
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0)
    failed += stats.unexpected ?? 0
    skipped += stats.skipped ?? 0
    if (!e2eOk && (stats.unexpected ?? 0) === 0) failed += 1
  } else if (!e2eOk) {
    failed += 1
  }
} else {
  failed += 1
}

console.log('')
if (skipped) console.log(`(${skipped} skipped)`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
