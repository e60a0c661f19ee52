// The RTM-only session actions (docs/RTM.md; RTM specifics "Web API
// equivalent: -"): logout (one's own socket, or another agent's everywhere), update_session
// (a new token on a live socket, moving its expiry, U16) and set_away_status (per connection;
// an agent whose connections are all away stops accepting chats).
import { requesterOf, requireAnyScope, type ApiRequest } from '../api/api-request'
import { ApiFailure } from '../api/errors'
import { optionalBoolean, optionalString } from '../api/params'
import type { RtmConnection } from './connection'
import type { HubServices } from './hub-services'
import { applyAway } from './away'
import { callerFromToken } from './rtm-caller'

/**
 * `logout {agent_id?}`. Without an id (or with one's own) this socket logs out: `{}`, then a
 * normal close (there is no `logged_out` reason, docs/RTM.md). With another agent's id, that agent's
 * sockets get `agent_logged_out_remotely` (docs/RTM.md); that needs `agents--all:rw`
 * [assumed].
 */
export function logout(hub: HubServices, connection: RtmConnection, request: ApiRequest): unknown {
  const agentId = optionalString(request.body, 'agent_id')
  if (agentId === undefined || agentId === request.person.email) {
    connection.closeSoon(1000, 'logout')
    return {}
  }
  requireAnyScope(request, ['agents--all:rw'])
  if (!request.world.agents.some((a) => a.id === agentId))
    throw new ApiFailure('not_found', 'Agent not found')
  hub.disconnect(
    { email: agentId, organizationId: request.world.organizationId, loggedInOnly: true },
    'agent_logged_out_remotely',
  )
  return {}
}

/**
 * `update_session {token}`: another live credential of the same account and organization
 * replaces the socket's.
 */
export function updateSession(
  hub: HubServices,
  connection: RtmConnection,
  request: ApiRequest,
): unknown {
  const caller = callerFromToken(hub, request.body.token)
  if (caller.accountId !== request.caller.accountId)
    throw new ApiFailure('authentication', 'The token belongs to another account')
  // The socket lives in one organization: a token of another would let it read that one's data.
  if (caller.organizationId !== request.caller.organizationId)
    throw new ApiFailure('authentication', 'The token belongs to another organization')
  connection.authenticated(caller)
  return {}
}

export function setAwayStatus(
  hub: HubServices,
  connection: RtmConnection,
  request: ApiRequest,
): unknown {
  requireAnyScope(request, ['agents--my:rw'])
  const away = optionalBoolean(request.body, 'away')
  if (away === undefined)
    throw new ApiFailure('validation', '`away` is required', { field: 'away' })
  connection.away = away
  applyAway(hub, request, requesterOf(request))
  return {}
}
