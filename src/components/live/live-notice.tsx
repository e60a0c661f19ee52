import { useLive } from '../../live/use-live'
import type { LiveStatus } from '../../live/socket/rtm-client'

type Offline = Extract<LiveStatus, { state: 'offline' }>['reason']

const LATER = 'Chats here no longer update by themselves.'
const ADMIN = 'An administrator of the license can fix this; then reconnect.'

/** Why the socket stopped (livechat-rtm-api.md §2.5), and what the agent can do about it. */
const WHY: Record<Offline, string> = {
  connection_evicted: `A newer connection (another tab or device) replaced this one. ${LATER}`,
  too_many_connections: 'You are connected in too many places. Close another tab or app first.',
  agent_disconnected_by_server: `LiveChat ended the connection. ${LATER}`,
  license_expired: `The LiveChat license has expired. ${ADMIN}`,
  license_not_found: `LiveChat does not know this license. ${ADMIN}`,
  unsupported_version:
    'LiveChat no longer supports this app’s API version: the app needs an update.',
  misdirected_connection: 'LiveChat’s other region refused the connection too. Try again later.',
  login_refused: `LiveChat refused your account (suspended, awaiting approval or no free seat). ${ADMIN}`,
  browser_offline: 'You are offline. The workspace reconnects when your connection is back.',
}

const HERE: ReadonlySet<Offline> = new Set(['connection_evicted', 'too_many_connections'])

/** Why the live connection stopped, and the way forward (only shown when it has). */
export function LiveNotice() {
  const { status, reconnectNow } = useLive()
  if (status.state !== 'offline') return null
  return (
    <div role="alert" className="alert live-notice">
      <p>
        <strong>Live updates are off.</strong> {WHY[status.reason]}
      </p>
      <button type="button" className="button" onClick={reconnectNow}>
        {HERE.has(status.reason) ? 'Reconnect here' : 'Reconnect'}
      </button>
    </div>
  )
}
