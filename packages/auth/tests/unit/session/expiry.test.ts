import { describe, expect, it } from 'vitest'
import { expiryPlan, MAX_TIMER_MS } from '../../../src/session/expiry'

describe('expiryPlan', () => {
  it('renews a minute before an 8-hour token expires', () => {
    expect(expiryPlan(28_800_000, 0)).toEqual({
      expired: false,
      msUntilExpiry: 28_800_000,
      msUntilRenew: 28_740_000,
    })
  })
  it('renews a short-lived token at half its life', () => {
    expect(expiryPlan(40_000, 0).msUntilRenew).toBe(20_000)
  })
  it('#17: says expired when the time has passed (no timer, no loop)', () => {
    expect(expiryPlan(1000, 1000).expired).toBe(true)
    expect(expiryPlan(1000, 5000).expired).toBe(true)
  })
  it('never asks setTimeout for more than it can count (#18)', () => {
    const plan = expiryPlan(99_999_999_999_000, 0)
    expect(plan.msUntilExpiry).toBe(MAX_TIMER_MS)
    expect(plan.msUntilRenew).toBe(MAX_TIMER_MS)
  })
})
