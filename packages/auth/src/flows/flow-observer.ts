// The tap on a running sign-in: facts that cannot be seen from outside (the state generated, the
// URL built, a state that matched, a code exchanged, a token validated), for whoever observes
// the client (`client.observe()`; a flow inspector draws them). The client sets the tap when
// it loads the sign-in code; nothing is computed while nobody listens.

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
  /** Raw values: tokens, codes and state included. Redact before showing or storing them. */
  detail: Record<string, string>
}

export type FlowTap = (
  step: FlowStep,
  detail: (() => Record<string, string>) | undefined,
  at: number,
) => void

let tap: FlowTap | null = null

export function setFlowTap(next: FlowTap | null): void {
  tap = next
}

/** `detail` is a function so nothing is computed when nobody listens. */
export function noteFlow(
  step: FlowStep,
  detail?: () => Record<string, string>,
  at: number = performance.timeOrigin + performance.now(),
): void {
  tap?.(step, detail, at)
}
