// Changing an agent's routing status, from set_routing_status (Web or RTM) or the auto-away of
// RTM sessions (docs/RTM.md): the world changes and `routing_status_set` goes on
// the bus (docs/AGENT-API.md).
import type { Requester } from '../events/sandbox-events'
import type { RoutingStatus } from '../seed/world-records'
import type { OrgScope } from '../state'

export function setRoutingStatusOf(
  { state, world }: OrgScope,
  agentId: string,
  status: RoutingStatus,
  requester?: Requester,
): void {
  world.routingStatuses.set(agentId, status)
  state.events.emit('push', {
    kind: 'routing',
    action: 'routing_status_set',
    organizationId: world.organizationId,
    agentId,
    requester,
    payload: () => ({ agent_id: agentId, status }),
  })
}
