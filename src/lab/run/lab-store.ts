// The lab's store, outside React: the page is drawn inside the workspace once signed in and
// without it before, so a run that signs in moves the page to another tree (a remount) in the
// middle of the run. The run, its tracer and the observer live in a store instead: its state
// changes only by the named events of lab-state.ts, and the page reads it with
// useSyncExternalStore and feeds in what the auth client says. One store serves a page load
// (labStoreOfThisPage); a test makes its own with createLabStore.
import { describeAuthError, missingScopes, type Flow, type FlowFact } from 'livechat-browser-auth'
import type { AuthContextValue } from 'livechat-browser-auth/react'
import { paths } from '../../config/paths'
import { epochNow } from '../model/epoch'
import { addStep, withExchanges, type Run, type RunOptions, type RunStep } from '../model/run-model'
import { factStep, traceStep } from '../model/run-steps'
import {
  clearPendingRun,
  loadResults,
  loadRunAll,
  readPendingRun,
  saveResults,
  savePendingRun,
  saveRunAll,
} from './run-storage'
import { initialLabState, labReducer, type LabEvent, type LabState } from './lab-state'
import type { Gate } from '../later/limit-gate'
import { installTracer } from './tracer'

const RUN_ALL_ORDER: readonly Flow[] = ['popup', 'redirect', 'implicit']

/**
 * When this document's own fetch began: right after the redirect that carried the answer (the
 * time origin is earlier: the navigation started with the form post that was redirected).
 */
function returnedAt(): number {
  const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  return performance.timeOrigin + (entry?.fetchStart ?? 0)
}

function restoredRun(): Run | null {
  const pending = readPendingRun(epochNow())
  if (!pending) return null
  const back: RunStep = {
    kind: 'page-back',
    label: 'Page loaded again (full reload)',
    at: returnedAt(),
    ok: true,
  }
  return addStep({ ...pending, reloaded: true }, back)
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

/** The lab's own call is timed by the lab; Resource Timing's copy of it is left out. */
function firstCallPaths(run: Run): string[] {
  return run.exchanges.filter((e) => e.source === 'lab').map((e) => e.path)
}

export interface LabStore {
  subscribe(listener: () => void): () => void
  getSnapshot(): LabState
  /** The page holds the store while shown; a remount (signed in → workspace) keeps it. */
  retain(observe: AuthContextValue['observe']): () => void
  /** The auth client's latest state: an error ends the run; a new session gets the first call. */
  connectAuth(auth: AuthContextValue): void
  /**
   * Call from the click handler: the popup opens inside it. When a sign-in limit would refuse
   * the run, the gate holds it back until the limit allows it.
   */
  startRun(options: RunOptions): void
  /** Popup, then redirect, then implicit; the plan waits in sessionStorage across each reload. */
  startRunAll(options: Omit<RunOptions, 'flow'>): void
  /** The gate, once loaded (it is whenever a run is held back). */
  loadedGate(): (Gate & Pick<typeof import('../later/limit-gate'), 'LimitWait'>) | null
  /** Ends what the store started: a held-back run, the tracer, the observer. */
  dispose(): void
}

/** A store for one page load: it reads what an earlier load kept the first time it is read. */
export function createLabStore(): LabStore {
  let state: LabState | null = null
  const listeners = new Set<() => void>()
  let auth: AuthContextValue | null = null
  /** The session and error the current run started with: anything else is its outcome. */
  let baseline: { session: unknown; error: unknown } = { session: null, error: null }
  let untrace: () => void = () => {}
  let stopObserving: (() => void) | null = null
  /** The facts held while a framed run's return is checked (retain): its outcome waits. */
  let returnFacts: FlowFact[] | null = null
  let users = 0
  let release: ReturnType<typeof setTimeout> | undefined
  // The sign-in limits' gate loads after the lab (the lab's chunk stays within its 15 KB):
  // retain() fetches it, so by the agent's first click it is there.
  let gate: ReturnType<LabStore['loadedGate']> = null
  const loadGate = () =>
    import('../later/limit-gate').then((module) => {
      gate ??= {
        LimitWait: module.LimitWait,
        ...module.createGate({
          waiting: () => current().waiting,
          setWaiting: (waiting) => dispatch({ type: 'waiting-changed', waiting }),
          begin,
          cancelled: () => current().runAll && endRunAll(false, 'Run all cancelled.'),
        }),
      }
      return gate
    })

  function current(): LabState {
    if (!state) {
      const run = restoredRun()
      state = initialLabState(run, loadResults(), run ? loadRunAll() : null)
      if (!run) saveRunAll(null)
    }
    return state
  }

  function dispatch(event: LabEvent) {
    state = labReducer(current(), event)
    for (const listener of listeners) listener()
  }

  function stopTracing() {
    // Once only: a second uninstall would undo whatever replaced window.open since.
    untrace()
    untrace = () => {}
  }

  /** Changes the running run; a run that ends is recorded as its flow's result. */
  function update(change: (run: Run) => Run) {
    const run = current().run
    if (!run || run.status !== 'running') return
    const next = change(run)
    dispatch({ type: 'run-changed', run: next })
    if (next.status !== 'running') {
      stopTracing()
      clearPendingRun()
      // Its authorize request, for the sign-in limits; a completed run's is the session it gave.
      const endedAt = epochNow()
      const session = next.status === 'done' ? (auth?.session ?? null) : null
      void loadGate().then((loaded) => loaded.noteRunRequest(endedAt, session))
      record(next)
      void measure(next.id).then(() => continueRunAll(next))
    } else if (next.options.flow !== 'popup' && !next.reloaded) {
      // Written before the page leaves, redacted already.
      savePendingRun(next)
    }
  }

  function record(run: Run) {
    dispatch({ type: 'result-recorded', run })
    saveResults(current().results)
  }

  /** Reads the run's requests from both instruments; a run that ended is recorded again. */
  async function measure(id: string) {
    // The instruments load after the lab's first paint (its chunk is capped at 15 KB); they read
    // what the browser and the sandbox recorded, so reading a moment later changes no number.
    const { accountsPageExchanges, browserExchanges } = await import('../later/measure-requests')
    const run = current().run
    if (!run || run.id !== id || !auth) return
    const { accountsUrl, apiUrl } = auth.config
    const seen = browserExchanges([accountsUrl, apiUrl], run.startedAt, firstCallPaths(run))
    const pages = await accountsPageExchanges(accountsUrl, run.startedAt, epochNow())
    const latest = current().run
    if (!latest || latest.id !== id) return
    let next = withExchanges(latest, ['browser'], seen)
    if (pages) next = withExchanges(next, ['accounts-log'], pages)
    next = { ...next, accountsPages: pages ? 'sandbox' : 'not-visible' }
    dispatch({ type: 'run-changed', run: next })
    if (next.status !== 'running') record(next)
  }

  function onFact(fact: FlowFact) {
    const run = current().run
    if (!run) return
    const step = factStep(fact, run)
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
    if (step.kind === 'answer' || step.kind === 'token-validated') void measure(run.id)
  }

  function begin(options: RunOptions) {
    if (!auth) return
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
      exchanges: [],
      accountsPages: 'unknown',
    }
    dispatch({ type: 'run-started', run: fresh })
    baseline = { session: auth.session, error: auth.error }
    void storageAccess().then((granted) => {
      if (current().run?.id === fresh.id) update((r) => ({ ...r, storageAccess: granted }))
    })
    untrace = installTracer(auth.config.accountsUrl, (event) => {
      const step = traceStep(event)
      update((r) => ({
        ...addStep(r, step),
        windowOpens:
          r.windowOpens +
          (event.type === 'window-opened' || event.type === 'window-blocked' ? 1 : 0),
        popupBlocked: r.popupBlocked || event.type === 'window-blocked',
      }))
      if (step.kind === 'answer') void measure(fresh.id)
    })
    if (options.flow !== 'popup') savePendingRun(fresh)
    auth.signIn(options.flow, {
      responseType: options.flow === 'implicit' ? 'token' : options.responseType,
      popupFlow: options.popupFlow,
      ...(options.consent ? { prompt: 'consent' as const } : {}),
      scopes: options.scopes,
      returnTo: paths.flows,
    })
  }

  function startRun(options: RunOptions) {
    if (!auth) return
    if (gate) gate.gateRun(options, auth.session)
    // (A popup clicked before the gate loaded, in the lab's first moments: nothing to wait for.)
    else if (options.flow === 'popup') begin(options)
    else void loadGate().then((loaded) => loaded.gateRun(options, auth?.session ?? null))
  }

  function endRunAll(ok: boolean, message: string) {
    saveRunAll(null)
    dispatch({ type: 'run-all-ended', at: epochNow(), ok, message })
  }

  function continueRunAll(ended: Run) {
    const plan = current().runAll
    if (!plan) return
    const next = plan.remaining[0]
    if (ended.status !== 'done')
      return endRunAll(false, `Run all stopped: the ${ended.options.flow} run failed.`)
    if (!next) return endRunAll(true, 'Run all completed: the comparison is filled in.')
    const rest = { ...plan, remaining: plan.remaining.slice(1) }
    saveRunAll(rest)
    dispatch({ type: 'run-all-advanced', plan: rest })
    startRun({ ...plan.options, flow: next })
  }

  const store: LabStore = {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    getSnapshot: current,
    retain(observe) {
      clearTimeout(release)
      void loadGate()
      users += 1
      if (!stopObserving) {
        // A run inside a frame that left for LiveChat may come back without an answer: what the
        // auth client held since the page loaded (delivered at once) waits for framed-return.ts,
        // in the lab's later chunk, and so does the run's outcome (connectAuth).
        const run = current().run
        if (run?.framed && run.reloaded) returnFacts = []
        stopObserving = observe((fact) => (returnFacts ? returnFacts.push(fact) : onFact(fact)))
        if (returnFacts) {
          void import('../later/framed-return').then((module) => {
            const held = returnFacts ?? []
            returnFacts = null
            if (!module.answeredOnReturn(held)) update((r) => module.withoutAnswer(r, epochNow()))
            held.forEach(onFact)
            if (auth) store.connectAuth(auth)
          })
        }
        // Listening now: the auth client need not hold facts for a later page load.
        const latest = current().run
        if (!latest || latest.reloaded || latest.options.flow === 'popup') clearPendingRun()
        if (latest?.reloaded) void measure(latest.id)
      }
      return () => {
        users -= 1
        // Deferred: the old tree unmounts just before the new one mounts.
        release = setTimeout(() => {
          if (users > 0) return
          // Gone from the lab: a held-back run must not start a sign-in on another page.
          gate?.cancelWait()
          stopObserving?.()
          stopObserving = null
        }, 0)
      }
    },
    connectAuth(next) {
      auth = next
      const run = current().run
      if (!run || run.status !== 'running' || returnFacts) return
      const { error, session, status } = next
      if (error && error !== baseline.error && status !== 'signing-in' && status !== 'validating') {
        baseline = { ...baseline, error }
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
      if (session && session !== baseline.session && status === 'signed-in') {
        baseline = { ...baseline, session }
        const id = run.id
        const canListChats = missingScopes(session.scopes, ['chats--access:ro']).length === 0
        // The lab's later chunk (loaded since the lab was shown) holds the call.
        void import('../later/first-call')
          .then(({ firstCall }) => firstCall(next.config, session.credential, canListChats))
          .then(({ step, exchange }) => {
            if (current().run?.id !== id) return
            update((r) => ({
              ...withExchanges(addStep(r, step), ['lab'], [exchange]),
              status: step.ok ? 'done' : 'failed',
            }))
          })
      }
    },
    startRun,
    startRunAll(options) {
      const [first, ...remaining] = RUN_ALL_ORDER
      const plan = { remaining, options }
      saveRunAll(plan)
      dispatch({ type: 'run-all-planned', plan })
      if (first) startRun({ ...options, flow: first })
    },
    loadedGate: () => gate,
    dispose() {
      clearTimeout(release)
      gate?.cancelWait()
      stopTracing()
      stopObserving?.()
      stopObserving = null
      returnFacts = null
      listeners.clear()
    },
  }
  return store
}

let pageStore: LabStore | null = null

/** The store of this page load, made the first time the lab is shown. */
export function labStoreOfThisPage(): LabStore {
  pageStore ??= createLabStore()
  return pageStore
}
