// Configuration API list_agents / get_agent (Configuration API reference; docs/AGENT-API.md): agents with their
// role and `login_status` (spaces, unlike routing statuses), plus the optional `fields`.
import type { AgentRecord, RoutingStatus, World } from '../../seed/world-records'
import { requireAnyScope, type ApiRequest } from '../api-request'
import { ApiFailure } from '../errors'
import {
  invalid,
  onlyKeys,
  optionalBoolean,
  optionalIntegerArray,
  optionalObject,
  requiredString,
} from '../params'

const FIELDS = [
  'groups',
  'work_scheduler',
  'email_subscriptions',
  'notifications',
  'job_title',
  'mobile',
  'max_chats_count',
  'suspended',
  'awaiting_approval',
  'last_logout',
] as const

type Field = (typeof FIELDS)[number]

/** Configuration agents report `login_status` with spaces [`offline` assumed]. */
const LOGIN_STATUS: Record<RoutingStatus, string> = {
  accepting_chats: 'accepting chats',
  not_accepting_chats: 'not accepting chats',
  offline: 'offline',
}

function parseFields(body: Record<string, unknown>): Field[] {
  const fields = body.fields
  if (fields === undefined) return []
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) {
    invalid('`fields` must be an array of strings', 'fields')
  }
  for (const field of fields) {
    if (!(FIELDS as readonly string[]).includes(field))
      invalid(`\`fields\`: unknown field \`${field}\``, 'fields')
  }
  return fields as Field[]
}

function fieldValue(agent: AgentRecord, field: Field): unknown {
  switch (field) {
    case 'groups':
      return agent.groups.map((g) => ({ ...g }))
    case 'work_scheduler':
      return {}
    case 'email_subscriptions':
      return ['weekly_summary']
    case 'notifications':
      return ['new_visitor', 'incoming_chat', 'unassigned_chats']
    case 'mobile':
      return ''
    default:
      return agent[field]
  }
}

function agentView(
  agent: AgentRecord,
  world: World,
  fields: Field[],
  avatarKey: 'avatar' | 'avatar_path',
) {
  const view: Record<string, unknown> = {
    id: agent.id,
    account_id: agent.account_id,
    name: agent.name,
    [avatarKey]: agent.avatar_path,
    role: agent.role,
    login_status: LOGIN_STATUS[world.routingStatuses.get(agent.id) ?? 'offline'],
  }
  for (const field of fields) view[field] = fieldValue(agent, field)
  return view
}

export function listAgents(request: ApiRequest): unknown {
  requireAnyScope(request, ['agents--all:ro'])
  const filters = optionalObject(request.body, 'filters') ?? {}
  onlyKeys(filters, ['group_ids', 'suspended'], 'filters')
  const groupIds = optionalIntegerArray(filters, 'group_ids', 200, 'filters.group_ids')
  const suspended = optionalBoolean(filters, 'suspended', 'filters.suspended')
  const fields = parseFields(request.body)
  const { world } = request
  return world.agents
    .filter((a) => !groupIds || a.groups.some((g) => groupIds.includes(g.id)))
    .filter((a) => suspended === undefined || a.suspended === suspended)
    .map((a) => agentView(a, world, fields, 'avatar_path'))
}

/** Yourself with `agents--my:ro`; anyone else needs `agents--all:ro`. `get_agent` says `avatar`. */
export function getAgent(request: ApiRequest): unknown {
  const id = requiredString(request.body, 'id')
  requireAnyScope(
    request,
    id === request.person.email ? ['agents--my:ro', 'agents--all:ro'] : ['agents--all:ro'],
  )
  const fields = parseFields(request.body)
  const { world } = request
  const agent = world.agents.find((a) => a.id === id)
  if (!agent) throw new ApiFailure('not_found', 'Agent not found')
  return agentView(agent, world, fields, 'avatar')
}
