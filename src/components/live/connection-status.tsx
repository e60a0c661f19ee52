import { useNow } from '../use-now'
import { useLive } from '../../live/use-live'
import './live.css'

const WORDS = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  closed: 'Offline',
} as const

/** Seconds until the next attempt, beside the status (not in it: no announcement per tick). */
function Countdown({ retryAt }: { retryAt: number }) {
  const seconds = Math.max(0, Math.ceil((retryAt - useNow(1000)) / 1000))
  return <span className="muted">next try in {seconds} s</span>
}

/** The live connection in the header ("Live", "Reconnecting…" or "Offline": docs/live-workspace.md). */
export function ConnectionStatus() {
  const { status, reconnectNow } = useLive()
  return (
    <div className={`live-status live-status--${status.state}`}>
      <p role="status">{WORDS[status.state]}</p>
      {status.state === 'reconnecting' && status.retryAt !== null && (
        <>
          <Countdown retryAt={status.retryAt} />
          <button type="button" className="button" onClick={reconnectNow}>
            Try now
          </button>
        </>
      )}
    </div>
  )
}
