// The Flow lab's redaction (never a token, code, verifier; state truncated) and its comparison,
// computed from a run's steps, never typed in.
import { describe, expect, it } from 'vitest'
import {
  epochNow,
  LAB_RUN_KEY,
  noteFlow,
  observeFlow,
  type FlowFact,
} from '../../../src/auth/flows/flow-observer'
import { compare } from '../../../src/lab/comparison'
import { authorizeUrlRows, redact, redactedRows } from '../../../src/lab/redact'
import type { Run } from '../../../src/lab/run-model'

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

  it('decodes the authorize URL parameters (livechat-auth-protocol.md §1)', () => {
    const rows = authorizeUrlRows(
      'http://localhost:4010/?response_type=code&redirect_uri=http%3A%2F%2Flocalhost%3A5173&state=abcdefghijkl&scope=a%2Cb',
    )
    expect(rows).toContainEqual(['redirect_uri', 'http://localhost:5173'])
    expect(rows).toContainEqual(['scope', 'a,b'])
    expect(rows).toContainEqual(['state', 'abcd…kl'])
  })
})

describe('flow observer', () => {
  it('is a no-op when the lab is not listening and no lab run waits', () => {
    let called = false
    noteFlow('state-generated', () => {
      called = true
      return {}
    })
    expect(called).toBe(false)
  })

  it('holds the facts of a waiting run until the lab listens', () => {
    sessionStorage.setItem(LAB_RUN_KEY, '{}')
    noteFlow('state-verified')
    sessionStorage.removeItem(LAB_RUN_KEY)
    const seen: FlowFact[] = []
    const stop = observeFlow((fact) => seen.push(fact))
    stop()
    expect(seen.map((fact) => fact.step)).toEqual(['state-verified'])
  })
})

function run(overrides: Partial<Run>): Run {
  const t0 = 1_000_000
  return {
    id: 'r',
    options: {
      flow: 'redirect',
      responseType: 'code',
      popupFlow: 'auto',
      consent: false,
      scopes: [],
    },
    startedAt: t0,
    steps: [
      { kind: 'started', label: '', at: t0, ok: true },
      { kind: 'answer', label: '', at: t0 + 300, ok: true, network: true },
      { kind: 'code-exchanged', label: '', at: t0 + 350, ok: true, network: true },
      { kind: 'token-validated', label: '', at: t0 + 400.4, ok: true, network: true },
      { kind: 'first-api-call', label: '', at: t0 + 512, ok: true, network: true },
    ],
    status: 'done',
    reloaded: true,
    windowOpens: 0,
    popupBlocked: false,
    framed: false,
    storageAccess: true,
    ...overrides,
  }
}

describe('comparison', () => {
  it('measures times and round trips from the steps', () => {
    const row = compare(run({}))
    expect(row.timeToToken).toBe('400 ms')
    expect(row.timeToData).toBe('512 ms')
    expect(row.roundTrips).toMatch(/^4 /)
    expect(row.pageReload).toMatch(/^Yes/)
    expect(row.popupBlocked).toMatch(/0 window\.open/)
    expect(row.iframe).toMatch(/^Not measured here/)
  })

  it('reports a blocked popup only when a run saw one', () => {
    const blocked = run({
      options: {
        flow: 'popup',
        responseType: 'token',
        popupFlow: 'auto',
        consent: false,
        scopes: [],
      },
      steps: [{ kind: 'started', label: '', at: 1_000_000, ok: true }],
      status: 'failed',
      reloaded: false,
      windowOpens: 1,
      popupBlocked: true,
    })
    const row = compare(blocked)
    expect(row.popupBlocked).toMatch(/^Measured: failed at once/)
    expect(row.timeToToken).toBe('not reached')
    expect(row.pageReload).toMatch(/^No/)
  })
})

it('epochNow is comparable across page loads (epoch milliseconds)', () => {
  expect(Math.abs(epochNow() - Date.now())).toBeLessThan(1000)
})
