// Runs a flow for real through the app's AuthProvider and records what happens: the tracer and
// the auth layer's observer hooks feed a timeline; the provider's state says when the session is
// there (or why not); the lab then makes the first API call itself.
import { useCallback, useEffect, useRef, useState } from 'react'
import { authorizationOf } from '../auth/credential'
import { describeAuthError } from '../auth/errors/auth-error-text'
import { epochNow, observeFlow, type FlowFact } from '../auth/flows/flow-observer'
import { useAuth } from '../auth/use-auth'
import { paths } from '../config/paths'
import { authorizeUrlRows, redactedRows } from './redact'
import { addStep, type Run, type RunOptions, type RunStep } from './run-model'
import {
  clearPendingRun,
  loadResults,
  saveResults,
  savePendingRun,
  readPendingRun,
  type Results,
} from './run-storage'
import { installTracer, type TraceEvent } from './tracer'

function factStep(fact: FlowFact, run: Run): RunStep | null {
  const leaves = run.options.flow !== 'popup'
  switch (fact.step) {
    case 'state-generated':
      return {
        kind: 'state-generated',
        label: 'State generated',
        at: fact.at,
        ok: true,
        rows: redactedRows(fact.detail),
      }
    case 'authorize-url':
      return {
        kind: 'authorize-url',
        label: 'Authorize URL built',
        at: fact.at,
        ok: true,
        rows: authorizeUrlRows(fact.detail['url'] ?? ''),
      }
    case 'answer':
      return {
        kind: 'answer',
        label: leaves ? "Accounts server's answer (in the URL)" : "Accounts server's answer",
        at: fact.at,
        ok: !('error' in fact.detail),
        rows: redactedRows(fact.detail),
        network: true,
      }
    case 'state-verified':
      return { kind: 'state-verified', label: 'State verified', at: fact.at, ok: true }
    case 'code-exchanged':
      return {
        kind: 'code-exchanged',
        label: 'Code exchanged (PKCE, POST /v2/token)',
        at: fact.at,
        ok: true,
        rows: redactedRows(fact.detail),
        network: true,
      }
    case 'token-validated':
      return {
        kind: 'token-validated',
        label: 'Token validated (GET /v2/info)',
        at: fact.at,
        ok: true,
        rows: redactedRows(fact.detail),
        network: true,
      }
  }
}

function traceStep(event: TraceEvent): RunStep {
  switch (event.type) {
    case 'window-opened':
      return { kind: 'window-opened', label: 'Window opened', at: event.at, ok: true }
    case 'window-blocked':
      return {
        kind: 'window-opened',
        label: 'Window opened',
        at: event.at,
        ok: false,
        note: 'window.open returned null: the browser blocked the popup.',
      }
    case 'authorize-url':
      return {
        kind: 'authorize-url',
        label: 'Authorize URL built',
        at: event.at,
        ok: true,
        rows: authorizeUrlRows(event.url),
      }
    case 'answer':
      return {
        kind: 'answer',
        label: "Accounts server's answer (postMessage)",
        at: event.at,
        ok: !event.error,
        rows: event.rows,
        network: true,
      }
  }
}

async function storageAccess(): Promise<boolean | null> {
  try {
    return typeof document.hasStorageAccess === 'function'
      ? await document.hasStorageAccess()
      : null
  } catch {
    return null
  }
}

let restored: { run: Run | null } | null = null

/** The run that left the page, once per page load (StrictMode calls initializers twice). */
function restoredRun(): Run | null {
  if (!restored) {
    const pending = readPendingRun(epochNow())
    const back: RunStep = {
      kind: 'page-back',
      label: 'Page loaded again (full reload)',
      at: performance.timeOrigin,
      ok: true,
    }
    restored = { run: pending ? addStep({ ...pending, reloaded: true }, back) : null }
  }
  return restored.run
}

export function useFlowLab() {
  const auth = useAuth()
  const { config, session, error, status } = auth
  const [run, setRun] = useState<Run | null>(restoredRun)
  const [results, setResults] = useState<Results>(() => loadResults())
  const runRef = useRef<Run | null>(run)
  // A restored run started before this page load: any session or error now is its outcome.
  const baseline = useRef<{ session: unknown; error: unknown }>(
    run?.reloaded ? { session: null, error: null } : { session, error },
  )
  const untrace = useRef<() => void>(() => {})

  // Once only: a second uninstall would undo whatever replaced window.open since.
  const stopTracing = useCallback(() => {
    untrace.current()
    untrace.current = () => {}
  }, [])

  const update = useCallback(
    (change: (current: Run) => Run) => {
      const current = runRef.current
      if (!current || current.status !== 'running') return
      const next = change(current)
      runRef.current = next
      setRun(next)
      if (next.status !== 'running') {
        stopTracing()
        clearPendingRun()
        setResults((previous) => {
          const updated = { ...previous, [next.options.flow]: next }
          saveResults(updated)
          return updated
        })
      } else if (next.options.flow !== 'popup' && !next.reloaded) {
        // Written before the page leaves, redacted already.
        savePendingRun(next)
      }
    },
    [stopTracing],
  )

  // Facts of a run that left the page, held by the observer since load, are delivered now.
  useEffect(() => {
    const stop = observeFlow((fact) => {
      const current = runRef.current
      if (!current) return
      const step = factStep(fact, current)
      if (!step) return
      update((r) => {
        let next = addStep(r, step)
        if (step.kind === 'authorize-url' && r.options.flow !== 'popup')
          next = addStep(next, {
            kind: 'page-left',
            label: 'Page left for the accounts server',
            at: step.at + 0.01,
            ok: true,
          })
        return next
      })
    })
    // Listening now: the observer need not hold facts for a later page load.
    if (!runRef.current || runRef.current.reloaded || runRef.current.options.flow === 'popup')
      clearPendingRun()
    return stop
  }, [update])

  // The provider's verdict: an error ends the run; a new session gets the first API call.
  useEffect(() => {
    const current = runRef.current
    if (!current || current.status !== 'running') return
    if (
      error &&
      error !== baseline.current.error &&
      status !== 'signing-in' &&
      status !== 'validating'
    ) {
      const text = describeAuthError(error)
      update((r) => ({
        ...addStep(r, {
          kind: 'failed',
          label: 'Sign-in failed',
          at: epochNow(),
          ok: false,
          note: `${text.title}: ${text.message} (${error.kind})`,
        }),
        status: 'failed',
      }))
      return
    }
    if (session && session !== baseline.current.session && status === 'signed-in') {
      baseline.current = { ...baseline.current, session }
      void fetch(`${config.accountsUrl}/v2/accounts/me`, {
        headers: { Authorization: authorizationOf(session.credential) },
      })
        .then(async (response) => {
          const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
          update((r) => ({
            ...addStep(r, {
              kind: 'first-api-call',
              label: 'First API call answered (GET /v2/accounts/me)',
              at: epochNow(),
              ok: response.ok,
              network: true,
              rows: [
                ['HTTP status', String(response.status)],
                ['name', typeof body['name'] === 'string' ? body['name'] : '—'],
              ],
            }),
            status: response.ok ? 'done' : 'failed',
          }))
        })
        .catch(() => {
          update((r) => ({
            ...addStep(r, {
              kind: 'first-api-call',
              label: 'First API call',
              at: epochNow(),
              ok: false,
              note: 'Network error',
            }),
            status: 'failed',
          }))
        })
    }
  }, [session, error, status, config, update])

  useEffect(() => stopTracing, [stopTracing])

  /** Call from the click handler: the popup opens inside it. */
  const start = useCallback(
    (options: RunOptions) => {
      stopTracing()
      const startedAt = epochNow()
      const fresh: Run = {
        id: String(startedAt),
        options,
        startedAt,
        steps: [{ kind: 'started', label: 'Run started (click)', at: startedAt, ok: true }],
        status: 'running',
        reloaded: false,
        windowOpens: 0,
        popupBlocked: false,
        framed: window.top !== window,
        storageAccess: null,
      }
      runRef.current = fresh
      setRun(fresh)
      baseline.current = { session, error }
      void storageAccess().then((granted) => {
        if (runRef.current?.id === fresh.id) update((r) => ({ ...r, storageAccess: granted }))
      })
      untrace.current = installTracer(config.accountsUrl, (event) => {
        update((r) => ({
          ...addStep(r, traceStep(event)),
          windowOpens:
            r.windowOpens +
            (event.type === 'window-opened' || event.type === 'window-blocked' ? 1 : 0),
          popupBlocked: r.popupBlocked || event.type === 'window-blocked',
        }))
      })
      if (options.flow !== 'popup') savePendingRun(fresh)
      auth.signIn(options.flow, {
        responseType: options.flow === 'implicit' ? 'token' : options.responseType,
        popupFlow: options.popupFlow,
        ...(options.consent ? { prompt: 'consent' as const } : {}),
        scopes: options.scopes,
        returnTo: paths.flows,
      })
    },
    [auth, config, session, error, update, stopTracing],
  )

  return { run, results, start, status }
}
