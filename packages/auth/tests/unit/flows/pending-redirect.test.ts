// The redirect round trip's transaction (SECURITY.md #23; never a token in storage) and our
// 3-in-30-s loop breaker (docs/livechat-notes.md#limits).
import { afterEach, describe, expect, it } from 'vitest'
import {
  PENDING_KEY,
  PENDING_TTL_MS,
  peekPending,
  savePending,
  takePending,
  takePendingLookup,
  type Pending,
} from '../../../src/flows/pending-redirect'
import {
  GUARD_KEY,
  canNavigateToAuthorize,
  guardAuthorizeNavigation,
  msUntilAuthorizeNavigation,
  noteAuthorizeNavigation,
} from '../../../src/flows/redirect-guard'

const NOW = 1_750_000_000_000
const PENDING: Pending = {
  state: 'i8XNjC4b8KVok4uw5RftR38Wgp2BFwql',
  flow: 'redirect',
  responseType: 'code',
  returnTo: '/chats',
  codeVerifier: 'v'.repeat(86),
  scopes: ['chats--access:rw'],
  createdAt: NOW,
}

afterEach(() => sessionStorage.clear())

describe('pending redirect transaction', () => {
  it('lives under one sessionStorage key and nowhere else', () => {
    savePending(PENDING)
    expect(Object.keys(sessionStorage)).toEqual([PENDING_KEY])
    expect(localStorage.length).toBe(0)
  })

  it('takePending reads and deletes: one shot (A.21 replay)', () => {
    savePending(PENDING)
    expect(takePending(NOW + 1000)).toEqual(PENDING)
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull()
    expect(takePending(NOW + 1000)).toBeNull()
  })

  it('peekPending reads without deleting', () => {
    savePending(PENDING)
    expect(peekPending(NOW)).toEqual(PENDING)
    expect(peekPending(NOW)).toEqual(PENDING)
  })

  it('A.23: a transaction older than 10 minutes is refused, and still deleted', () => {
    savePending(PENDING)
    expect(takePendingLookup(NOW + PENDING_TTL_MS + 1)).toMatchObject({ status: 'expired' })
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull()
    savePending(PENDING)
    expect(takePending(NOW + PENDING_TTL_MS + 1)).toBeNull()
    savePending(PENDING)
    expect(takePending(NOW + PENDING_TTL_MS)).toEqual(PENDING)
  })

  it('a transaction from the future counts as expired', () => {
    savePending(PENDING)
    expect(takePendingLookup(NOW - 5 * 60_000).status).toBe('expired')
  })

  it.each([
    ['not JSON', '{'],
    ['null', 'null'],
    ['an empty state', JSON.stringify({ ...PENDING, state: '' })],
    ['an unknown flow', JSON.stringify({ ...PENDING, flow: 'popup' })],
    ['an unknown response type', JSON.stringify({ ...PENDING, responseType: 'id_token' })],
    ['a numeric verifier', JSON.stringify({ ...PENDING, codeVerifier: 5 })],
    ['scopes as a string', JSON.stringify({ ...PENDING, scopes: 'a:ro' })],
    ['no createdAt', JSON.stringify({ ...PENDING, createdAt: undefined })],
  ])('tampered storage (%s) counts as no transaction', (_name, raw) => {
    sessionStorage.setItem(PENDING_KEY, raw)
    expect(takePendingLookup(NOW)).toEqual({ status: 'none' })
  })

  it('a token-flow transaction holds no verifier', () => {
    const { codeVerifier: _unused, ...tokenPending } = PENDING
    savePending({ ...tokenPending, responseType: 'token' })
    expect(takePending(NOW)).not.toHaveProperty('codeVerifier')
  })
})

describe('redirect guard (LiveChat allows 3 redirects per 30 s)', () => {
  it('#46: allows two navigations in 30 s and refuses the third', () => {
    expect(canNavigateToAuthorize(NOW)).toBe(true)
    noteAuthorizeNavigation(NOW)
    expect(canNavigateToAuthorize(NOW + 1000)).toBe(true)
    noteAuthorizeNavigation(NOW + 1000)
    expect(canNavigateToAuthorize(NOW + 2000)).toBe(false)
    expect(canNavigateToAuthorize(NOW + 30_001)).toBe(true)
  })

  it('msUntilAuthorizeNavigation says when the next navigation is allowed, to the ms', () => {
    expect(msUntilAuthorizeNavigation(NOW)).toBe(0)
    noteAuthorizeNavigation(NOW - 10_000)
    expect(msUntilAuthorizeNavigation(NOW)).toBe(0)
    noteAuthorizeNavigation(NOW - 4_000)
    // The older one leaves the 30 s window at NOW + 20 s; the guard agrees at that moment.
    expect(msUntilAuthorizeNavigation(NOW)).toBe(20_000)
    expect(canNavigateToAuthorize(NOW + 19_999)).toBe(false)
    expect(canNavigateToAuthorize(NOW + 20_000)).toBe(true)
    expect(msUntilAuthorizeNavigation(NOW + 20_000)).toBe(0)
  })

  it('guardAuthorizeNavigation throws too_many_redirects when over, and records when not', () => {
    guardAuthorizeNavigation(NOW)
    guardAuthorizeNavigation(NOW + 1)
    expect(() => guardAuthorizeNavigation(NOW + 2)).toThrow(
      expect.objectContaining({ kind: 'too_many_redirects' }),
    )
    expect(JSON.parse(sessionStorage.getItem(GUARD_KEY) ?? '[]')).toEqual([NOW, NOW + 1])
  })

  it('forgets old timestamps and ignores tampered values', () => {
    sessionStorage.setItem(GUARD_KEY, JSON.stringify([NOW - 60_000, 'x', null, NOW + 10 * 60_000]))
    expect(canNavigateToAuthorize(NOW)).toBe(true)
    noteAuthorizeNavigation(NOW)
    expect(JSON.parse(sessionStorage.getItem(GUARD_KEY) ?? '[]')).toEqual([NOW])
    sessionStorage.setItem(GUARD_KEY, '{not json')
    expect(canNavigateToAuthorize(NOW)).toBe(true)
  })
})
