// Holds a run back while a sign-in limit would refuse it (sign-in-limit.ts says how long), then
// lets it go: by itself for a run that leaves the page, on the agent's click for a popup (browsers
// open windows only from one). Loaded after the lab (lab-store.ts), so the lab's chunk keeps
// within its 15 KB; its countdown (views/limit-wait.tsx) comes with it. Each store makes its own.
import { msUntilAuthorizeNavigation, type Session } from 'livechat-browser-auth'
import { epochNow } from '../model/epoch'
import type { RunOptions, Waiting } from '../model/run-model'
import { msUntilSignInAllowed, noteRunRequest as note, noteSessionRequest } from './sign-in-limit'

/** What the lab store lends its gate. */
export interface GateHost {
  waiting(): Waiting | null
  setWaiting(waiting: Waiting | null): void
  begin(options: RunOptions): void
  /** The held-back run was cancelled (a Run all stops there). */
  cancelled(): void
}

export { LimitWait } from './limit-wait'

export interface Gate {
  /**
   * Starts the run now, or holds it. Call from the click: a popup's window opens inside it.
   * `session` is the tab's: one no run made (a silent restore) cost a request too.
   */
  gateRun(options: RunOptions, session: Session | null): void
  /** The popup run that waited: its window opens in this click. */
  continueWaitingRun(): void
  /** Cancel: the held-back run never starts. */
  cancelWait(): void
  /** A run ended: its authorize request counts; a completed run's is the session it gave. */
  noteRunRequest(at: number, session: Session | null): void
}

/** One lab store's gate: its held-back run and the timer that lets it go. */
export function createGate(host: GateHost): Gate {
  let timer: ReturnType<typeof setTimeout> | undefined

  function hold(options: RunOptions, wait: number) {
    clearTimeout(timer)
    if (wait <= 0) {
      host.setWaiting(null)
      host.begin(options)
      return
    }
    host.setWaiting({ options, until: epochNow() + wait, ready: false })
    timer = setTimeout(() => {
      const waiting = host.waiting()
      if (!waiting) return
      if (waiting.options.flow === 'popup') host.setWaiting({ ...waiting, ready: true })
      else gateRun(waiting.options, null)
    }, wait)
  }

  function gateRun(options: RunOptions, session: Session | null): void {
    if (session?.kind === 'oauth') noteSessionRequest(session.obtainedAt, epochNow())
    // A popup is no page navigation: only LiveChat's limit applies, checked inside the click.
    if (options.flow === 'popup') {
      hold(options, msUntilSignInAllowed(epochNow()))
      return
    }
    // A run that leaves the page needs no click, but the app's loop breaker counts it too.
    const now = epochNow()
    hold(options, msUntilSignInAllowed(now, msUntilAuthorizeNavigation(now)))
  }

  return {
    gateRun,
    continueWaitingRun() {
      const waiting = host.waiting()
      if (waiting) hold(waiting.options, msUntilSignInAllowed(epochNow()))
    },
    cancelWait() {
      clearTimeout(timer)
      if (!host.waiting()) return
      host.setWaiting(null)
      host.cancelled()
    },
    noteRunRequest(at, session) {
      note(at, session?.kind === 'oauth' ? session.obtainedAt : undefined)
    },
  }
}
