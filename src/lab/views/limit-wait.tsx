import { useEffect, useState } from 'react'
import { epochNow } from '../../auth/flows/flow-observer'
import type { LabState } from '../run/lab-store'
import { FLOW_LABELS } from './control-bar'

/**
 * A run held back by a sign-in limit: a live countdown (role="timer": read when asked, not
 * announced every second), Cancel, and for a popup the click that opens its window.
 */
export function LimitWait({
  waiting,
  onCancel,
  onContinue,
}: {
  waiting: NonNullable<LabState['waiting']>
  onCancel: () => void
  onContinue: () => void
}) {
  const [now, setNow] = useState(epochNow)
  useEffect(() => {
    const timer = setInterval(() => setNow(epochNow()), 250)
    return () => clearInterval(timer)
  }, [])
  const seconds = Math.max(0, Math.ceil((waiting.until - now) / 1000))
  const flow = FLOW_LABELS[waiting.options.flow]

  return (
    <div className="lab-wait">
      {waiting.ready ? (
        <p role="status">The limit allows the {flow} run now: its window opens on your click.</p>
      ) : (
        <>
          <p role="timer">Waiting for LiveChat&apos;s sign-in limit: {seconds} s</p>
          <p className="muted">
            The {flow} run starts by itself then. LiveChat accepts 3 sign-in requests per 30 seconds
            for an app and account, and this app leaves the page for sign-in at most twice in 30
            seconds.
          </p>
        </>
      )}
      <div className="lab-wait__actions">
        {waiting.ready && (
          <button type="button" className="button button--primary" onClick={onContinue}>
            Open the sign-in window
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}
