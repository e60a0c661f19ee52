// The auth package's loop breaker keeps the times of this tab's authorize navigations in
// sessionStorage (times only). Tests that need it near its limit write those times directly: the
// package does not export its bookkeeping.
const GUARD_KEY = 'livechat-auth:authorize-navigations'

export function noteAuthorizeNavigation(at: number): void {
  const raw = sessionStorage.getItem(GUARD_KEY)
  const times: number[] = raw ? (JSON.parse(raw) as number[]) : []
  sessionStorage.setItem(GUARD_KEY, JSON.stringify([...times, at]))
}
