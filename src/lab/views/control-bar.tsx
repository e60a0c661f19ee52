import { useState, type FormEvent } from 'react'
import { DEFAULT_SCOPES, FLOWS, type Flow, type ResponseType } from 'livechat-browser-auth'
import type { RunOptions } from '../model/run-model'

export const FLOW_LABELS: Record<Flow, string> = {
  popup: 'Popup (SDK)',
  redirect: 'Redirect (SDK)',
  implicit: 'Implicit grant (by hand)',
}

/** Radio buttons drawn as one segmented control. */
function Segmented<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  disabled = false,
}: {
  legend: string
  name: string
  options: readonly (readonly [T, string])[]
  value: T
  onChange: (value: T) => void
  disabled?: boolean
}) {
  return (
    <fieldset className="lab-seg" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  )
}

const RESPONSE_TYPES = [
  ['token', 'token'],
  ['code', 'code + PKCE'],
] as const
const POPUP_MODES = [
  ['auto', 'auto'],
  ['manual', 'manual'],
] as const

/** The run's settings in one compact bar, with Run and Run all. */
export function ControlBar({
  busy,
  onRun,
  onRunAll,
}: {
  busy: boolean
  onRun: (options: RunOptions) => void
  onRunAll: (options: Omit<RunOptions, 'flow'>) => void
}) {
  const [flow, setFlow] = useState<Flow>('popup')
  const [responseType, setResponseType] = useState<ResponseType>('token')
  const [popupFlow, setPopupFlow] = useState<'auto' | 'manual'>('auto')
  const [consent, setConsent] = useState(false)
  const [scopes, setScopes] = useState<string[]>([...DEFAULT_SCOPES])
  const options = { responseType, popupFlow, consent, scopes }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    onRun({ ...options, flow })
  }

  return (
    <form onSubmit={onSubmit} className="lab-controls" aria-label="Run settings">
      <Segmented
        legend="Flow"
        name="flow"
        options={FLOWS.map((value) => [value, FLOW_LABELS[value]] as const)}
        value={flow}
        onChange={setFlow}
      />
      <Segmented
        legend="Response type"
        name="response-type"
        options={RESPONSE_TYPES}
        value={responseType}
        onChange={setResponseType}
        disabled={flow === 'implicit'}
      />
      <Segmented
        legend="Popup mode"
        name="popup-mode"
        options={POPUP_MODES}
        value={popupFlow}
        onChange={setPopupFlow}
        disabled={flow !== 'popup'}
      />
      <label className="lab-check">
        <input
          type="checkbox"
          checked={consent}
          onChange={(event) => setConsent(event.target.checked)}
        />
        Ask again (prompt=consent)
      </label>
      <details className="lab-scopes">
        <summary>
          Scopes ({scopes.length} of {DEFAULT_SCOPES.length})
        </summary>
        <fieldset>
          <legend className="visually-hidden">Scopes to request</legend>
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
              />
              <code>{scope}</code>
            </label>
          ))}
        </fieldset>
      </details>
      <div className="lab-controls__run">
        <button type="submit" className="button button--primary lab-run" disabled={busy}>
          Run
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onRunAll(options)}>
          Run all
        </button>
      </div>
    </form>
  )
}
