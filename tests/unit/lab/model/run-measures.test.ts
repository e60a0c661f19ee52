// A lab run counted through the definition the bench uses (src/lab/model/sign-in-measures.ts): the
// popup run the lab used to call 3 round trips is 5, as `npm run bench` says.
import { describe, expect, it } from 'vitest'
import { measureRun } from '../../../../src/lab/model/run-measures'
import { PROTOCOL_FLOORS } from '../../../../src/lab/model/sign-in-measures'
import { popupRun, redirectCodeRun } from '../../../support/lab-runs'

describe('a lab run, measured', () => {
  it('counts a popup run as the bench does: 5 against a floor of 4 (the lab used to say 3)', () => {
    const measured = measureRun(popupRun())
    expect(measured.path.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /',
      'POST /signin',
      'POST /consent',
      'GET /v2/info',
      'POST /v3.6/agent/action/list_chats',
    ])
    expect(measured.floor).toBe(PROTOCOL_FLOORS['popup (token)'].roundTrips)
    expect(measured.floor).toBe(4)
    expect(measured.complete).toBe(true)
  })

  it('adds the code exchange for code + PKCE (6 against 5)', () => {
    const measured = measureRun(redirectCodeRun())
    expect(measured.path).toHaveLength(6)
    expect(measured.variant).toBe('redirect (code + PKCE)')
    expect(measured.floor).toBe(5)
  })

  it('is a lower bound when the accounts pages were not visible', () => {
    const run = { ...popupRun(), accountsPages: 'not-visible' as const }
    run.exchanges = run.exchanges.filter((r) => r.source !== 'accounts-log')
    const measured = measureRun(run)
    expect(measured.path).toHaveLength(2)
    expect(measured.complete).toBe(false)
  })

  it('token: the answer for token, the end of /v2/token for code; then /v2/info; then the data', () => {
    expect(measureRun(popupRun())).toMatchObject({
      toToken: 640,
      toValidated: 699,
      toFirstData: 760,
    })
    expect(measureRun(redirectCodeRun())).toMatchObject({
      toToken: 759,
      toValidated: 819,
      toFirstData: 880,
    })
  })
})
