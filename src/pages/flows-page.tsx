import { useState, type FormEvent } from 'react'
import { Link } from 'react-router-dom'
import { DEFAULT_SCOPES, FLOWS, type Flow, type ResponseType } from '../config/env'
import { paths } from '../config/paths'
import { ComparisonTable } from '../lab/comparison-table'
import { TimelineView } from '../lab/timeline-view'
import { useFlowLab } from '../lab/use-flow-lab'

const FLOW_LABELS: Record<Flow, string> = {
  popup: 'Popup (SDK)',
  redirect: 'Redirect (SDK)',
  implicit: 'Implicit grant (by hand)',
}

/** The Flow lab (issue 5): run each sign-in flow for real and see what it does. */
export function FlowsPage() {
  const { run, results, start, status } = useFlowLab()
  const [flow, setFlow] = useState<Flow>('popup')
  const [responseType, setResponseType] = useState<ResponseType>('token')
  const [popupFlow, setPopupFlow] = useState<'auto' | 'manual'>('auto')
  const [consent, setConsent] = useState(false)
  const [scopes, setScopes] = useState<string[]>([...DEFAULT_SCOPES])
  const busy = run?.status === 'running' || status === 'validating'

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    start({ flow, responseType, popupFlow, consent, scopes })
  }

  return (
    <main id="main" className="page lab">
      <p>
        <Link to={paths.home}>Workspace</Link> · <Link to={paths.signIn}>Sign in</Link>
      </p>
      <h1>Flow lab</h1>
      <p className="muted">
        Each run is the app's real sign-in: a completed run signs you in (or replaces your session).
        Tokens, codes and verifiers are never shown or stored; state is shown truncated.
      </p>
      <form onSubmit={onSubmit} className="lab-form">
        <fieldset>
          <legend>Flow</legend>
          {FLOWS.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="flow"
                value={value}
                checked={flow === value}
                onChange={() => setFlow(value)}
              />{' '}
              {FLOW_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={flow === 'implicit'}>
          <legend>Response type</legend>
          <label>
            <input
              type="radio"
              name="response-type"
              checked={responseType === 'token'}
              onChange={() => setResponseType('token')}
            />{' '}
            token
          </label>
          <label>
            <input
              type="radio"
              name="response-type"
              checked={responseType === 'code'}
              onChange={() => setResponseType('code')}
            />{' '}
            code + PKCE
          </label>
        </fieldset>
        <fieldset disabled={flow !== 'popup'}>
          <legend>Popup mode</legend>
          <label>
            <input
              type="radio"
              name="popup-mode"
              checked={popupFlow === 'auto'}
              onChange={() => setPopupFlow('auto')}
            />{' '}
            auto
          </label>
          <label>
            <input
              type="radio"
              name="popup-mode"
              checked={popupFlow === 'manual'}
              onChange={() => setPopupFlow('manual')}
            />{' '}
            manual
          </label>
        </fieldset>
        <fieldset>
          <legend>Consent</legend>
          <label>
            <input
              type="checkbox"
              checked={consent}
              onChange={(event) => setConsent(event.target.checked)}
            />{' '}
            Ask again (prompt=consent)
          </label>
        </fieldset>
        <fieldset>
          <legend>Scopes to request</legend>
          {DEFAULT_SCOPES.map((scope) => (
            <label key={scope}>
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) =>
                  setScopes((current) =>
                    event.target.checked ? [...current, scope] : current.filter((s) => s !== scope),
                  )
                }
              />{' '}
              <code>{scope}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          Run
        </button>
      </form>

      <section aria-labelledby="lab-run-title">
        <h2 id="lab-run-title">Timeline</h2>
        <p role="status" aria-live="polite">
          {run
            ? `${FLOW_LABELS[run.options.flow]} run: ${run.status === 'running' ? 'running' : run.status === 'done' ? 'completed' : 'failed'}`
            : 'No run yet.'}
        </p>
        {run && <TimelineView run={run} />}
      </section>

      <section aria-labelledby="lab-compare-title">
        <h2 id="lab-compare-title">Comparison</h2>
        <ComparisonTable results={results} />
      </section>

      <section aria-labelledby="lab-pick-title">
        <h2 id="lab-pick-title">Which flow when</h2>
        <ul>
          <li>
            <strong>A script or a tool of your own:</strong> a personal access token, no browser
            flow at all.
          </li>
          <li>
            <strong>A private web app used inside your license</strong> (like this one): Sign in
            with LiveChat (the SDK's popup or redirect) or the implicit grant. Popup keeps the page
            and its state; redirect and implicit reload the app, but no popup blocker can stop them.
          </li>
          <li>
            <strong>A server-side app</strong> (for any license, with a client secret): the
            authorization code grant, the code exchanged on your server. In a browser, code + PKCE
            adds one round trip and brings a refresh token.
          </li>
        </ul>
      </section>
    </main>
  )
}
