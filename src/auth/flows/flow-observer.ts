// Optional hooks for the Flow lab (/flows): facts of a sign-in that cannot be seen from outside
// the auth code (the state we generated, the URL we built, a state that matched). No-op unless
// the lab listens, or a lab run is waiting across a redirect (its key in sessionStorage): then
// the facts of the return are held in memory until the lab's chunk has loaded.

export type FlowStep =
  | 'state-generated'
  | 'authorize-url'
  | 'answer'
  | 'state-verified'
  | 'code-exchanged'
  | 'token-validated'

export interface FlowFact {
  step: FlowStep
  /** Epoch ms (performance.timeOrigin + performance.now()), comparable across a page load. */
  at: number
  /** Raw values (the lab redacts them before showing or storing anything). */
  detail: Record<string, string>
}

/** The lab's sessionStorage key (redacted timeline of a run that left the page). */
export const LAB_RUN_KEY = 'flow-lab:run'

type Listener = (fact: FlowFact) => void
let listener: Listener | null = null
const held: FlowFact[] = []

function labRunWaiting(): boolean {
  try {
    return window.sessionStorage.getItem(LAB_RUN_KEY) !== null
  } catch {
    return false
  }
}

export function epochNow(): number {
  return performance.timeOrigin + performance.now()
}

/** `detail` is a function so nothing is computed when nobody listens. */
export function noteFlow(
  step: FlowStep,
  detail?: () => Record<string, string>,
  at: number = epochNow(),
): void {
  if (!listener && !labRunWaiting()) return
  let values: Record<string, string> = {}
  try {
    values = detail ? detail() : {}
  } catch {
    // An observer never breaks a sign-in.
  }
  const fact = { step, at, detail: values }
  if (listener) listener(fact)
  else held.push(fact)
}

/** Starts listening (facts held since the page loaded are delivered first); returns the stop. */
export function observeFlow(next: Listener): () => void {
  listener = next
  for (const fact of held.splice(0)) next(fact)
  return () => {
    if (listener === next) listener = null
  }
}
