// A run inside a frame (the Agent App's fullscreen widget) that left the page for LiveChat and
// whose lab loaded again. With LiveChat's answer in the URL it goes on as any return; without
// one, the frame showed the browser's error page instead of LiveChat's: the sign-in and consent
// pages a redirect needs refuse to be framed. Loaded with the lab's later chunk (src/lab/later/).
import type { FlowFact } from 'livechat-browser-auth'
import { addStep, type Run } from '../model/run-model'

/**
 * Whether the facts held since the page loaded begin with LiveChat's answer: an answer after a
 * new state belongs to a sign-in started on this page (the widget's popup), not to the run.
 */
export function answeredOnReturn(held: readonly FlowFact[]): boolean {
  const answer = held.findIndex((fact) => fact.step === 'answer')
  const started = held.findIndex((fact) => fact.step === 'state-generated')
  return answer !== -1 && (started === -1 || answer < started)
}

/** The run, failed as it came back: no answer, and why (measured: the page showed no answer). */
export function withoutAnswer(run: Run, at: number): Run {
  return {
    ...addStep(run, {
      kind: 'failed',
      label: 'Came back without an answer',
      at,
      ok: false,
      note: "The frame left for LiveChat’s page and came back without an answer: the sign-in and consent pages a redirect shows refuse to load inside a frame (the sandbox sends frame-ancestors 'none'; LiveChat does not document its own), so only the popup signs in from a widget",
    }),
    status: 'failed',
  }
}
