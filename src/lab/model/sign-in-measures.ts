// The measures of one sign-in, defined once: the Flow lab computes them in the browser and
// `npm run bench` runs this same module in Node (through tsx), so a run's "round trips", "time to
// token", "to validated" and "to first data" mean the same thing on both. Pure: no DOM, no React.
// What each instrument feeds in (the lab: the browser's Resource Timing and the accounts server's
// log; the bench: Playwright's request timings) is described in bench/README.md.
import type { Flow, ResponseType } from 'livechat-browser-auth'

/** One HTTP request and its response, wall-clock epoch ms. */
export interface Exchange {
  method: string | null
  origin: string
  path: string
  start: number
  /** The response's end; null when it never ended (a page that closed itself, a failure). */
  end: number | null
}

export type Variant =
  | 'popup (token)'
  | 'popup (code + PKCE)'
  | 'redirect (token)'
  | 'redirect (code + PKCE)'
  | 'implicit (no SDK)'

export function variantOf(flow: Flow, responseType: ResponseType): Variant {
  if (flow === 'implicit') return 'implicit (no SDK)'
  return `${flow} (${responseType === 'code' ? 'code + PKCE' : 'token'})`
}

/**
 * The protocol floor per variant, in sequential round trips to LiveChat (accounts + API) from the
 * click to the first data, for a first sign-in: the authorize request that shows the sign-in page,
 * the sign-in that shows the consent page (a first grant asks for access:
 * https://platform.text.com/docs/authorization/oauth-authorization#implicit-grant), the consent
 * that delivers the answer; code + PKCE then exchanges the code (POST /v2/token) before it has a
 * token. With a token, validating it (GET /v2/info) and the first data call could run side by side:
 * one round trip together.
 */
export const PROTOCOL_FLOORS: Readonly<Record<Variant, { roundTrips: number; path: string }>> = {
  'popup (token)': {
    roundTrips: 4,
    path: 'authorize → sign-in → consent [postMessage token] → /v2/info ∥ first data',
  },
  'popup (code + PKCE)': {
    roundTrips: 5,
    path: 'authorize → sign-in → consent [postMessage code] → /v2/token → /v2/info ∥ first data',
  },
  'redirect (token)': {
    roundTrips: 4,
    path: 'authorize → sign-in → consent [302 to the app, #token] → /v2/info ∥ first data',
  },
  'redirect (code + PKCE)': {
    roundTrips: 5,
    path: 'authorize → sign-in → consent [302 to the app, ?code] → /v2/token → /v2/info ∥ first data',
  },
  'implicit (no SDK)': {
    roundTrips: 4,
    path: 'authorize → sign-in → consent [302 to the app, #token] → /v2/info ∥ first data',
  },
}

/** The method of a LiveChat endpoint the app calls, for instruments that do not see it. */
export function knownMethod(path: string): string | null {
  if (path === '/v2/token' || path === '/signin' || path === '/consent') return 'POST'
  if (/^\/v3\.\d+\/(agent|configuration)\/action\//.test(path)) return 'POST'
  if (path === '/v2/info' || path === '/v2/accounts/me' || path === '/') return 'GET'
  return null
}

export function exchangeName(exchange: Exchange): string {
  return exchange.method ? `${exchange.method} ${exchange.path}` : exchange.path
}

/**
 * The longest chain of requests where each started after the previous one's response ended,
 * ending at `last`: the sequential round trips on its path. An upper bound on what had to wait
 * (a request that merely started later also counts).
 */
export function longestChain<T extends Exchange>(exchanges: readonly T[], last: T): T[] {
  const sorted = [...exchanges].sort((a, b) => a.start - b.start)
  const best = new Map<T, T[]>()
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

/**
 * The round trips of a sign-in: the longest chain of requests to LiveChat's origins (not the
 * app's own assets) that ends with the first data's response. CORS preflights are not in any
 * instrument's list (the browser's Resource Timing folds them in; the sandbox answers them before
 * its latency and log), so they are not counted.
 */
export function roundTrips<T extends Exchange>(
  exchanges: readonly T[],
  { liveChatOrigins, last }: { liveChatOrigins: readonly string[]; last: T },
): T[] {
  const end = last.end ?? Infinity
  const onPath = exchanges.filter(
    (r) => liveChatOrigins.includes(r.origin) && r.end !== null && r.end <= end,
  )
  if (!onPath.includes(last)) onPath.push(last)
  return longestChain(onPath, last)
}

export interface Milestones<T extends Exchange> {
  /** ms after the click; null when not reached. */
  toToken: number | null
  toValidated: number | null
  toFirstData: number | null
  tokenExchange: T | null
  validation: T | null
  firstData: T | null
}

function firstFrom<T extends Exchange>(
  exchanges: readonly T[],
  at: number,
  test: (r: T) => boolean,
): T | null {
  return (
    exchanges.filter((r) => r.start >= at && test(r)).sort((a, b) => a.start - b.start)[0] ?? null
  )
}

/**
 * - token: with response_type=token, the answer reaching the app (the popup's postMessage, or
 *   the app's document starting to load after the redirect that carried the token in its URL:
 *   the navigation entry's fetchStart); with code + PKCE, the end of the POST /v2/token response.
 * - validated: the end of the first GET /v2/info response after the token.
 * - first data: the end of the first data response after the answer (`isFirstData` says which
 *   request that is: the bench's chat list, the lab's own first call).
 */
export function milestones<T extends Exchange>(input: {
  click: number
  answer: number | null
  responseType: ResponseType
  exchanges: readonly T[]
  isFirstData: (exchange: T) => boolean
}): Milestones<T> {
  const { click, answer, responseType, exchanges, isFirstData } = input
  const ms = (at: number | null | undefined) => (at == null ? null : at - click)
  const tokenExchange =
    responseType === 'code' ? firstFrom(exchanges, click, (r) => r.path === '/v2/token') : null
  const token = responseType === 'code' ? (tokenExchange?.end ?? null) : answer
  const validation =
    token === null ? null : firstFrom(exchanges, token, (r) => r.path === '/v2/info')
  const firstData = answer === null ? null : firstFrom(exchanges, answer, isFirstData)
  return {
    toToken: ms(token),
    toValidated: ms(validation?.end),
    toFirstData: ms(firstData?.end),
    tokenExchange,
    validation,
    firstData,
  }
}
