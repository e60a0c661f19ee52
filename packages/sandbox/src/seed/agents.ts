// Configuration API agents built from the people in identity.ts: roles, group priorities and
// the routing status each starts with (docs/AGENT-API.md).
import { rfc3339Micro } from './ids'
import type { Person } from './identity'
import type { AgentPriority, AgentRecord, RoutingStatus } from './world-records'

/** Where a priority other than `normal` applies: Ben is last in Sales, Adam supervises Support. */
const PRIORITIES: Record<string, Record<number, AgentPriority>> = {
  'ben@acme.test': { 1: 'last' },
  'adam@acme.test': { 2: 'supervisor' },
}

export const INITIAL_ROUTING_STATUS: Record<string, RoutingStatus> = {
  'olivia@acme.test': 'not_accepting_chats',
  'adam@acme.test': 'accepting_chats',
  'nina@acme.test': 'accepting_chats',
  'sam@acme.test': 'accepting_chats',
  'ben@acme.test': 'offline',
}

const HOUR = 3_600_000

export function buildAgents(people: readonly Person[], anchor: number): AgentRecord[] {
  return people.map((person, index) => ({
    id: person.email,
    account_id: person.accountId,
    name: person.name,
    avatar_path: `cdn.livechatinc.com/avatars/${person.email.split('@')[0]}.png`,
    role: person.role,
    job_title: person.jobTitle,
    max_chats_count: person.role === 'normal' ? 6 : 4,
    suspended: false,
    awaiting_approval: false,
    last_logout: rfc3339Micro(anchor - (14 + index * 5) * HOUR),
    groups: person.groupIds.map((id) => ({
      id,
      priority: PRIORITIES[person.email]?.[id] ?? 'normal',
    })),
  }))
}
