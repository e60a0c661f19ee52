import { useEffect, useState } from 'react'
import { epochNow } from '../model/epoch'
import type { Waiting } from '../model/run-model'

/**
 * A run held back by a sign-in limit: a live countdown (role="timer": read when asked, not
 * announced every second), Cancel, and for a popup the click that opens its window.
 */
export function LimitWait({
  waiting,
  flow,
  onContinue,
  onCancel,
}: {
  waiting: Waiting
  /** The run's name. */ flow: string
  /** The click that opens a waiting popup run's window. */
  onContinue: () => void
  onCancel: () => void
}) {
  const [now, setNow] = useState(epochNow)
  useEffect(() => {
    const timer = setInterval(() => setNow(epochNow()), 250)
    return () => clearInterval(timer)
  }, [])
  const seconds = Math.max(0, Math.ceil((waiting.until - now) / 1000))

  return (
    <div className="panel">
      {waiting.ready ? (
        <p role="status">The {flow} run may start now.</p>
      ) : (
        <p role="timer">Waiting for LiveChat&apos;s sign-in limit: {seconds} s</p>
      )}
      <div className="actions">
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
