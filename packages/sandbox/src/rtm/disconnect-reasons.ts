// The documented `agent_disconnected` reasons (the RTM pushes reference,
// "Possible reasons"; docs/RTM.md). POST /sandbox/rtm/disconnect accepts exactly these; the sandbox causes most of them
// by itself (docs/RTM.md "Disconnects").
export const DISCONNECT_REASONS = [
  'agent_disconnected_by_server',
  'agent_logged_out_remotely',
  'access_token_revoked',
  'connection_evicted',
  'access_token_expired',
  'connection_timeout',
  'internal_error',
  'license_expired',
  'license_not_found',
  'misdirected_connection',
  'unsupported_version',
  'too_many_connections',
  'too_many_unauthorized_connections',
  'role_permissions_changed',
] as const

export type DisconnectReason = (typeof DISCONNECT_REASONS)[number]

export function isDisconnectReason(value: unknown): value is DisconnectReason {
  return (DISCONNECT_REASONS as readonly unknown[]).includes(value)
}
