// A Flow lab run as the page keeps it: only non-secret facts (everything already redacted), so a
// run can wait in sessionStorage across the redirect round trip.
import type { Flow, ResponseType } from '../config/env'

export type StepKind =
  | 'started'
  | 'state-generated'
  | 'authorize-url'
  | 'window-opened'
  | 'page-left'
  | 'page-back'
  | 'answer'
  | 'state-verified'
  | 'code-exchanged'
  | 'token-validated'
  | 'first-api-call'
  | 'failed'

export interface RunStep {
  kind: StepKind
  label: string
  /** Epoch ms. */
  at: number
  ok: boolean
  /** Redacted key/value rows (authorize parameters, answer fields, …). */
  rows?: [string, string][]
  note?: string
  /** Counts as one round trip to LiveChat's servers. */
  network?: boolean
}

export interface RunOptions {
  flow: Flow
  responseType: ResponseType
  popupFlow: 'auto' | 'manual'
  consent: boolean
  scopes: string[]
}

export interface Run {
  id: string
  options: RunOptions
  startedAt: number
  steps: RunStep[]
  status: 'running' | 'done' | 'failed'
  /** The run crossed a full page load (measured: it was restored from storage). */
  reloaded: boolean
  /** window.open calls during the run. */
  windowOpens: number
  popupBlocked: boolean
  /** window.top !== window when the run started. */
  framed: boolean
  /** document.hasStorageAccess() when the run started; null when the browser lacks it. */
  storageAccess: boolean | null
}

export function addStep(run: Run, step: RunStep): Run {
  const steps = [...run.steps, step].sort((a, b) => a.at - b.at)
  return { ...run, steps }
}

export function stepAt(run: Run, kind: StepKind): RunStep | undefined {
  return run.steps.find((step) => step.kind === kind)
}
