import { useAuth } from 'livechat-browser-auth/react'
import { useEffect, useRef } from 'react'
import { whenIdle } from '../ui/when-idle'
import { ComparisonCharts } from '../lab/views/comparison-charts'
import { ComparisonTable } from '../lab/views/comparison-table'
import { ControlBar, FLOW_LABELS } from '../lab/views/control-bar'
import { RunView } from '../lab/views/run-view'
import { ShareActions } from '../lab/views/share-actions'
import { useFlowLab } from '../lab/run/use-flow-lab'
import '../lab/views/lab.css'

function statusText(run: ReturnType<typeof useFlowLab>['run']): string {
  if (!run) return 'No run yet.'
  const state =
    run.status === 'running' ? 'running' : run.status === 'done' ? 'completed' : 'failed'
  return `${FLOW_LABELS[run.options.flow]} run: ${state}`
}

/** The Flow lab (issues 5 and 14): run each sign-in flow for real and watch what it does. */
export function FlowsPage() {
  const { run, results, runAll, runAllEnded, waiting, start, startAll, status, gate } = useFlowLab()
  const { preload } = useAuth()
  const busy =
    run?.status === 'running' || status === 'validating' || runAll !== null || waiting !== null
  const comparison = useRef<HTMLHeadingElement>(null)
  // Every run here is a sign-in, most of them through the SDK: fetch it while the viewer reads.
  useEffect(() => whenIdle(() => preload('popup')), [preload])
  // Run all ends on the filled comparison.
  useEffect(() => {
    if (!runAllEnded?.ok) return
    comparison.current?.scrollIntoView({ block: 'start' })
    comparison.current?.focus()
  }, [runAllEnded])

  return (
    // Not the workspace's <Page>: that would pull the workspace's shared chunk into the lab's.
    <section className="page lab" aria-labelledby="lab-title">
      <h1 id="lab-title">Flow lab</h1>
      <p className="muted">
        Each run is the app's real sign-in: a completed run signs you in (or replaces your session).
        Tokens, codes and verifiers are never shown or stored; state is shown truncated.
      </p>
      <ControlBar busy={busy} onRun={start} onRunAll={startAll} />
      <p role="status" aria-live="polite" className="lab-status">
        {statusText(run)}
        {runAll &&
          ` · Run all: ${runAll.remaining.length ? `then ${runAll.remaining.join(', then ')}` : 'last run'}`}
        {runAllEnded && ` · ${runAllEnded.message}`}
      </p>
      {/* Only the gate holds a run back, so its countdown has loaded with it. */}
      {waiting && gate && (
        <gate.LimitWait
          waiting={waiting}
          flow={FLOW_LABELS[waiting.options.flow]}
          onContinue={gate.continueWaitingRun}
          onCancel={gate.cancelWait}
        />
      )}

      <section aria-labelledby="lab-run-title">
        <h2 id="lab-run-title">{run ? 'This run' : 'Sequence diagram'}</h2>
        {run ? (
          <RunView key={run.id} run={run} />
        ) : (
          <p className="empty">
            Pick a flow and press Run: its sequence diagram builds up here as it runs.
          </p>
        )}
      </section>

      <section aria-labelledby="lab-compare-title">
        <h2 id="lab-compare-title" ref={comparison} tabIndex={-1}>
          Comparison
        </h2>
        <p className="muted">The last run of each flow, measured in this browser.</p>
        <ComparisonCharts results={results} />
        <ComparisonTable results={results} />
        <ShareActions results={results} run={run} />
      </section>

      <section aria-labelledby="lab-pick-title">
        <h2 id="lab-pick-title">Which flow when</h2>
        <ul>
          <li>
            <strong>Your own script or tool:</strong> a personal access token, no browser flow.
          </li>
          <li>
            <strong>A private web app inside your license</strong> (like this one): popup keeps the
            page and its state; redirect and implicit reload the app, but no popup blocker stops
            them.
          </li>
          <li>
            <strong>A server-side app</strong> (any license, a client secret): the code grant,
            exchanged on your server. In a browser, code + PKCE costs one round trip and brings a
            refresh token.
          </li>
        </ul>
      </section>
    </section>
  )
}
