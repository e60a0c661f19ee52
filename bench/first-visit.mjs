// A new user's first visit to the sign-in page, in real Chromium with a cold cache: every script
// the page downloads until the network is idle, without a click — the part requested before the
// `load` event and the whole of it — as gzip bytes of the build's files. Compared with the files
// bench/budgets.json expects (the budget test in `npm test` adds up the same list statically).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSize } from './bytes.mjs'
import { APP, sandboxControl } from './servers.mjs'

function gzipOf(outDir, files) {
  return files.reduce((sum, file) => sum + gzipSize(readFileSync(join(outDir, file))), 0)
}

export async function measureFirstVisit(browser, outDir, expectedFiles) {
  await sandboxControl('/reset')
  // A fresh context: no cache, no LiveChat session (the silent restore finds none).
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${APP}/sign-in`, { waitUntil: 'load' })
    await page.getByRole('button', { name: /popup/i }).waitFor()
    // Idle-time preloads run after the load; then nothing more is asked for.
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1500)
    await page.waitForLoadState('networkidle')
    const scripts = await page.evaluate(() => {
      const loadAt = performance.getEntriesByType('navigation')[0]?.loadEventStart ?? Infinity
      return performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => ({
          file: new URL(entry.name).pathname.replace(/^\//, ''),
          beforeLoad: entry.startTime < loadAt,
        }))
    })
    const own = scripts.filter((s) => s.file.startsWith('assets/'))
    const all = [...new Set(own.map((s) => s.file))].sort()
    const beforeLoad = [...new Set(own.filter((s) => s.beforeLoad).map((s) => s.file))].sort()
    const expected = [...expectedFiles].sort()
    return {
      beforeLoad: { gzip: gzipOf(outDir, beforeLoad), files: beforeLoad },
      byNetworkIdle: { gzip: gzipOf(outDir, all), files: all },
      // The static list the budget test uses, and whether the browser fetched exactly it.
      expected,
      matchesExpected: JSON.stringify(all) === JSON.stringify(expected),
      sdkLoaded: all.some((file) => /accounts-sdk/.test(file)),
    }
  } finally {
    await context.close()
  }
}
