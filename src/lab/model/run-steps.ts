// What the auth layer's observer and the lab's tracer report, as the steps of a run (redacted
// on the way in: a step never holds a token, code or verifier).
import type { FlowFact } from 'livechat-browser-auth'
import { authorizeUrlRows, redactedRows } from './redact'
import type { Run, RunStep, TraceEvent } from './run-model'

function step(
  kind: RunStep['kind'],
  label: string,
  at: number,
  extra: Partial<RunStep> = {},
): RunStep {
  return { kind, label, at, ok: true, ...extra }
}

export function factStep(fact: FlowFact, run: Run): RunStep | null {
  const rows = redactedRows(fact.detail)
  switch (fact.step) {
    case 'state-generated':
      return step('state-generated', 'State generated', fact.at, { rows })
    case 'authorize-url':
      return step('authorize-url', 'Authorize URL built', fact.at, {
        rows: authorizeUrlRows(fact.detail['url'] ?? ''),
      })
    case 'answer':
      return step(
        'answer',
        run.options.flow !== 'popup'
          ? "Accounts server's answer (in the URL)"
          : "Accounts server's answer",
        fact.at,
        { ok: !('error' in fact.detail), rows },
      )
    case 'state-verified':
      return step('state-verified', 'State verified', fact.at)
    case 'code-exchanged':
      return step('code-exchanged', 'Code exchanged (PKCE, POST /v2/token)', fact.at, { rows })
    case 'token-validated':
      return step('token-validated', 'Token validated (GET /v2/info)', fact.at, { rows })
  }
}

export function traceStep(event: TraceEvent): RunStep {
  switch (event.type) {
    case 'window-opened':
      return step('window-opened', 'Window opened', event.at)
    case 'window-blocked':
      return step('window-opened', 'Window opened', event.at, {
        ok: false,
        note: 'window.open returned null: the browser blocked the popup.',
      })
    case 'authorize-url':
      return step('authorize-url', 'Authorize URL built', event.at, {
        rows: authorizeUrlRows(event.url),
      })
    case 'answer':
      return step('answer', "Accounts server's answer (postMessage)", event.at, {
        ok: !event.error,
        rows: event.rows,
      })
  }
}
