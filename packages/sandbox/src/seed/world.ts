// The agent-API world of one organization (chats, threads, customers, routing statuses, …), built
// fresh from its seed by createWorld() so that POST /sandbox/reset gives every test the same
// starting point.
import { buildAgents, INITIAL_ROUTING_STATUS } from './agents'
import { buildChats } from './chats'
import { buildCustomers } from './customers'
import { rfc3339Micro } from './ids'
import { TAGS } from './tags'
import type { RoutingStatus, World } from './world-records'
import type { WorldSeed } from './world-seed'

const DAY = 86_400_000

/**
 * A fresh world. Ids come from a fixed seed; timestamps are placed relative to `anchor` (by
 * default now, rounded to the minute) so a demo never shows months-old "active" chats.
 */
export function createWorld(
  seed: WorldSeed,
  anchor: number = Math.floor(Date.now() / 60_000) * 60_000,
): World {
  const customers = buildCustomers(seed.customers, anchor)
  const chats = buildChats(seed.chats, seed.people, anchor, customers, seed.idSeed)
  const routingStatuses = new Map<string, RoutingStatus>()
  for (const person of seed.people)
    routingStatuses.set(person.email, INITIAL_ROUTING_STATUS[person.email] ?? 'accepting_chats')
  for (const bot of seed.bots) routingStatuses.set(bot.id, 'accepting_chats')
  return {
    anchor,
    organizationId: seed.organization.id,
    license: {
      id: seed.organization.licenseId,
      plan: 'team',
      in_trial: false,
      created_at: rfc3339Micro(anchor - 400 * DAY),
      expires_at: rfc3339Micro(anchor + 330 * DAY),
    },
    groups: seed.groups.map((g) => ({ id: g.id, name: g.name, language_code: g.languageCode })),
    agents: buildAgents(seed.people, anchor),
    bots: seed.bots.map((bot) => ({
      id: bot.id,
      name: bot.name,
      avatar_path: bot.avatarPath,
      default_group_priority: 'first',
      owner_client_id: bot.ownerClientId,
      max_chats_count: 20,
      groups: bot.groups.map((g) => ({ ...g })),
    })),
    tags: TAGS.map((name) => ({
      name,
      group_ids: [seed.groups[0]?.id ?? 0],
      author_id: seed.people.find((p) => p.role === 'owner')?.email ?? '',
      created_at: rfc3339Micro(anchor - 300 * DAY),
    })),
    customers,
    chats,
    routingStatuses,
    pages: new Map(),
    pageSequence: 0,
    rateHits: new Map(),
  }
}
