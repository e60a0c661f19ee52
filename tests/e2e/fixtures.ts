// Shared pieces for the real-browser tests: a fresh sandbox per test, console capture, the
// sign-in steps a person takes on the sandbox's accounts pages, and the token-leak sweep.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'

export const SANDBOX = 'http://localhost:4010'
export const DEV = 'http://localhost:5173'
export const PREVIEW = 'http://localhost:4173'

export const PERSONAS = {
  olivia: { name: 'Olivia Owner', email: 'olivia@acme.test' },
  adam: { name: 'Adam Admin', email: 'adam@acme.test' },
  nina: { name: 'Nina Agent', email: 'nina@acme.test' },
  sam: { name: 'Sam Support', email: 'sam@acme.test' },
  maya: { name: 'Maya Partner', email: 'maya@partner.test' },
} as const
export type PersonaKey = keyof typeof PERSONAS

export async function sandboxControl(
  path: string,
  body: unknown = {},
  method = 'POST',
): Promise<unknown> {
  const response = await fetch(`${SANDBOX}/sandbox${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`sandbox ${path}: HTTP ${response.status}`)
  return response.json()
}

interface SeenRequest {
  url: string
  referer: string
}
/** Every request the test's pages made (popups included), for the Referer part of the sweep. */
const requestsSeen = new WeakMap<Page, SeenRequest[]>()
/** The page's WebSocket URLs and the frames it sent (the RTM socket), for the sweep. */
const socketsSeen = new WeakMap<Page, { urls: string[]; frames: string[] }>()

/** Records what the leak sweep checks of a page: its requests' Referers, its WebSockets. */
export function watchForLeaks(page: Page): void {
  const seen: SeenRequest[] = []
  page.context().on('request', (request) => {
    seen.push({ url: request.url(), referer: request.headers()['referer'] ?? '' })
  })
  requestsSeen.set(page, seen)
  const sockets = { urls: [] as string[], frames: [] as string[] }
  page.on('websocket', (socket) => {
    sockets.urls.push(socket.url())
    socket.on('framesent', ({ payload }) => sockets.frames.push(String(payload)))
  })
  socketsSeen.set(page, sockets)
}

/**
 * The frames sent, minus the one place a token belongs: the `token` of `login` and
 * `update_session` (docs/livechat/rtm.md#login-and-heartbeat, docs/livechat/rtm.md#token-renewal-and-logout).
 */
function framesWithoutTheirToken(frames: readonly string[]): string {
  return frames
    .map((frame) => {
      try {
        const parsed = JSON.parse(frame) as { action?: string; payload?: { token?: unknown } }
        if ((parsed.action === 'login' || parsed.action === 'update_session') && parsed.payload)
          delete parsed.payload.token
        return JSON.stringify(parsed)
      } catch {
        return frame
      }
    })
    .join('\n')
}

interface Fixtures {
  consoleLines: string[]
}

export const test = base.extend<Fixtures>({
  consoleLines: async ({ page }, use) => {
    const lines: string[] = []
    page.on('console', (message) => lines.push(message.text()))
    page.on('pageerror', (error) => lines.push(`pageerror: ${error.message}`))
    await use(lines)
  },
  page: async ({ page }, use) => {
    await sandboxControl('/reset')
    watchForLeaks(page)
    await use(page)
  },
})
export { expect }

/** On the sandbox's accounts page: pick the persona, then Allow if the consent page shows. */
export async function completeAccountsSignIn(
  accounts: Page,
  persona: PersonaKey,
  consent: 'Allow' | 'Deny' = 'Allow',
) {
  await accounts.getByRole('button', { name: PERSONAS[persona].name, exact: true }).click()
  const consentButton = accounts.getByRole('button', { name: consent, exact: true })
  // The consent page appears on first grant only; without it the page posts and closes itself.
  await Promise.race([
    consentButton.click({ timeout: 5000 }).catch(() => undefined),
    accounts.waitForEvent('close', { timeout: 5000 }).catch(() => undefined),
  ])
}

/** Clicks the sign-in page's popup button and returns the window it opened. */
export async function openSignInPopup(page: Page): Promise<Page> {
  const popup = page.waitForEvent('popup')
  await page.getByRole('button', { name: /popup/i }).click()
  return popup
}

/** Signs in through the app's popup button, as a person would. */
export async function signInWithPopup(page: Page, persona: PersonaKey) {
  const popup = await openSignInPopup(page)
  await completeAccountsSignIn(popup, persona)
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 10_000 })
}

/** Signs in through a full-page flow (redirect or implicit) as a person would. */
export async function signInWithRedirect(
  page: Page,
  flow: 'redirect' | 'implicit',
  persona: PersonaKey,
) {
  await page.getByRole('button', { name: new RegExp(flow, 'i') }).click()
  await page.waitForURL((url) => url.origin === SANDBOX)
  await page.getByRole('button', { name: PERSONAS[persona].name, exact: true }).click()
  const allow = page.getByRole('button', { name: 'Allow', exact: true })
  if (await allow.isVisible({ timeout: 2000 }).catch(() => false)) await allow.click()
  await page.waitForURL((url) => url.origin !== SANDBOX)
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible({ timeout: 10_000 })
}

/**
 * The token-leak sweep: none of the secrets may be in web storage, app-origin cookies,
 * IndexedDB, the URL, this tab's history entries or the console (issue 3; SECURITY.md #24–#26),
 * nor in a WebSocket URL or any frame sent but the RTM login's own (issue 12).
 */
export async function expectNoLeaks(
  page: Page,
  context: BrowserContext,
  secrets: readonly string[],
  consoleLines: readonly string[],
) {
  const found = await page.evaluate(async () => {
    const storage = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k) ?? ''}`)
    const databases = 'databases' in indexedDB ? await indexedDB.databases() : []
    const nav = (window as unknown as { navigation?: { entries(): { url: string | null }[] } })
      .navigation
    return {
      local: storage(localStorage).join('\n'),
      session: storage(sessionStorage).join('\n'),
      cookie: document.cookie,
      indexedDb: databases.map((d) => d.name ?? '').join('\n'),
      url: location.href,
      history: (nav?.entries() ?? []).map((e) => e.url ?? '').join('\n'),
    }
  })
  const appOrigin = new URL(page.url()).origin
  const cookies = (await context.cookies(appOrigin)).map((c) => `${c.name}=${c.value}`).join('\n')
  // The Referer of every request to an origin other than the accounts and API origins.
  const referers = (requestsSeen.get(page) ?? [])
    .filter((r) => new URL(r.url).origin !== SANDBOX)
    .map((r) => r.referer)
    .join('\n')
  const sockets = socketsSeen.get(page) ?? { urls: [], frames: [] }
  const places: Record<string, string> = {
    ...found,
    cookies,
    referers,
    console: consoleLines.join('\n'),
    'WebSocket URLs': sockets.urls.join('\n'),
    'WebSocket frames': framesWithoutTheirToken(sockets.frames),
  }
  for (const secret of secrets.filter(Boolean)) {
    const variants = [secret, encodeURIComponent(secret)]
    for (const [place, text] of Object.entries(places)) {
      for (const variant of variants) {
        expect(text.includes(variant), `secret found in ${place}`).toBe(false)
      }
    }
  }
}

export interface IssuedToken {
  token: string
  refreshToken: string | null
  email: string
  clientId: string
  grant: string
  revoked: boolean
  scopes: string[]
}

/** Every access/refresh token and code the sandbox issued since the last reset. */
export async function issuedSecrets(): Promise<{ tokens: IssuedToken[]; secrets: string[] }> {
  const body = (await sandboxControl('/tokens', undefined, 'GET')) as {
    tokens: IssuedToken[]
    codes: string[]
  }
  const secrets = [
    ...body.tokens.flatMap((t) => [t.token, t.refreshToken ?? '']),
    ...body.codes,
  ].filter(Boolean)
  return { tokens: body.tokens, secrets }
}
