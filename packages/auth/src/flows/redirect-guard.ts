// Our own loop breaker for LiveChat's limit of 3 authorize redirects per 30 s per client and
// account (docs/livechat-notes.md#limits): we allow at most 2 navigations in any 30 s, so the app
// never reaches the server's error page. Timestamps only, in sessionStorage (not secret).
import { AuthError } from '../errors/auth-error'

export const GUARD_KEY = 'livechat-auth:authorize-navigations'
export const GUARD_WINDOW_MS = 30_000
export const GUARD_MAX_NAVIGATIONS = 2

function recent(now: number): number[] {
  let raw: string | null = null
  try {
    raw = window.sessionStorage.getItem(GUARD_KEY)
  } catch {
    return []
  }
  let parsed: unknown
  try {
    parsed = raw === null ? [] : JSON.parse(raw)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  return parsed.filter(
    (t): t is number =>
      typeof t === 'number' && Number.isFinite(t) && t > now - GUARD_WINDOW_MS && t <= now + 1000,
  )
}

export function canNavigateToAuthorize(now: number = Date.now()): boolean {
  return recent(now).length < GUARD_MAX_NAVIGATIONS
}

/**
 * How long until the loop breaker allows one more authorize navigation (redirect or implicit
 * grant), in ms: 0 when it would allow one now. For a demo that waits instead of failing.
 */
export function msUntilAuthorizeNavigation(now: number = Date.now()): number {
  const times = recent(now).sort((a, b) => a - b)
  // The navigation that must leave the window before one more fits.
  const leaving = times[times.length - GUARD_MAX_NAVIGATIONS]
  return leaving === undefined ? 0 : Math.max(0, leaving + GUARD_WINDOW_MS - now)
}

export function noteAuthorizeNavigation(now: number = Date.now()): void {
  try {
    window.sessionStorage.setItem(GUARD_KEY, JSON.stringify([...recent(now), now]))
  } catch {
    // Storage disabled: the server's own limit still applies.
  }
}

/** Throws too_many_redirects when one more navigation would be over the limit; else records it. */
export function guardAuthorizeNavigation(now: number = Date.now()): void {
  if (!canNavigateToAuthorize(now)) {
    throw new AuthError(
      'too_many_redirects',
      'Too many sign-in attempts in a short time. Wait 30 seconds, then try again.',
    )
  }
  noteAuthorizeNavigation(now)
}
