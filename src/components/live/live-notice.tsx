import { useLive } from '../../live/use-live'
import type { LiveStatus } from '../../live/socket/rtm-client'

const ADMIN = 'an administrator of the license can fix that.'

/** Why the socket stopped for good (docs/livechat/rtm.md#disconnect-reasons), and what the agent can do. */
const WHY: Record<Extract<LiveStatus, { state: 'offline' }>['reason'], string> = {
  connection_evicted: 'A newer connection (another tab or device) replaced this one.',
  too_many_connections: 'You are connected in too many places: close another tab or app.',
  agent_disconnected_by_server: 'LiveChat ended the connection.',
  license_expired: `The license has expired; ${ADMIN}`,
  license_not_found: `LiveChat does not know the license; ${ADMIN}`,
  unsupported_version: 'LiveChat no longer supports this app’s API version.',
  misdirected_connection: 'LiveChat’s other region refused it too.',
  login_refused: `LiveChat refused your account (suspended, not approved or no seat); ${ADMIN}`,
  browser_offline: 'You are offline: the workspace reconnects when your network is back.',
}

/** Why the live connection stopped, and the way forward (only shown when it has). */
export function LiveNotice() {
  const { status, reconnectNow } = useLive()
  if (status.state !== 'offline') return null
  const here = status.reason === 'connection_evicted' || status.reason === 'too_many_connections'
  return (
    <div role="alert" className="alert">
      <p>
        <strong>Live updates are off: chats here no longer update by themselves.</strong>{' '}
        {WHY[status.reason]}
      </p>
      <button type="button" className="button" onClick={reconnectNow}>
        {here ? 'Reconnect here' : 'Reconnect'}
      </button>
    </div>
  )
}
