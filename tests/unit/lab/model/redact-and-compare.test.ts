// The Flow lab's redaction (never a token, code, verifier; state truncated) and its comparison,
// computed from a run's steps, never typed in.
import { describe, expect, it } from 'vitest'
import { compare, formatMs, formatRoundTrips } from '../../../../src/lab/model/comparison'
import { epochNow } from '../../../../src/lab/model/epoch'
import { authorizeUrlRows, redact, redactedRows } from '../../../../src/lab/model/redact'
import { blockedPopupRun, popupRun, redirectCodeRun } from '../../../support/lab-runs'

describe('redaction', () => {
  it('keeps the first 4 and last 2 characters, and hides short values entirely', () => {
    expect(redact('dal:abcdefghijklmnop')).toBe('dal:…op')
    expect(redact('short')).toBe('…')
  })

  it('redacts tokens, codes, verifiers and state, and leaves other fields as they are', () => {
    const rows = redactedRows({
      access_token: 'dal:SECRET-TOKEN-VALUE',
      code: 'dal:SECRET-CODE-VALUE',
      code_verifier: 'x'.repeat(64),
      state: 'state-1234567890',
      expires_in: '28800',
    })
    expect(rows).toEqual([
      ['access_token', 'dal:…UE'],
      ['code', 'dal:…UE'],
      ['code_verifier', 'xxxx…xx'],
      ['state', 'stat…90'],
      ['expires_in', '28800'],
    ])
    expect(JSON.stringify(rows)).not.toContain('SECRET')
  })

  it('decodes the authorize URL parameters (packages/auth/docs/livechat-notes.md#the-authorize-request)', () => {
    const rows = authorizeUrlRows(
      'http://localhost:4010/?response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A5173&state=abcdefghijkl&scope=a%2Cb',
    )
    expect(rows).toContainEqual(['redirect_uri', 'http://localhost:5173'])
    expect(rows).toContainEqual(['scope', 'a,b'])
    expect(rows).toContainEqual(['state', 'abcd…kl'])
  })
})

describe('comparison', () => {
  it('measures times and round trips from the run, as the bench does', () => {
    const row = compare(redirectCodeRun())
    expect(formatMs(row.toToken)).toBe('759 ms')
    expect(formatMs(row.toFirstData)).toBe('880 ms')
    expect(formatRoundTrips(row)).toBe('6 (floor 5)')
    expect(row.pageReload).toMatch(/^Yes/)
    expect(row.popupBlocked).toMatch(/0 window\.open/)
    expect(row.iframe).toMatch(/^Not measured here/)
  })

  it('reports a blocked popup only when a run saw one', () => {
    const row = compare(blockedPopupRun())
    expect(row.popupBlocked).toMatch(/^Measured: failed at once/)
    expect(formatMs(row.toToken)).toBe('not reached')
    expect(row.pageReload).toMatch(/^No/)
    expect(compare(popupRun()).popupBlocked).toMatch(/^Not seen in this run/)
  })
})

it('epochNow is comparable across page loads (epoch milliseconds)', () => {
  expect(Math.abs(epochNow() - Date.now())).toBeLessThan(1000)
})
