// The lab's state changes only by named events: what each one does to what the page shows.
import { describe, expect, it } from 'vitest'
import { initialLabState, labReducer } from '../../../../src/lab/run/lab-state'
import { popupRun, redirectCodeRun } from '../../../support/lab-runs'

const options = popupRun().options
const { flow: _flow, ...allOptions } = options

describe('labReducer', () => {
  it('a run started replaces the shown run and clears the last Run all ending', () => {
    const ended = labReducer(initialLabState(null, {}, null), {
      type: 'run-all-ended',
      at: 1,
      ok: false,
      message: 'Run all cancelled.',
    })
    const next = labReducer(ended, { type: 'run-started', run: popupRun() })
    expect(next.run?.options.flow).toBe('popup')
    expect(next.runAllEnded).toBeNull()
  })

  it("a recorded result replaces that flow's result only", () => {
    const kept = initialLabState(null, { redirect: redirectCodeRun() }, null)
    const next = labReducer(kept, { type: 'result-recorded', run: popupRun() })
    expect(Object.keys(next.results).sort()).toEqual(['popup', 'redirect'])
    expect(next.results.redirect).toBe(kept.results.redirect)
  })

  it('Run all: planned, advanced, then ended with what the page says', () => {
    const plan = { remaining: ['redirect', 'implicit'] as const, options: allOptions }
    let state = labReducer(initialLabState(null, {}, null), {
      type: 'run-all-planned',
      plan: { ...plan, remaining: [...plan.remaining] },
    })
    expect(state.runAll?.remaining).toEqual(['redirect', 'implicit'])
    state = labReducer(state, {
      type: 'run-all-advanced',
      plan: { ...plan, remaining: ['implicit'] },
    })
    expect(state.runAll?.remaining).toEqual(['implicit'])
    state = labReducer(state, {
      type: 'run-all-ended',
      at: 5,
      ok: true,
      message: 'Run all completed: the comparison is filled in.',
    })
    expect(state.runAll).toBeNull()
    expect(state.runAllEnded).toEqual({
      at: 5,
      ok: true,
      message: 'Run all completed: the comparison is filled in.',
    })
  })

  it('a held-back run waits, and the wait goes when it starts or is cancelled', () => {
    const waiting = { options, until: 10, ready: false }
    const held = labReducer(initialLabState(null, {}, null), { type: 'waiting-changed', waiting })
    expect(held.waiting).toBe(waiting)
    expect(labReducer(held, { type: 'waiting-changed', waiting: null }).waiting).toBeNull()
  })
})
