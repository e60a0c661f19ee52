// One round-trip definition for the lab and the bench (src/lab/model/sign-in-measures.ts): the
// bench feeds it Playwright's request timings, the lab its own instruments; both count the same
// way.
import { describe, expect, it } from 'vitest'
import {
  longestChain,
  milestones,
  PROTOCOL_FLOORS,
  roundTrips,
  variantOf,
  type Exchange,
} from '../../../../src/lab/model/sign-in-measures'
const SANDBOX = 'http://localhost:4010'
const T0 = 1_700_000_000_000

const at = (method: string, path: string, start: number, end: number | null): Exchange => ({
  method,
  origin: SANDBOX,
  path,
  start,
  end,
})

describe('round trips', () => {
  it('counts the longest chain of requests each waiting for the one before', () => {
    const a = at('GET', '/', 0, 10)
    const b = at('POST', '/signin', 20, 30)
    const parallel = at('GET', '/v2/info', 40, 60)
    const c = at('POST', '/v3.6/agent/action/list_chats', 41, 70)
    expect(longestChain([a, b, parallel, c], c)).toEqual([a, b, c])
  })

  it("leaves out the app's own assets and whatever ended after the first data", () => {
    const asset = { ...at('GET', '/assets/app.js', 11, 19), origin: 'http://localhost:5173' }
    const a = at('GET', '/', 0, 10)
    const last = at('GET', '/v2/accounts/me', 20, 30)
    const later = at('GET', '/v2/info', 31, 40)
    const path = roundTrips([a, asset, last, later], { liveChatOrigins: [SANDBOX], last })
    expect(path).toEqual([a, last])
  })
})

describe('milestones', () => {
  it('token: the answer for token, the end of /v2/token for code; then /v2/info; then the data', () => {
    const exchanges = [
      at('POST', '/v2/token', T0 + 100, T0 + 150),
      at('GET', '/v2/info', T0 + 151, T0 + 200),
      at('POST', '/v3.6/agent/action/list_chats', T0 + 201, T0 + 260),
    ]
    const isFirstData = (r: Exchange) => r.path.endsWith('list_chats')
    const input = { click: T0, answer: T0 + 90, exchanges, isFirstData }
    expect(milestones({ ...input, responseType: 'code' })).toMatchObject({
      toToken: 150,
      toValidated: 200,
      toFirstData: 260,
    })
    expect(milestones({ ...input, responseType: 'token' })).toMatchObject({
      toToken: 90,
      toValidated: 200,
    })
  })

  it('reports what was not reached as null', () => {
    const measured = milestones({
      click: T0,
      answer: null,
      responseType: 'token',
      exchanges: [],
      isFirstData: () => true,
    })
    expect(measured).toMatchObject({ toToken: null, toValidated: null, toFirstData: null })
  })

  it('names the variants as the bench does', () => {
    expect(variantOf('popup', 'code')).toBe('popup (code + PKCE)')
    expect(variantOf('implicit', 'code')).toBe('implicit (no SDK)')
    expect(Object.keys(PROTOCOL_FLOORS)).toHaveLength(5)
  })
})
