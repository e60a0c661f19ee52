// POST /sandbox/chats/bulk: adds many open chats with long threads at once, so a load test can
// check the app stays responsive with a busy license (issue 6, load). The chats are ordinary
// world records (same shapes as the seed), newest first, so the agent API pages them as usual.
// Reference: docs/AGENT-API.md "Control API".
import { Hono } from 'hono'
import { chatStyleId, rfc3339Micro, seededRandom } from '../seed/ids'
import type { ChatEvent, ChatRecord } from '../seed/world-records'
import type { SandboxState } from '../state'
import { ControlError, numberField, readInput, reply, replyError } from './control-input'

const MAX_CHATS = 1_000
const MAX_EVENTS = 2_000

export function bulkRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.post('/chats/bulk', async (c) => {
    const input = await readInput(c)
    try {
      const count = numberField(input.data, 'count', { min: 1, max: MAX_CHATS })
      if (count === undefined) throw new ControlError('count is required')
      const eventsPerThread =
        numberField(input.data, 'eventsPerThread', { min: 1, max: MAX_EVENTS }) ?? 20
      const groupId = numberField(input.data, 'groupId', { min: 0, max: 1_000_000 }) ?? 0
      const ids = addBulkChats(state, Math.floor(count), Math.floor(eventsPerThread), groupId)
      return reply(c, input, { chatIds: ids }, `Added ${ids.length} chats`)
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  return routes
}

/** Adds the chats in front of the seed's (they are the most recent) and returns their ids. */
export function addBulkChats(
  state: SandboxState,
  count: number,
  eventsPerThread: number,
  groupId: number,
): string[] {
  const world = state.world
  if (!world.groups.some((g) => g.id === groupId)) throw new ControlError(`no group ${groupId}`)
  const agent = world.agents.find((a) => a.groups.some((g) => g.id === groupId))
  const customer = world.customers[0]
  if (!agent || !customer) throw new ControlError(`group ${groupId} has no agent or customer`)
  // Seeded from the current chat count: a second call in the same world gets new ids.
  const random = seededRandom(7_000 + world.chats.length)
  const now = state.now()
  const added: ChatRecord[] = []
  for (let n = 0; n < count; n++) {
    const chatId = chatStyleId(random)
    const threadId = chatStyleId(random)
    // Chat n's last event is n minutes old, one event a second before that.
    const end = now - n * 60_000
    const events: ChatEvent[] = Array.from({ length: eventsPerThread }, (_, i) => {
      const fromCustomer = i % 2 === 0
      return {
        id: `${threadId}_${i + 1}`,
        created_at: rfc3339Micro(end - (eventsPerThread - 1 - i) * 1_000),
        type: 'message',
        author_id: fromCustomer ? customer.id : agent.id,
        text: `Load chat ${n + 1}, message ${i + 1} of ${eventsPerThread}`,
        visibility: 'all',
      }
    })
    const first = events[0]?.created_at ?? rfc3339Micro(end)
    const last = events[events.length - 1]?.created_at ?? first
    added.push({
      id: chatId,
      users: [
        { id: customer.id, type: 'customer', present: true, events_seen_up_to: last },
        { id: agent.id, type: 'agent', present: true, visibility: 'all', events_seen_up_to: last },
      ],
      threads: [
        {
          id: threadId,
          created_at: first,
          active: true,
          user_ids: [customer.id, agent.id],
          events,
          tags: [],
          access: { group_ids: [groupId] },
          properties: {},
        },
      ],
      properties: { routing: { pinned: false } },
      access: { group_ids: [groupId] },
      followers: [],
    })
  }
  world.chats = [...added, ...world.chats]
  customer.chat_ids = [...added.map((chat) => chat.id), ...customer.chat_ids]
  return added.map((chat) => chat.id)
}
