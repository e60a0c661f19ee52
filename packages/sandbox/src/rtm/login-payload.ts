// What `login` answers and pushes right after (docs/RTM.md): `{license,
// my_profile, chats_summary}`, then `incoming_customers`. `chats_summary` holds the chats where
// the agent is a user plus the active chats of their reach, newest first, in list_chats' shape
// (U14). Customers follow `customer_monitoring_level` (docs/RTM.md).
import type { ApiRequest } from '../api/api-request'
import { chatReach, visibleChats } from '../api/chat-access'
import { chatSortKey, chatSummaryView, latestThread } from '../api/views'
import { holdsScope } from '../scope-rules'
import { parseRfc3339, rfc3339Micro } from '../seed/ids'
import type { MonitoringLevel } from './connection'

/** The LiveChat permission my_profile names: the Configuration API role (PL myProfile). */
export function myProfile(request: ApiRequest) {
  const { world } = request
  const { person } = request
  const agent = world.agents.find((a) => a.id === person.email)
  const seen = world.chats
    .flatMap((chat) => chat.users)
    .filter((u) => u.id === person.email && u.events_seen_up_to)
    .map((u) => u.events_seen_up_to as string)
    .sort()
  return {
    id: person.email,
    type: 'agent',
    name: person.name,
    email: person.email,
    present: true,
    events_seen_up_to: seen.at(-1) ?? rfc3339Micro(world.anchor),
    avatar: agent ? `https://${agent.avatar_path}` : '',
    routing_status: world.routingStatuses.get(person.email) ?? 'offline',
    permission: agent?.role ?? person.role,
  }
}

export function license(request: ApiRequest) {
  const { license: record, organizationId } = request.world
  const seconds = (value: string) => Math.floor(parseRfc3339(value) / 1000)
  return {
    id: record.id,
    organization_id: organizationId,
    plan: record.plan,
    expiration_timestamp: seconds(record.expires_at),
    creation_timestamp: seconds(record.created_at),
    in_trial: record.in_trial,
  }
}

export function chatsSummary(request: ApiRequest) {
  const reach = chatReach(request.caller.scopes, 'read')
  if (reach === null) return []
  const me = request.person.email
  return visibleChats(request, reach)
    .filter(
      (chat) =>
        latestThread(chat)?.active === true ||
        chat.users.some((u) => u.type === 'agent' && u.id === me),
    )
    .sort((a, b) => chatSortKey(b).localeCompare(chatSortKey(a)) || b.id.localeCompare(a.id))
    .map((chat) => chatSummaryView(chat, request.person, request.world))
}

/**
 * `incoming_customers` (docs/RTM.md): `my`, customers of the active chats the agent is in;
 * `chatting`, of any active chat in the agent's reach; `invited`, `online` and
 * `highest_available` are the same as `chatting` here (the sandbox has no website visitors).
 * Null without `customers:ro`, which gates customer pushes (docs/RTM.md).
 */
export function incomingCustomers(request: ApiRequest, level: MonitoringLevel) {
  if (!holdsScope(request.caller.scopes, 'customers:ro')) return null
  const reach = chatReach(request.caller.scopes, 'read')
  const me = request.person.email
  const chats = (reach ? visibleChats(request, reach) : []).filter(
    (chat) =>
      latestThread(chat)?.active === true &&
      (level !== 'my' || chat.users.some((u) => u.id === me && u.present)),
  )
  const ids = new Set(
    chats.flatMap((chat) => chat.users.filter((u) => u.type === 'customer').map((u) => u.id)),
  )
  const customers = request.world.customers
    .filter((customer) => ids.has(customer.id))
    .map((customer) => structuredClone(customer))
  return { customer_monitoring_level: level, customers }
}
