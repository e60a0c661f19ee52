// Configuration API list_groups / get_group (Configuration API reference): groups with optional agent priorities and a
// routing status derived from their members.
import type { AgentPriority, GroupRecord, RoutingStatus, World } from '../../seed/world-records'
import { requireAnyScope, type ApiRequest } from '../api-request'
import { ApiFailure } from '../errors'
import { invalid, optionalInteger } from '../params'

const FIELDS = ['agent_priorities', 'routing_status'] as const
type Field = (typeof FIELDS)[number]

function parseFields(body: Record<string, unknown>): Field[] {
  const fields = body.fields
  if (fields === undefined) return []
  if (!Array.isArray(fields) || !fields.every((f) => (FIELDS as readonly unknown[]).includes(f))) {
    invalid(`\`fields\` must be an array of: ${FIELDS.join(', ')}`, 'fields')
  }
  return fields as Field[]
}

function members(world: World, groupId: number): { id: string; priority: AgentPriority }[] {
  return [...world.agents, ...world.bots].flatMap((agent) => {
    const membership = agent.groups.find((g) => g.id === groupId)
    return membership ? [{ id: agent.id, priority: membership.priority }] : []
  })
}

/** Accepting when any member accepts, not accepting when someone is online, else offline. */
export function groupRoutingStatus(world: World, groupId: number): RoutingStatus {
  const statuses = members(world, groupId).map((m) => world.routingStatuses.get(m.id) ?? 'offline')
  if (statuses.includes('accepting_chats')) return 'accepting_chats'
  if (statuses.includes('not_accepting_chats')) return 'not_accepting_chats'
  return 'offline'
}

function groupView(group: GroupRecord, world: World, fields: Field[]): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: group.id,
    name: group.name,
    language_code: group.language_code,
  }
  if (fields.includes('agent_priorities')) {
    view.agent_priorities = Object.fromEntries(
      members(world, group.id).map((m) => [m.id, m.priority]),
    )
  }
  if (fields.includes('routing_status')) view.routing_status = groupRoutingStatus(world, group.id)
  return view
}

export function listGroups(request: ApiRequest): unknown {
  requireAnyScope(request, ['groups--all:ro'])
  const fields = parseFields(request.body)
  return request.world.groups.map((g) => groupView(g, request.world, fields))
}

/** Your own groups with `groups--my:ro`, any group with `groups--all:ro`. */
export function getGroup(request: ApiRequest): unknown {
  if (request.body.id === undefined) invalid('`id` is required', 'id')
  const id = optionalInteger(request.body, 'id', { min: 0, max: Number.MAX_SAFE_INTEGER }) as number
  const mine = request.person.groupIds.includes(id)
  requireAnyScope(request, mine ? ['groups--my:ro', 'groups--all:ro'] : ['groups--all:ro'])
  const fields = parseFields(request.body)
  const group = request.world.groups.find((g) => g.id === id)
  if (!group) throw new ApiFailure('group_not_found', 'Group not found')
  return groupView(group, request.world, fields)
}
