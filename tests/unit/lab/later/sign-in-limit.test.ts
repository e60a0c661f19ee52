// The flow lab's wait before a sign-in (issue 24): the app's loop breaker (2 page navigations per
// 30 s per tab) for redirect and implicit, LiveChat's 3 authorize requests per 30 s for every
// flow, counted from this tab's runs and the sessions it got without one.
import { afterEach, describe, expect, it } from 'vitest'
import { msUntilAuthorizeNavigation } from 'livechat-browser-auth'
import { noteAuthorizeNavigation } from '../../../support/authorize-navigations'
import {
  msUntilSignInAllowed,
  noteRunRequest,
  noteSessionRequest,
} from '../../../../src/lab/later/sign-in-limit'

const NOW = 1_750_000_000_000

afterEach(() => sessionStorage.clear())

describe('msUntilSignInAllowed', () => {
  it('is 0 with nothing recent', () => {
    expect(msUntilSignInAllowed(NOW, msUntilAuthorizeNavigation(NOW))).toBe(0)
    expect(msUntilSignInAllowed(NOW)).toBe(0)
  })

  it('the app’s loop breaker holds back page navigations; LiveChat’s limit is not reached yet', () => {
    noteAuthorizeNavigation(NOW - 10_000)
    noteAuthorizeNavigation(NOW - 5_000)
    noteRunRequest(NOW - 10_000)
    noteRunRequest(NOW - 5_000)
    // The first navigation leaves the window at NOW + 20 s (plus a small margin).
    const navigation = (now: number) => msUntilSignInAllowed(now, msUntilAuthorizeNavigation(now))
    // Exactly when the first navigation leaves the loop breaker's window.
    expect(msUntilAuthorizeNavigation(NOW)).toBe(20_000)
    expect(navigation(NOW)).toBeGreaterThanOrEqual(20_000)
    expect(navigation(NOW)).toBeLessThan(21_000)
    expect(msUntilSignInAllowed(NOW)).toBe(0)
    expect(navigation(NOW + 20_000)).toBe(0)
  })

  it('LiveChat’s three requests hold back every flow, popup included', () => {
    noteRunRequest(NOW - 20_000, NOW - 21_000)
    noteRunRequest(NOW - 12_000)
    noteRunRequest(NOW - 2_000)
    const wait = msUntilSignInAllowed(NOW)
    expect(wait).toBeGreaterThanOrEqual(10_000)
    expect(wait).toBeLessThan(11_000)
    expect(msUntilSignInAllowed(NOW + 10_000)).toBe(0)
  })

  it('a session no run made counts once (a silent restore); a run’s own session not again', () => {
    noteRunRequest(NOW - 12_000, NOW - 13_000)
    noteSessionRequest(NOW - 13_000, NOW)
    noteSessionRequest(NOW - 8_000, NOW)
    noteSessionRequest(NOW - 8_000, NOW)
    expect(msUntilSignInAllowed(NOW)).toBe(0)
    noteRunRequest(NOW - 1_000)
    expect(msUntilSignInAllowed(NOW)).toBeGreaterThanOrEqual(18_000)
  })

  it('tampered storage reads as nothing', () => {
    sessionStorage.setItem('flow-lab:authorize-requests', '{"at":1}')
    expect(msUntilSignInAllowed(NOW)).toBe(0)
    sessionStorage.setItem('flow-lab:authorize-requests', '[{"at":"x"},null,5]')
    expect(msUntilSignInAllowed(NOW)).toBe(0)
  })
})
