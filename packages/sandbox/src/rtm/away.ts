// Auto-away: an agent whose RTM connections are all away stops accepting chats.
import { setRoutingStatusOf } from '../conversation/routing'
import type { Requester } from '../events/sandbox-events'
import type { HubServices } from './hub-services'

/** Auto-away (docs/RTM.md): when every logged-in connection of the agent is away, not accepting chats. */
export function applyAway(hub: HubServices, email: string, requester?: Requester): void {
  const sessions = hub.sessionsOf(email)
  if (sessions.length === 0 || !sessions.every((c) => c.away)) return
  if (hub.state.world.routingStatuses.get(email) !== 'accepting_chats') return
  setRoutingStatusOf(hub.state, email, 'not_accepting_chats', requester)
}
