// "Lighthouse-equivalent" page load of the production build in the same Chromium: performance
// (FCP, LCP, TBT, CLS, transfer bytes → Lighthouse's desktop scoring), accessibility (axe-core),
// and a checklist of best practices. Lighthouse needs Node 22; this project runs on Node 20.
/* global window, document, location, axe */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './bytes.mjs'
import { accessibilityScore, bestPracticesScore, performanceScore } from './lighthouse-scores.mjs'
import { APP, sandboxControl } from './servers.mjs'
import { CHAT_ROW, signIn } from './sign-in.mjs'
import { median } from './sign-in-timing.mjs'

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')

/** Observers installed before any page script, so buffered entries are not missed. */
const OBSERVERS_SCRIPT = `(() => {
  const lh = (window.__lh = { lcp: 0, shifts: [], longTasks: [], deprecations: [] })
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true })
    } catch {}
  }
  observe('largest-contentful-paint', (e) => { lh.lcp = e.startTime })
  observe('layout-shift', (e) => { if (!e.hadRecentInput) lh.shifts.push([e.startTime, e.value]) })
  observe('longtask', (e) => { lh.longTasks.push([e.startTime, e.duration]) })
  try {
    new ReportingObserver((reports) => {
      for (const r of reports) lh.deprecations.push(r.body && (r.body.id || r.body.message))
    }, { types: ['deprecation'], buffered: true }).observe()
  } catch {}
})()`

/** Lighthouse's CLS: the largest session window (gaps < 1 s, windows ≤ 5 s) of layout shifts. */
function cumulativeLayoutShift(shifts) {
  let best = 0
  let current = 0
  let windowStart = -Infinity
  let last = -Infinity
  for (const [at, value] of shifts) {
    if (at - last > 1000 || at - windowStart > 5000) {
      current = 0
      windowStart = at
    }
    current += value
    last = at
    best = Math.max(best, current)
  }
  return best
}

async function collectPerformance(page, requests) {
  const raw = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    ...window.__lh,
  }))
  // Lighthouse's TBT counts long tasks between FCP and TTI; here, from FCP to the end of the wait.
  const tbt = raw.longTasks
    .filter(([start]) => start >= (raw.fcp ?? 0))
    .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0)
  let transferBytes = 0
  for (const request of requests) {
    const sizes = await request.sizes().catch(() => null)
    if (sizes) transferBytes += sizes.responseHeadersSize + sizes.responseBodySize
  }
  return {
    fcp: raw.fcp,
    lcp: raw.lcp || raw.fcp,
    tbt,
    cls: cumulativeLayoutShift(raw.shifts),
    transferBytes,
    deprecations: raw.deprecations,
  }
}

async function bestPractices(page, response, consoleErrors, deprecations) {
  const headers = response ? await response.allHeaders() : {}
  const csp = headers['content-security-policy'] ?? ''
  const dom = await page.evaluate(() => ({
    protocol: location.protocol,
    hostname: location.hostname,
    doctype: document.doctype?.name ?? null,
    charset: document.characterSet,
    images: [...document.images]
      .filter((img) => img.naturalWidth && img.clientWidth)
      .map((img) => ({
        src: img.currentSrc,
        natural: img.naturalWidth / img.naturalHeight,
        shown: img.clientWidth / img.clientHeight,
      })),
  }))
  const badImages = dom.images.filter(
    (img) => Math.abs(img.natural - img.shown) / img.natural > 0.05,
  )
  return [
    {
      check: 'served over HTTPS (or from localhost)',
      pass: dom.protocol === 'https:' || ['localhost', '127.0.0.1'].includes(dom.hostname),
    },
    {
      check: 'no errors logged to the console',
      pass: consoleErrors.length === 0,
      detail: consoleErrors.slice(0, 3),
    },
    { check: 'Content-Security-Policy header present', pass: csp.length > 0 },
    {
      check: 'clickjacking protection (CSP frame-ancestors or X-Frame-Options)',
      pass: /frame-ancestors/.test(csp) || Boolean(headers['x-frame-options']),
    },
    {
      check: 'no deprecated APIs used (ReportingObserver)',
      pass: deprecations.length === 0,
      detail: deprecations,
    },
    { check: 'HTML doctype', pass: dom.doctype === 'html' },
    { check: 'charset declared (UTF-8)', pass: dom.charset === 'UTF-8' },
    {
      check: 'images shown at their aspect ratio',
      pass: badImages.length === 0,
      detail: badImages.map((img) => img.src),
    },
  ]
}

async function accessibility(page) {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))
  })
  return { score: accessibilityScore(violations), violations }
}

/** One measured load of `path` in `context`; `ready` waits for the page's content. */
async function loadOnce(context, path, ready, { audits }) {
  const page = await context.newPage()
  const requests = []
  const consoleErrors = []
  page.on('request', (request) => requests.push(request))
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
  try {
    const response = await page.goto(`${APP}${path}`)
    try {
      await ready(page)
    } catch (error) {
      const text = await page
        .locator('main')
        .innerText()
        .catch(() => '')
      throw new Error(
        `${path}: content never showed (page says: ${text.slice(0, 200)}); ${error.message}`,
      )
    }
    // Long tasks and late shifts after the content appears still count.
    await page.waitForTimeout(1000)
    const perf = await collectPerformance(page, requests)
    if (!audits) return { perf }
    const checks = await bestPractices(page, response, consoleErrors, perf.deprecations)
    return { perf, checks, a11y: await accessibility(page) }
  } finally {
    await page.close()
  }
}

/** `contextFor(run)` gives the browser context of each run: fresh (cold cache) or shared. */
async function measurePage(contextFor, label, path, ready, runs) {
  const samples = []
  let audited = null
  for (let i = 0; i < runs; i += 1) {
    const { context, done } = await contextFor(i)
    try {
      const result = await loadOnce(context, path, ready, { audits: i === 0 })
      samples.push(result.perf)
      if (i === 0) audited = result
    } finally {
      await done()
    }
  }
  const pick = (key) => median(samples.map((s) => s[key]))
  const perf = {
    fcp: pick('fcp'),
    lcp: pick('lcp'),
    tbt: pick('tbt'),
    cls: pick('cls'),
    transferBytes: pick('transferBytes'),
  }
  return {
    page: label,
    path,
    runs,
    performance: { score: performanceScore(perf), ...perf },
    accessibility: audited.a11y,
    bestPractices: { score: bestPracticesScore(audited.checks), checks: audited.checks },
  }
}

export const PAGE_LOAD_LATENCY_MS = 50

export async function measurePageLoad(browser, runs) {
  await sandboxControl('/reset')
  await sandboxControl('/latency', { ms: PAGE_LOAD_LATENCY_MS })
  const newContext = async () => {
    const context = await browser.newContext()
    await context.addInitScript(OBSERVERS_SCRIPT)
    return context
  }
  const context = await newContext()
  try {
    // A first visit: a fresh context, so a cold HTTP cache, every run.
    const signInPage = await measurePage(
      async () => {
        const fresh = await newContext()
        return { context: fresh, done: () => fresh.close() }
      },
      'Sign-in (first visit, cold cache)',
      '/sign-in',
      (page) => page.getByRole('button', { name: /popup/i }).waitFor(),
      runs,
    )
    // Sign in once: the accounts session lets each later load of /chats restore silently, as a
    // returning agent's does.
    const first = await context.newPage()
    await first.goto(`${APP}/chats`)
    await signIn(first, 'popup (token)')
    await first.locator(CHAT_ROW).first().waitFor()
    await first.close()
    const chatsPage = await measurePage(
      async () => {
        // LiveChat allows 3 authorize hits in 30 s per agent (the sandbox's redirectLimit) and
        // each silent restore is one: each load is "later", past that window.
        await sandboxControl('/clock', { advanceSeconds: 31 })
        return { context, done: async () => undefined }
      },
      'Chats (returning agent: warm cache, silent restore)',
      '/chats',
      (page) => page.locator(CHAT_ROW).first().waitFor({ timeout: 20_000 }),
      runs,
    )
    return [signInPage, chatsPage]
  } finally {
    await context.close()
    await sandboxControl('/latency', { ms: 0 }).catch(() => undefined)
  }
}
