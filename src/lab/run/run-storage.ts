// sessionStorage for the lab: the run that left the page (under LAB_RUN_KEY, so the auth client
// holds the facts of the return until the lab has loaded) and the last result per flow.
// Runs are redacted before they get here; this module writes what it is given.
import { LAB_RUN_KEY } from './waiting-run'
import type { Flow } from 'livechat-browser-auth'
import type { Run, RunOptions } from '../model/run-model'

const RESULTS_KEY = 'flow-lab:results'
/** A run that left the page longer ago than this was abandoned. */
const PENDING_MAX_AGE_MS = 10 * 60_000

export type Results = Partial<Record<Flow, Run>>

function read<T>(key: string): T | null {
  try {
    const text = window.sessionStorage.getItem(key)
    return text === null ? null : (JSON.parse(text) as T)
  } catch {
    return null
  }
}

function write(key: string, value: unknown): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(value))
  } catch {
    // No storage: the lab still works within one page load.
  }
}

/** A run stored by an older lab lacks the newer fields: it reads as having measured nothing. */
function normalized(run: Run): Run {
  return { ...run, exchanges: run.exchanges ?? [], accountsPages: run.accountsPages ?? 'unknown' }
}

export function savePendingRun(run: Run): void {
  write(LAB_RUN_KEY, run)
}

/** Reads the waiting run; the caller clears it once it listens to the observer itself. */
export function readPendingRun(now: number): Run | null {
  const run = read<Run>(LAB_RUN_KEY)
  if (!run || typeof run.startedAt !== 'number' || now - run.startedAt > PENDING_MAX_AGE_MS)
    return null
  return normalized(run)
}

export function clearPendingRun(): void {
  try {
    window.sessionStorage.removeItem(LAB_RUN_KEY)
  } catch {
    // Nothing stored.
  }
}

export function loadResults(): Results {
  const stored = read<Results>(RESULTS_KEY) ?? {}
  return Object.fromEntries(
    Object.entries(stored).map(([flow, run]) => [flow, normalized(run)]),
  ) as Results
}

export function saveResults(results: Results): void {
  write(RESULTS_KEY, results)
}

const RUN_ALL_KEY = 'flow-lab:run-all'

/** "Run all" across its round trips: the flows still to run and the options (nothing secret). */
export interface RunAllPlan {
  remaining: Flow[]
  options: Omit<RunOptions, 'flow'>
}

export function loadRunAll(): RunAllPlan | null {
  const plan = read<RunAllPlan>(RUN_ALL_KEY)
  return plan && Array.isArray(plan.remaining) ? plan : null
}

export function saveRunAll(plan: RunAllPlan | null): void {
  if (plan) write(RUN_ALL_KEY, plan)
  else {
    try {
      window.sessionStorage.removeItem(RUN_ALL_KEY)
    } catch {
      // Nothing stored.
    }
  }
}
