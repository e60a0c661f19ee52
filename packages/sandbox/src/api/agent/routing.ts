// set_routing_status and list_routing_statuses (Agent Chat API, "Status"). Agents choose between accepting
// and not accepting chats; only bots can be set `offline`. Setting your own status needs
// `agents--my:rw`, anyone else's `agents--all:rw`; bots need `agents-bot--my:rw` (own client's
// bots) or `agents-bot--all:rw`.
import { setRoutingStatusOf } from '../../conversation/routing'
import type { RoutingStatus } from '../../seed/world-records'
import { requesterOf, requireAnyScope, type ApiRequest } from '../api-request'
import { ApiFailure } from '../errors'
import {
  invalid,
  onlyKeys,
  optionalIntegerArray,
  optionalObject,
  optionalString,
  requiredString,
} from '../params'
import { holdsScope } from '../../scope-rules'

const AGENT_STATUSES: readonly RoutingStatus[] = ['accepting_chats', 'not_accepting_chats']
const BOT_STATUSES: readonly RoutingStatus[] = ['accepting_chats', 'not_accepting_chats', 'offline']

export function setRoutingStatus(request: ApiRequest): unknown {
  const { world } = request
  const agentId = optionalString(request.body, 'agent_id') ?? request.person.email
  const bot = world.bots.find((b) => b.id === agentId)
  if (bot) {
    const scopes =
      bot.owner_client_id === request.caller.clientId
        ? ['agents-bot--my:rw', 'agents-bot--all:rw']
        : ['agents-bot--all:rw']
    requireAnyScope(request, scopes)
  } else {
    requireAnyScope(
      request,
      agentId === request.person.email ? ['agents--my:rw'] : ['agents--all:rw'],
    )
    if (!world.agents.some((a) => a.id === agentId))
      throw new ApiFailure('not_found', 'Agent not found')
  }
  const status = requiredString(request.body, 'status')
  const allowed = bot ? BOT_STATUSES : AGENT_STATUSES
  if (!(allowed as readonly string[]).includes(status))
    invalid(`\`status\` must be one of: ${allowed.join(', ')}`, 'status')
  setRoutingStatusOf(request, agentId, status as RoutingStatus, requesterOf(request))
  return {}
}

/** A top-level array; agents need `agents--all:ro`, bots `agents-bot--all:ro` (the doc's "and"). */
export function listRoutingStatuses(request: ApiRequest): unknown {
  const { world } = request
  const seesAgents = holdsScope(request.caller.scopes, 'agents--all:ro')
  const seesBots = holdsScope(request.caller.scopes, 'agents-bot--all:ro')
  if (!seesAgents && !seesBots) requireAnyScope(request, ['agents--all:ro', 'agents-bot--all:ro'])
  const filters = optionalObject(request.body, 'filters') ?? {}
  onlyKeys(filters, ['group_ids'], 'filters')
  const groupIds = optionalIntegerArray(filters, 'group_ids', 200, 'filters.group_ids')
  const inGroups = (groups: { id: number }[]) =>
    !groupIds || groups.some((g) => groupIds.includes(g.id))
  const rows: { agent_id: string; status: RoutingStatus }[] = []
  if (seesAgents) {
    for (const agent of world.agents) {
      if (!agent.suspended && inGroups(agent.groups)) {
        rows.push({ agent_id: agent.id, status: world.routingStatuses.get(agent.id) ?? 'offline' })
      }
    }
  }
  if (seesBots) {
    for (const bot of world.bots) {
      if (inGroups(bot.groups))
        rows.push({ agent_id: bot.id, status: world.routingStatuses.get(bot.id) ?? 'offline' })
    }
  }
  return rows
}
