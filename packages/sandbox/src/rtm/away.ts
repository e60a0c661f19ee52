// Auto-away: an agent whose RTM connections to an organization are all away stops accepting chats
// there (routing statuses are per organization).
import type { ApiRequest } from '../api/api-request'
import { setRoutingStatusOf } from '../conversation/routing'
import type { Requester } from '../events/sandbox-events'
import type { HubServices } from './hub-services'

/** Auto-away (docs/RTM.md): when every logged-in connection of the agent is away, not accepting chats. */
export function applyAway(hub: HubServices, request: ApiRequest, requester?: Requester): void {
  const { world, person } = request
  const sessions = hub
    .sessionsOf(person.email)
    .filter((c) => c.caller?.organizationId === world.organizationId)
  if (sessions.length === 0 || !sessions.every((c) => c.away)) return
  if (world.routingStatuses.get(person.email) !== 'accepting_chats') return
  setRoutingStatusOf(request, person.email, 'not_accepting_chats', requester)
}
