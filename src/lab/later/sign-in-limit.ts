// How long the lab must wait before its next sign-in so that neither limit refuses it: the app's
// own loop breaker (2 page navigations to the authorize URL per 30 s per tab, in
// livechat-browser-auth), and LiveChat's limit of 3 authorize requests per 30 s per client and
// account (https://platform.text.com/docs/authorization/oauth-authorization; README "Sign-in
// limits"). LiveChat counts every authorize request that reaches a signed-in account — popup,
// redirect, implicit and the hidden-frame session check — and keeps counting refused ones, so the
// lab waits before the request instead of retrying after. This tab's requests are logged in
// sessionStorage (times only, nothing secret) at the latest time LiveChat can have counted them:
// when a run ended, or when a session appeared.

const LIVECHAT_LIMIT = 3
const LIVECHAT_WINDOW_MS = 30_000
/** Clocks and the server's own bookkeeping: wait a little past the exact second. */
const MARGIN_MS = 500
const LOG_KEY = 'flow-lab:authorize-requests'

/** One authorize request: when LiveChat had it at the latest; `session` names what it gave. */
interface Request {
  at: number
  session?: number
}

function read(): Request[] {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(LOG_KEY) ?? '[]')
    return Array.isArray(parsed)
      ? parsed.filter((r): r is Request => typeof r?.at === 'number')
      : []
  } catch {
    return []
  }
}

function write(requests: Request[], now: number) {
  try {
    const kept = requests.filter((r) => r.at > now - 2 * LIVECHAT_WINDOW_MS)
    window.sessionStorage.setItem(LOG_KEY, JSON.stringify(kept))
  } catch {
    // No storage: within one page load the lab still sees the app's guard.
  }
}

/** A run ended (its request was sent at or before `at`); `session` is the session it gave. */
export function noteRunRequest(at: number, session?: number): void {
  write([...read(), session === undefined ? { at } : { at, session }], at)
}

/**
 * A session this tab holds that no run made (a silent restore at startup, a renewal in a hidden
 * frame): its authorize request counted too, at the latest when the session was obtained.
 */
export function noteSessionRequest(obtainedAt: number, now: number): void {
  const requests = read()
  if (requests.some((r) => r.session === obtainedAt)) return
  write([...requests, { at: obtainedAt, session: obtainedAt }], now)
}

function msUntilLiveChatAllows(now: number): number {
  const times = read()
    .map((r) => r.at)
    .filter((at) => at > now - LIVECHAT_WINDOW_MS)
    .sort((a, b) => a - b)
  const leaving = times[times.length - LIVECHAT_LIMIT]
  return leaving === undefined ? 0 : leaving + LIVECHAT_WINDOW_MS - now
}

/**
 * 0 when a run can start now; else how many ms until LiveChat's limit, and the app's loop breaker
 * (`guardWait`, for a run that leaves the page: the auth package's msUntilAuthorizeNavigation),
 * both allow it.
 */
export function msUntilSignInAllowed(now: number, guardWait = 0): number {
  const wait = Math.max(guardWait, msUntilLiveChatAllows(now))
  return wait > 0 ? wait + MARGIN_MS : 0
}
