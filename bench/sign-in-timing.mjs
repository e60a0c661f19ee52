// Sign-in to first data in real Chromium with a fixed latency on every sandbox request: from the
// click to the token, to the validated session (/v2/info), to the first chat list painted, and
// the number of sequential round trips on that path, derived from the request timings.
import { APP, SANDBOX, sandboxControl } from './servers.mjs'
import { CHAT_ROW, FLOWS, signIn } from './sign-in.mjs'

export const LATENCY_MS = 50

/**
 * The protocol floor per flow, in sequential round trips to LiveChat (accounts + API) from the
 * click to the first chat list, for a first sign-in (the sandbox is reset before each run). The
 * accounts part is the same for all: the authorize request that shows the sign-in page, the
 * sign-in POST that shows the consent page (the app is not private, so a first grant asks,
 * livechat-auth-protocol.md §8), the consent POST that delivers the answer. Code + PKCE must then
 * exchange the code (POST /v2/token) before it has a token. With a token, validating it
 * (GET /v2/info) and the first list_chats can run side by side: one round trip together.
 */
export const FLOORS = {
  'popup (token)': {
    roundTrips: 4,
    path: 'authorize → sign-in → consent [postMessage token] → /v2/info ∥ list_chats',
  },
  'popup (code + PKCE)': {
    roundTrips: 5,
    path: 'authorize → sign-in → consent [postMessage code] → /v2/token → /v2/info ∥ list_chats',
  },
  'redirect (token)': {
    roundTrips: 4,
    path: 'authorize → sign-in → consent [302 to the app, #token] → /v2/info ∥ list_chats',
  },
  'redirect (code + PKCE)': {
    roundTrips: 5,
    path: 'authorize → sign-in → consent [302 to the app, ?code] → /v2/token → /v2/info ∥ list_chats',
  },
  'implicit (no SDK)': {
    roundTrips: 4,
    path: 'authorize → sign-in → consent [302 to the app, #token] → /v2/info ∥ list_chats',
  },
}

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
  // the token (or code) from the moment that navigation started.
  if (location.origin === ${JSON.stringify(APP)} && /[#&?](access_token|code|error)=/.test(location.href))
    mark('answer', Math.round(performance.timeOrigin))
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

/**
 * The longest chain of requests where each started after the previous one's response ended,
 * ending at `last`: the sequential round trips on its path (an upper bound on what had to wait:
 * a request that merely started later also counts).
 */
export function longestChain(requests, last) {
  const sorted = [...requests].sort((a, b) => a.start - b.start)
  const best = new Map()
  for (const r of sorted) {
    let chain = [r]
    for (const q of sorted) {
      if (q === r || q.end === null || q.end > r.start) continue
      const before = best.get(q)
      if (before && before.length + 1 > chain.length) chain = [...before, r]
    }
    best.set(r, chain)
  }
  return best.get(last) ?? []
}

function firstAfter(list, at, test) {
  return list.filter((r) => r.start >= at && test(r)).sort((a, b) => a.start - b.start)[0] ?? null
}

async function oneRun(browser, flowName) {
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
    const code = FLOWS[flowName].responseType === 'code'
    const answer = Math.min(
      ...[...(marks.answer ?? []), ...(marks.message ?? [])].filter((t) => t >= click),
    )
    const exchange = code ? firstAfter(all, click, (r) => r.path === '/v2/token') : null
    const token = code ? exchange?.end : answer
    const info = firstAfter(all, token ?? click, (r) => r.path === '/v2/info')
    const listChats = firstAfter(all, answer, (r) => r.agentAction === 'list_chats')
    if (!Number.isFinite(token) || !info || !listChats) {
      const seen = JSON.stringify({ marks, token, info: !!info, listChats: !!listChats })
      throw new Error(`${flowName}: path incomplete ${seen}`)
    }
    // Up to the list_chats response (browser and network clocks may differ by a millisecond).
    const onPath = all.filter((r) => r.end <= listChats.end)
    const chain = longestChain(
      onPath.filter((r) => r.origin === SANDBOX),
      listChats,
    )
    const chainAll = longestChain(onPath, listChats)
    return {
      clickToToken: token - click,
      clickToValidated: info.end - click,
      clickToFirstData: listChats.end - click,
      clickToPainted: painted - click,
      tokenToPainted: painted - token,
      roundTrips: chain.length,
      roundTripsInclAppAssets: chainAll.length,
      path: chain.map((r) => r.name),
      pathInclAppAssets: chainAll.map((r) => r.name),
      // Every request from the click to the paint, ms after the click: where the time goes.
      timeline: all
        .filter((r) => r.end <= painted + 5)
        .sort((a, b) => a.start - b.start)
        .map((r) => `${Math.round(r.start - click)}–${Math.round(r.end - click)} ${r.name}`),
    }
  } finally {
    await context.close()
    await sandboxControl('/latency', { ms: 0 }).catch(() => undefined)
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
  for (const flowName of Object.keys(FLOWS)) {
    const samples = []
    let failures = 0
    for (let i = 0; i < runs; i += 1) {
      try {
        samples.push(await oneRun(browser, flowName))
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
      floor: FLOORS[flowName],
      overFloor: medians.roundTrips - FLOORS[flowName].roundTrips,
      // The first run's path, to see which round trip is extra.
      path: samples[0].path,
      pathInclAppAssets: samples[0].pathInclAppAssets,
      timeline: samples[0].timeline,
      samples: samples.map((s) => Object.fromEntries(METRICS.map((m) => [m, s[m]]))),
    })
  }
  return results
}
