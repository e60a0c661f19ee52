// When to renew and when to give up, from a token's expiry. Pure, so the edge cases
// (already expired, longer than setTimeout can count) are table-tested.

/** Renew this long before expiry: enough for a silent iframe or a refresh round trip. */
export const RENEW_AHEAD_MS = 60_000
/** setTimeout's delay is a signed 32-bit int; longer delays fire at once (SECURITY.md #18). */
export const MAX_TIMER_MS = 2_147_483_647

export interface ExpiryPlan {
  expired: boolean
  msUntilExpiry: number
  msUntilRenew: number
}

export function expiryPlan(expiresAt: number, now: number): ExpiryPlan {
  const left = expiresAt - now
  if (left <= 0) return { expired: true, msUntilExpiry: 0, msUntilRenew: 0 }
  // Short-lived tokens renew at half their life instead of never getting a chance.
  const ahead = Math.min(RENEW_AHEAD_MS, left / 2)
  return {
    expired: false,
    msUntilExpiry: Math.min(left, MAX_TIMER_MS),
    msUntilRenew: Math.min(Math.max(0, left - ahead), MAX_TIMER_MS),
  }
}
