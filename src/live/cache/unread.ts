// What the agent has not seen yet, per chat (docs/livechat/rtm.md#seen-and-unread): an event is
// unread when someone else wrote it after my `events_seen_up_to`. Kept as the unread events'
// ids and times, so a push, a fetched thread and a fetched list can all add what they know
// without counting anything twice, and `events_marked_as_seen` can clear up to a time. Pure.
import type { ChatEvent, ChatSummary, ChatWithThread } from '../../api/chat-types'

export interface Unread {
  /** My `events_seen_up_to` for the chat, as far as we know. */
  seenUpTo: string | null
  events: { id: string; at: string }[]
}

export type UnreadByChat = Readonly<Record<string, Unread>>

const NOTHING: Unread = { seenUpTo: null, events: [] }

/** Events a person wrote: messages and files count, system messages do not. */
function countable(event: ChatEvent, me: string): boolean {
  const author = 'author_id' in event ? event.author_id : undefined
  return (
    typeof author === 'string' && author !== me && event.type !== 'system_message' && !event.deleted
  )
}

function later(a: string | null, b: string | null | undefined): string | null {
  if (!b) return a
  return a === null || b > a ? b : a
}

/** Adds what `events` shows unseen to what was known; drops anything now seen. */
export function addUnread(
  current: Unread | undefined,
  events: readonly ChatEvent[],
  me: string,
  seenUpTo?: string | null,
): Unread {
  const seen = later(current?.seenUpTo ?? null, seenUpTo)
  const known = new Map((current ?? NOTHING).events.map((e) => [e.id, e]))
  for (const event of events) {
    if (countable(event, me)) known.set(event.id, { id: event.id, at: event.created_at })
  }
  return {
    seenUpTo: seen,
    events: [...known.values()].filter((e) => seen === null || e.at > seen),
  }
}

/** `events_marked_as_seen` for me, or my own message (sending marks all as seen: docs/livechat/rtm.md#seen-and-unread). */
export function markSeen(current: Unread | undefined, seenUpTo: string): Unread {
  return addUnread(current, [], '', seenUpTo)
}

/**
 * Whether unread counts matter to me in this chat: I take part in it, or nobody does yet (a
 * queued or unassigned chat waiting for an agent). Other agents' chats are theirs to read.
 */
export function countsForMe(
  chat: { users?: ChatSummary['users'] } | undefined,
  me: string,
): boolean {
  const agents = (chat?.users ?? []).filter((user) => user.type === 'agent' && user.present)
  return agents.length === 0 || agents.some((agent) => agent.id === me)
}

function seenBy(users: ChatSummary['users'], me: string): string | null {
  return users?.find((user) => user.id === me)?.events_seen_up_to ?? null
}

/** What a list row tells: its latest events, against my read position in it. */
export function unreadFromSummary(
  current: Unread | undefined,
  summary: ChatSummary,
  me: string,
): Unread {
  const events = Object.values(summary.last_event_per_type ?? {}).map((entry) => entry.event)
  return addUnread(current, events, me, seenBy(summary.users, me))
}

/** What a fetched thread tells: every event of it. */
export function unreadFromThread(
  current: Unread | undefined,
  chat: ChatWithThread,
  me: string,
): Unread {
  return addUnread(current, chat.thread?.events ?? [], me, seenBy(chat.users, me))
}

export function unreadCount(unread: Unread | undefined): number {
  return unread?.events.length ?? 0
}

export function totalUnread(byChat: UnreadByChat | undefined): number {
  return Object.values(byChat ?? {}).reduce((sum, unread) => sum + unread.events.length, 0)
}
