// The lab's state and the named events that change it: a pure reducer, so each change reads as
// what happened (a run started, a result was recorded, Run all ended) and is tested as such. The
// store (lab-store.ts) dispatches them and does the side effects: storage, tracing, the gate.
import type { Run, Waiting } from '../model/run-model'
import type { Results, RunAllPlan } from './run-storage'

export interface LabState {
  run: Run | null
  results: Results
  runAll: RunAllPlan | null
  /** Set when a Run all ended (completed: the comparison is full; or stopped, and why). */
  runAllEnded: { at: number; ok: boolean; message: string } | null
  /** A run held back until the sign-in limits allow it (limit-gate.ts). */
  waiting: Waiting | null
}

export type LabEvent =
  | { type: 'run-started'; run: Run }
  | { type: 'run-changed'; run: Run }
  | { type: 'result-recorded'; run: Run }
  | { type: 'run-all-planned'; plan: RunAllPlan }
  | { type: 'run-all-advanced'; plan: RunAllPlan }
  | { type: 'run-all-ended'; at: number; ok: boolean; message: string }
  | { type: 'waiting-changed'; waiting: Waiting | null }

/** A page load's first state: a run that left the page and came back, and the kept results. */
export function initialLabState(
  run: Run | null,
  results: Results,
  runAll: RunAllPlan | null,
): LabState {
  return { run, results, runAll, runAllEnded: null, waiting: null }
}

export function labReducer(state: LabState, event: LabEvent): LabState {
  switch (event.type) {
    case 'run-started':
      return { ...state, run: event.run, runAllEnded: null }
    case 'run-changed':
      return { ...state, run: event.run }
    case 'result-recorded':
      return { ...state, results: { ...state.results, [event.run.options.flow]: event.run } }
    case 'run-all-planned':
      return { ...state, runAll: event.plan, runAllEnded: null }
    case 'run-all-advanced':
      return { ...state, runAll: event.plan }
    case 'run-all-ended': {
      const { at, ok, message } = event
      return { ...state, runAll: null, runAllEnded: { at, ok, message } }
    }
    case 'waiting-changed':
      return { ...state, waiting: event.waiting }
  }
}
