// The chat changes every writer shares: the agent API handlers (Web and RTM, one code path) and
// the customer simulator. Each mutates the world and announces itself on the bus, so a change
// made anywhere reaches RTM sockets the same way (docs/RTM.md).
import type { Requester } from '../events/sandbox-events'
import type { ChatEvent, ChatRecord, ThreadRecord } from '../seed/world-records'
import type { OrgScope } from '../state'
import { nextEventTime } from '../api/agent/chat-time'
import { latestThread } from '../api/views'
import { rfc3339Micro } from '../seed/ids'
import { pushChatChange, pushIncomingEvent } from './chat-pushes'
import { newChatStyleId } from './new-ids'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** An event as a writer describes it; the id and time are the chat's to give. */
export type NewEvent = DistributiveOmit<ChatEvent, 'id' | 'created_at'>

function stamp({ state }: OrgScope, thread: ThreadRecord, event: NewEvent): ChatEvent {
  return {
    ...event,
    id: `${thread.id}_${thread.events.length + 1}`,
    created_at: nextEventTime(state.now(), thread),
  } as ChatEvent
}

/** Appends to the thread and pushes `incoming_event` (its author's copy included, docs/AGENT-API.md). */
export function appendEvent(
  scope: OrgScope,
  chat: ChatRecord,
  thread: ThreadRecord,
  event: NewEvent,
  requester?: Requester,
): ChatEvent {
  const stored = stamp(scope, thread, event)
  thread.events.push(stored)
  pushIncomingEvent(scope, chat, thread, stored, requester)
  return stored
}

/**
 * A new active thread, the chat's latest (one active thread per chat, data structures, "Thread"), holding
 * `events` from the start. The caller pushes `incoming_chat` once the chat is complete.
 */
export function openThread(
  scope: OrgScope,
  chat: ChatRecord,
  input: { userIds: string[]; events?: NewEvent[]; queued?: boolean; active?: boolean },
): ThreadRecord {
  const now = scope.state.now()
  const thread: ThreadRecord = {
    id: newChatStyleId(scope.world),
    created_at: rfc3339Micro(now),
    active: input.active ?? true,
    user_ids: [...new Set(input.userIds)],
    events: [],
    tags: [],
    access: { group_ids: [...chat.access.group_ids] },
    properties: {},
  }
  for (const event of input.events ?? []) thread.events.push(stamp(scope, thread, event))
  if (input.queued && thread.active) queue(scope, thread, chat.access.group_ids)
  chat.threads.push(thread)
  return thread
}

/** Puts an open thread at the end of its groups' queue (data structures, "Thread": `queue`). */
export function queue(
  { state, world }: OrgScope,
  thread: ThreadRecord,
  groupIds: readonly number[],
): void {
  const waiting = world.chats.filter((c) => {
    const latest = latestThread(c)
    return (
      latest !== thread &&
      latest?.active &&
      latest.queue &&
      c.access.group_ids.some((g) => groupIds.includes(g))
    )
  }).length
  const now = rfc3339Micro(state.now())
  thread.queue = { position: waiting + 1, wait_time: 0, queued_at: now }
}

/**
 * Closes the open thread: a closing system message (incoming_event), nobody present any more,
 * then `chat_deactivated` to everyone with access (a key change; `user_id` names who closed it,
 * docs/AGENT-API.md).
 */
export function closeThread(
  scope: OrgScope,
  chat: ChatRecord,
  thread: ThreadRecord,
  input: { userId?: string; systemMessage: NewEvent },
  requester?: Requester,
): void {
  appendEvent(scope, chat, thread, input.systemMessage, requester)
  thread.active = false
  delete thread.queue
  // Closed chats have nobody present, as in the seed's inactive chats.
  for (const user of chat.users) user.present = false
  pushChatChange(
    scope,
    chat,
    'chat_deactivated',
    'key',
    { chat_id: chat.id, thread_id: thread.id, ...(input.userId ? { user_id: input.userId } : {}) },
    { requester },
  )
}
