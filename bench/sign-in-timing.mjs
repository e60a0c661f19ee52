// Sign-in to first data in real Chromium with a fixed latency on every sandbox request: from the
// click to the token, to the validated session (/v2/info), to the first chat list painted, and
// the number of sequential round trips on that path, derived from the request timings.
import { tsImport } from 'tsx/esm/api'
import { APP, SANDBOX, sandboxControl } from './servers.mjs'
import { CHAT_ROW, FLOWS, signIn } from './sign-in.mjs'

export const LATENCY_MS = 50

// The round-trip and milestone definitions are the Flow lab's own (src/lab/model/sign-in-measures.ts),
// loaded through tsx: one implementation, so the lab and the bench count the same way.
const measures = await tsImport('../src/lab/model/sign-in-measures.ts', import.meta.url)
export const { longestChain } = measures

/** The protocol floor per flow (src/lab/model/sign-in-measures.ts, PROTOCOL_FLOORS). */
export const FLOORS = measures.PROTOCOL_FLOORS

/** Marks taken in every page and popup, in wall-clock ms like Playwright's request timings. */
const MARKS_SCRIPT = `(() => {
  const mark = (name, at) => {
    const send = () => (window.__benchMark ? window.__benchMark(name, at) : setTimeout(send, 5))
    send()
  }
  addEventListener('click', (event) => {
    const button = event.target && event.target.closest && event.target.closest('button')
    if (button && /^Sign in with/.test(button.textContent || '')) mark('click', Date.now())
  }, true)
  // The app's document coming back from LiveChat with the answer in its URL: the browser has
  // the token (or code) once the redirect carrying it arrived, when the document's own fetch
  // began (the time origin is earlier: the navigation started with the redirected form post).
  if (location.origin === ${JSON.stringify(APP)} && /[#&?](access_token|code|error)=/.test(location.href)) {
    const entry = performance.getEntriesByType('navigation')[0]
    mark('answer', Math.round(performance.timeOrigin + (entry ? entry.fetchStart : 0)))
  }
  addEventListener('message', (event) => {
    if (event.origin === ${JSON.stringify(SANDBOX)}) mark('message', Date.now())
  }, true)
  if (location.origin === ${JSON.stringify(APP)}) {
    const observer = new MutationObserver(() => {
      if (document.querySelector(${JSON.stringify(CHAT_ROW)})) {
        observer.disconnect()
        mark('painted', Date.now())
      }
    })
    observer.observe(document, { childList: true, subtree: true })
  }
})()`

/**
 * Each request's start and response end (wall-clock ms), from Playwright's timings. A popup that
 * closes itself right after posting its answer never reports its last response's end: the
 * arrival of its headers stands in (the page is a few hundred bytes).
 */
function timed(request) {
  const t = request.timing()
  const url = new URL(request.url())
  const done = t.responseEnd >= 0 ? t.responseEnd : t.responseStart
  const end = done >= 0 ? t.startTime + done : null
  return {
    method: request.method(),
    origin: url.origin,
    path: url.pathname,
    name: `${request.method()} ${url.origin === SANDBOX ? '' : url.origin}${url.pathname}`,
    start: t.startTime,
    end,
    agentAction: /\/v3\.\d+\/agent\/action\/(\w+)/.exec(url.pathname)?.[1] ?? null,
  }
}

/** A fresh context on a reset sandbox with LATENCY_MS, recording the page's marks and requests. */
async function markedContext(browser) {
  await sandboxControl('/reset')
  await sandboxControl('/latency', { ms: LATENCY_MS })
  const context = await browser.newContext()
  const marks = {}
  await context.exposeBinding('__benchMark', (_source, name, at) => {
    ;(marks[name] ??= []).push(at)
  })
  await context.addInitScript(MARKS_SCRIPT)
  const requests = []
  context.on('request', (request) => requests.push(request))
  return { context, marks, requests }
}

async function closeMarked(context) {
  await context.close()
  await sandboxControl('/latency', { ms: 0 }).catch(() => undefined)
}

/**
 * One run's figures from its start (the click, or the reload's navigation), the token's arrival,
 * the paint, its requests and their milestones: the round trips up to the first data's response
 * (browser and network clocks may differ by a millisecond), and where the time went.
 */
function row(start, token, painted, all, measured) {
  const { firstData } = measured
  const chain = measures.roundTrips(all, { liveChatOrigins: [SANDBOX], last: firstData })
  const chainAll = longestChain(
    all.filter((r) => r.end <= firstData.end),
    firstData,
  )
  return {
    clickToToken: measured.toToken,
    clickToValidated: measured.toValidated,
    clickToFirstData: measured.toFirstData,
    clickToPainted: painted - start,
    tokenToPainted: painted - token,
    roundTrips: chain.length,
    roundTripsInclAppAssets: chainAll.length,
    path: chain.map((r) => r.name),
    pathInclAppAssets: chainAll.map((r) => r.name),
    // Every request from the start to the paint, ms after the start: where the time goes.
    timeline: all
      .filter((r) => r.end <= painted + 5)
      .sort((a, b) => a.start - b.start)
      .map((r) => `${Math.round(r.start - start)}–${Math.round(r.end - start)} ${r.name}`),
  }
}

async function oneRun(browser, flowName) {
  const { context, marks, requests } = await markedContext(browser)
  try {
    const page = await context.newPage()
    // A deep link to the chats page: the app sends the agent to sign in and back there after.
    await page.goto(`${APP}/chats`)
    await page.getByRole('button', { name: /popup/i }).waitFor()
    // The agent reads the page first: the idle-time preloads (SDK, flows) are done by then.
    await page.waitForLoadState('networkidle')
    await signIn(page, flowName)
    await page.locator(CHAT_ROW).first().waitFor({ timeout: 20_000 })
    await page.waitForTimeout(100)

    const click = marks.click?.[0]
    const painted = marks.painted?.find((t) => t >= (click ?? 0))
    if (click === undefined || painted === undefined) throw new Error(`${flowName}: marks missing`)
    const all = requests.map(timed).filter((r) => r.end !== null && r.start >= click)
    const answer = Math.min(
      ...[...(marks.answer ?? []), ...(marks.message ?? [])].filter((t) => t >= click),
    )
    const measured = measures.milestones({
      click,
      answer: Number.isFinite(answer) ? answer : null,
      responseType: FLOWS[flowName].responseType,
      exchanges: all,
      isFirstData: (r) => r.agentAction === 'list_chats',
    })
    const { toToken, toValidated, firstData: listChats } = measured
    if (toToken === null || toValidated === null || !listChats) {
      const seen = JSON.stringify({ marks, toToken, toValidated, listChats: !!listChats })
      throw new Error(`${flowName}: path incomplete ${seen}`)
    }
    return row(click, click + toToken, painted, all, measured)
  } finally {
    await closeMarked(context)
  }
}

/** A returning agent: reload with a live LiveChat session, silent iframe restore (no click). */
export const RESTORE_FLOOR = {
  roundTrips: 2,
  path: 'authorize in a hidden iframe [postMessage token] → /v2/info ∥ first data',
}

async function oneRestore(browser) {
  const { context, marks, requests } = await markedContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${APP}/chats`)
    await page.getByRole('button', { name: /popup/i }).waitFor()
    await signIn(page, 'popup (token)')
    await page.locator(CHAT_ROW).first().waitFor({ timeout: 20_000 })
    // The reload: memory is gone, LiveChat's session is not.
    for (const key of Object.keys(marks)) delete marks[key]
    requests.length = 0
    await page.reload()
    await page.locator(CHAT_ROW).first().waitFor({ timeout: 20_000 })
    await page.waitForTimeout(100)
    const start = await page.evaluate(() => Math.round(performance.timeOrigin))
    const painted = marks.painted?.find((t) => t >= start)
    const answer = marks.message?.find((t) => t >= start) ?? null
    const all = requests.map(timed).filter((r) => r.end !== null && r.start >= start)
    const measured = measures.milestones({
      click: start,
      answer,
      responseType: 'token',
      exchanges: all,
      isFirstData: (r) => r.agentAction === 'list_chats',
    })
    const listChats = measured.firstData
    if (painted === undefined || measured.toToken === null || !listChats) {
      throw new Error(`silent restore: path incomplete ${JSON.stringify({ marks })}`)
    }
    return row(start, start + measured.toToken, painted, all, measured)
  } finally {
    await closeMarked(context)
  }
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (!sorted.length) return null
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const METRICS = [
  'clickToToken',
  'clickToValidated',
  'clickToFirstData',
  'clickToPainted',
  'tokenToPainted',
  'roundTrips',
  'roundTripsInclAppAssets',
]

export async function measureSignIn(browser, runs, log = console.log) {
  const results = []
  const RESTORE = 'silent restore (reload, no click)'
  for (const flowName of [...Object.keys(FLOWS), RESTORE]) {
    const samples = []
    let failures = 0
    for (let i = 0; i < runs; i += 1) {
      try {
        samples.push(await (flowName === RESTORE ? oneRestore(browser) : oneRun(browser, flowName)))
      } catch (error) {
        // One bad run (a slow machine, another process) is retried; a second one is a real problem.
        failures += 1
        log(`  ${flowName}: run ${i + 1} failed (${error.message}), retrying`)
        if (failures > Math.max(1, Math.floor(runs / 2))) throw error
        i -= 1
        continue
      }
      log(`  ${flowName}: run ${i + 1}/${runs}, ${Math.round(samples.at(-1).clickToPainted)} ms`)
    }
    const medians = Object.fromEntries(METRICS.map((m) => [m, median(samples.map((s) => s[m]))]))
    results.push({
      flow: flowName,
      runs,
      failedRuns: failures,
      latencyMs: LATENCY_MS,
      ...medians,
      floor: flowName === RESTORE ? RESTORE_FLOOR : FLOORS[flowName],
      overFloor:
        medians.roundTrips - (flowName === RESTORE ? RESTORE_FLOOR : FLOORS[flowName]).roundTrips,
      // The first run's path, to see which round trip is extra.
      path: samples[0].path,
      pathInclAppAssets: samples[0].pathInclAppAssets,
      timeline: samples[0].timeline,
      samples: samples.map((s) => Object.fromEntries(METRICS.map((m) => [m, s[m]]))),
    })
  }
  return results
}
