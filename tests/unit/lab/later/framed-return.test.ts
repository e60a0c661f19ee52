import type { FlowFact } from 'livechat-browser-auth'
import { describe, expect, it } from 'vitest'
import { answeredOnReturn, withoutAnswer } from '../../../../src/lab/later/framed-return'
import { redirectCodeRun } from '../../../support/lab-runs'

const fact = (step: FlowFact['step'], at: number): FlowFact => ({ step, at, detail: {} })

describe('a framed run that came back', () => {
  it('came back answered when LiveChat’s answer was read from the URL before anything else began', () => {
    expect(answeredOnReturn([fact('answer', 1), fact('state-verified', 2)])).toBe(true)
  })

  it('came back without an answer when none was held, or only one of a sign-in begun since (the widget’s popup)', () => {
    expect(answeredOnReturn([])).toBe(false)
    expect(answeredOnReturn([fact('token-validated', 1)])).toBe(false)
    expect(
      answeredOnReturn([fact('state-generated', 1), fact('authorize-url', 2), fact('answer', 3)]),
    ).toBe(false)
  })

  it('fails the run with the reason, as its last step', () => {
    const run = { ...redirectCodeRun(), status: 'running' as const, framed: true }
    const failed = withoutAnswer(run, run.startedAt + 60_000)
    expect(failed.status).toBe('failed')
    expect(failed.steps.at(-1)).toMatchObject({
      kind: 'failed',
      ok: false,
      note: expect.stringMatching(/refuse to load inside a frame/),
    })
  })
})
