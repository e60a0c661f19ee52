// What the socket does after LiveChat's `agent_disconnected` push, per reason
// (livechat-rtm-api.md §2.5 table, §11.3, §11.13). The disconnect reasons are auth events where
// the token is concerned (expired → renew; revoked, logged out remotely → end the session here),
// and connection events otherwise. Pure, so the table is tested row by row.

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

const TABLE: Record<string, DisconnectAction> = {
  agent_disconnected_by_server: { kind: 'stop', reason: 'agent_disconnected_by_server' },
  agent_logged_out_remotely: { kind: 'end-session', reason: 'remote-logout' },
  access_token_revoked: { kind: 'end-session', reason: 'revoked' },
  connection_evicted: { kind: 'stop', reason: 'connection_evicted' },
  access_token_expired: { kind: 'renew' },
  connection_timeout: { kind: 'reconnect' },
  internal_error: { kind: 'reconnect' },
  license_expired: { kind: 'stop', reason: 'license_expired' },
  license_not_found: { kind: 'stop', reason: 'license_not_found' },
  unsupported_version: { kind: 'stop', reason: 'unsupported_version' },
  too_many_connections: { kind: 'stop', reason: 'too_many_connections' },
  too_many_unauthorized_connections: { kind: 'reconnect' },
  // A new login reads the role's permissions again (§2.5).
  role_permissions_changed: { kind: 'reconnect' },
}

/** The region a misdirected connection should use, when it is a plausible region name. */
function regionOf(data: unknown): string | null {
  const region = (data as { region?: unknown } | null)?.region
  return typeof region === 'string' && /^[a-z]{2,8}(-[a-z0-9]{1,8})?$/.test(region) ? region : null
}

/**
 * The action for a disconnect reason. A reason this table does not know is treated like a
 * transient failure (reconnect with backoff): LiveChat adds reasons over time, and an agent
 * silently left offline is the worse mistake.
 */
export function actionFor(reason: string, data?: unknown): DisconnectAction {
  if (reason === 'misdirected_connection' || reason === 'misdirected_request') {
    // The sample payload says `misdirected_request`; the table says `misdirected_connection`.
    return { kind: 'region', region: regionOf(data) }
  }
  return Object.hasOwn(TABLE, reason) ? (TABLE[reason] as DisconnectAction) : { kind: 'reconnect' }
}

/** Login error types that no retry can fix (§6): the agent or an administrator must act. */
const FINAL_LOGIN_ERRORS: ReadonlySet<string> = new Set([
  'requester_suspended',
  'requester_awaiting_approval',
  'seats_limit_exceeded',
  'wrong_product_version',
  'license_expired',
  'license_not_found',
  'unsupported_version',
  'validation',
  'authorization',
])

/** What a refused `login` means: `authentication` renews the token; a few are final. */
export function loginFailureAction(errorType: string | null, data?: unknown): DisconnectAction {
  if (errorType === 'authentication') return { kind: 'renew' }
  if (errorType === 'license_expired' || errorType === 'license_not_found')
    return { kind: 'stop', reason: errorType }
  if (errorType === 'unsupported_version') return { kind: 'stop', reason: 'unsupported_version' }
  if (errorType === 'misdirected_request') return { kind: 'region', region: regionOf(data) }
  if (errorType !== null && FINAL_LOGIN_ERRORS.has(errorType))
    return { kind: 'stop', reason: 'login_refused' }
  return { kind: 'reconnect' }
}
