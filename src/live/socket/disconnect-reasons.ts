// What the socket does after LiveChat's `agent_disconnected` push, per reason
// (docs/livechat/rtm.md#disconnect-reasons). The disconnect reasons are auth events where
// the token is concerned (expired → renew; revoked, logged out remotely → end the session here),
// and connection events otherwise. Pure, so the table is tested row by row.
import { isRegion } from 'livechat-browser-auth'

/** Why the socket stopped for good, until the agent asks to reconnect. */
export type StopReason =
  | 'connection_evicted'
  | 'too_many_connections'
  | 'agent_disconnected_by_server'
  | 'license_expired'
  | 'license_not_found'
  | 'unsupported_version'
  /** A `misdirected_connection` again after reconnecting once to the region LiveChat named. */
  | 'misdirected_connection'
  /** The login itself was refused for good (suspended, awaiting approval, seats, product). */
  | 'login_refused'

export type DisconnectAction =
  /** Reconnect with backoff. */
  | { kind: 'reconnect' }
  /** Renew the token first (the auth layer's shared re-auth), then reconnect. */
  | { kind: 'renew' }
  /** LiveChat ended the session: end it in this tab, with the reason on the sign-in page. */
  | { kind: 'end-session'; reason: 'revoked' | 'remote-logout' }
  /** Reconnect once, to the region in `data.region`. */
  | { kind: 'region'; region: string | null }
  /** Do not reconnect; say why, with a way forward. */
  | { kind: 'stop'; reason: StopReason }

/** Not reconnecting by itself (docs/livechat/rtm.md#disconnect-reasons): the agent decides, told why. */
const STOPPING: ReadonlySet<string> = new Set([
  'agent_disconnected_by_server',
  'connection_evicted',
  'license_expired',
  'license_not_found',
  'unsupported_version',
  'too_many_connections',
])

/** The region a misdirected connection should use, when it is a plausible region name. */
function regionOf(data: unknown): string | null {
  const region = (data as { region?: unknown } | null)?.region
  return isRegion(region) ? region : null
}

/**
 * The action for a disconnect reason. A reason this table does not know is treated like a
 * transient failure (reconnect with backoff): LiveChat adds reasons over time, and an agent
 * silently left offline is the worse mistake.
 */
export function actionFor(reason: string, data?: unknown): DisconnectAction {
  // The sample payload says `misdirected_request`; the table says `misdirected_connection`.
  if (reason === 'misdirected_connection' || reason === 'misdirected_request')
    return { kind: 'region', region: regionOf(data) }
  if (reason === 'access_token_revoked') return { kind: 'end-session', reason: 'revoked' }
  if (reason === 'agent_logged_out_remotely')
    return { kind: 'end-session', reason: 'remote-logout' }
  if (reason === 'access_token_expired') return { kind: 'renew' }
  if (STOPPING.has(reason)) return { kind: 'stop', reason: reason as StopReason }
  // connection_timeout, internal_error, too_many_unauthorized_connections and
  // role_permissions_changed (a new login reads the role's permissions again) reconnect.
  return { kind: 'reconnect' }
}

/**
 * Login errors no retry can fix (docs/livechat/rtm.md#login-errors): the requester suspended or
 * awaiting approval, no free seat, not a LiveChat 3 license, a malformed or forbidden request. The
 * agent or an administrator must act.
 */
const REFUSED_FOR_GOOD = /^(requester_|seats_|wrong_product|validation$|authorization$)/

/** What a refused `login` means: `authentication` renews the token; a few are final. */
export function loginFailureAction(errorType: string | null, data?: unknown): DisconnectAction {
  if (errorType === 'authentication') return { kind: 'renew' }
  if (errorType === 'misdirected_request') return { kind: 'region', region: regionOf(data) }
  if (errorType && STOPPING.has(errorType)) return { kind: 'stop', reason: errorType as StopReason }
  if (errorType && REFUSED_FOR_GOOD.test(errorType))
    return { kind: 'stop', reason: 'login_refused' }
  return { kind: 'reconnect' }
}
