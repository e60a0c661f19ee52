// A Flow lab run as the page keeps it: only non-secret facts (everything already redacted), so a
// run can wait in sessionStorage across the redirect round trip.
import type { Flow, ResponseType } from 'livechat-browser-auth'
import type { Exchange } from './sign-in-measures'

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
}

/** A request of the run, as the lab measured it. */
export interface RunExchange extends Exchange {
  /** The first byte of the answer, when the instrument saw it (null: wait and transfer unsplit). */
  firstByte: number | null
  status?: number
  /**
   * Who saw it: the page's Resource Timing, the lab's own call, or the accounts server's log
   * (the sandbox's, for the pages the app cannot see: in the popup, or after the tab left).
   */
  source: 'browser' | 'lab' | 'accounts-log'
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
  /** The requests of the run (no headers, bodies or query strings: nothing secret). */
  exchanges: RunExchange[]
  /**
   * Whether the accounts pages' requests could be read ('sandbox': from its request log), or
   * are invisible to the app (a real accounts server: its pages live in another window or
   * after the tab left).
   */
  accountsPages: 'sandbox' | 'not-visible' | 'unknown'
}

export function addStep(run: Run, step: RunStep): Run {
  const steps = [...run.steps, step].sort((a, b) => a.at - b.at)
  return { ...run, steps }
}

/** Replaces the run's exchanges of these sources with `next`, in start order. */
export function withExchanges(
  run: Run,
  sources: readonly RunExchange['source'][],
  next: readonly RunExchange[],
): Run {
  const kept = run.exchanges.filter((e) => !sources.includes(e.source))
  return { ...run, exchanges: [...kept, ...next].sort((a, b) => a.start - b.start) }
}

export function stepAt(run: Run, kind: StepKind): RunStep | undefined {
  return run.steps.find((step) => step.kind === kind)
}

/** What the popup tracer (run/tracer.ts) sees from outside the auth code during a run. */
export type TraceEvent =
  | { type: 'window-opened'; at: number }
  | { type: 'window-blocked'; at: number }
  | { type: 'authorize-url'; at: number; url: string }
  | { type: 'answer'; at: number; rows: [string, string][]; error: boolean }

/** A run held back until the sign-in limits allow it (run/limit-gate.ts). */
export interface Waiting {
  options: RunOptions
  /** Epoch ms when the limits allow the run. */
  until: number
  /** A popup run whose time has come: it waits for the click that opens its window. */
  ready: boolean
}
