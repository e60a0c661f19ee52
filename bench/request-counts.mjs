// API requests per workspace page, counted by the sandbox's request log: on the first visit in a
// session and on a revisit (away to a request-free page and back, inside the SPA).
// A first visit that sends the same method + path + body twice is flagged as a duplicate.
/* global window, history, PopStateEvent */
import { APP, SANDBOX, sandboxControl } from './servers.mjs'
import { CHAT_ROW, signIn } from './sign-in.mjs'

/** The not-found page inside the workspace: no API requests of its own, to step away to. */
const AWAY = '/bench-away'

/** Client-side navigation, as a NavLink click does it (React Router listens to popstate). */
async function spaNavigate(page, path) {
  await page.evaluate((to) => {
    history.pushState(null, '', to)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }, path)
}

/** Waits until no request has been in flight for `quietMs` (and at least `quietMs`). */
async function settle(tracker, quietMs = 400, maxMs = 10_000) {
  const deadline = Date.now() + maxMs
  while (Date.now() < deadline) {
    for (const request of tracker.pending) {
      if (request.frame().page().isClosed()) tracker.pending.delete(request)
    }
    if (tracker.pending.size === 0 && Date.now() - tracker.lastChange >= quietMs) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function visit(page, tracker, path) {
  await sandboxControl('/requests', {}, 'DELETE')
  tracker.sent = []
  // A request of a closed popup never reports its end: only this visit's requests are waited for.
  tracker.pending.clear()
  tracker.lastChange = Date.now()
  await spaNavigate(page, path)
  await page.waitForURL((url) => url.pathname === path)
  await page.waitForTimeout(100)
  await settle(tracker)
  const { requests } = await sandboxControl('/requests', {}, 'GET')
  const seen = new Map()
  for (const r of tracker.sent) {
    const key = `${r.method} ${r.path} ${r.body}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key.trim()} ×${n}`)
  return {
    count: requests.length,
    requests: requests.map((r) => `${r.method} ${r.path}`),
    duplicates,
  }
}

export async function measureRequests(browser) {
  await sandboxControl('/reset')
  await sandboxControl('/latency', { ms: 0 })
  const context = await browser.newContext()
  const tracker = { pending: new Set(), lastChange: Date.now(), sent: [] }
  const onSandbox = (request) => request.url().startsWith(SANDBOX)
  // Every request (page chunks too: a page's API calls start after its chunk loads) keeps the
  // page unsettled; only the sandbox's are compared for duplicates.
  context.on('request', (request) => {
    tracker.pending.add(request)
    tracker.lastChange = Date.now()
    if (!onSandbox(request)) return
    tracker.sent.push({
      method: request.method(),
      path: new URL(request.url()).pathname,
      body: request.postData() ?? '',
    })
  })
  const done = (request) => {
    tracker.pending.delete(request)
    tracker.lastChange = Date.now()
  }
  context.on('requestfinished', done)
  context.on('requestfailed', done)
  try {
    const page = await context.newPage()
    await page.goto(`${APP}${AWAY}`)
    await page.getByRole('button', { name: /popup/i }).waitFor()
    await signIn(page, 'popup (token)')
    await page.waitForURL((url) => url.pathname === AWAY)
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    await settle(tracker)

    const results = []
    const measure = async (label, path) => {
      const first = await visit(page, tracker, path)
      await visit(page, tracker, AWAY)
      const revisit = await visit(page, tracker, path)
      results.push({ page: label, path, firstVisit: first, revisit })
      return path
    }
    await measure('Home', '/')
    await measure('Chats', '/chats')
    await page.locator(CHAT_ROW).first().waitFor()
    const chatHref = await page
      .locator(`${CHAT_ROW} a[href^="/chats/"]`)
      .first()
      .getAttribute('href')
    if (chatHref) {
      await measure('Chat', chatHref)
      const customerHref = await page
        .locator('a[href^="/customers/"]')
        .first()
        .getAttribute('href', { timeout: 5_000 })
        .catch(() => null)
      if (customerHref) await measure('Customer', customerHref)
    }
    await measure('Archives', '/archives')
    await measure('Team', '/team')
    await measure('Supervisor', '/supervisor')
    await measure('Session', '/session')
    return results
  } finally {
    await context.close()
  }
}
