// Pure edits of a cached chat (get_chat: one thread) for the pushes that carry complete data
// (docs/livechat/rtm.md#threads): events are idempotent upserts keyed by `id`, and the
// optimistic copy of our own message is matched by its `custom_id`, so it is never shown twice
// whichever comes first, the push or the send's response.
import { isUnconfirmed } from '../../api/chat-actions'
import type { ChatEvent, ChatUser, ChatWithThread, Thread } from '../../api/chat-types'

type CachedThread = NonNullable<ChatWithThread['thread']>

function withThread(chat: ChatWithThread, edit: (thread: CachedThread) => CachedThread) {
  return chat.thread ? { ...chat, thread: edit(chat.thread) } : chat
}

/** Whether a push for `threadId` belongs to the thread this cache entry shows. */
export function showsThread(chat: ChatWithThread | undefined, threadId: string): boolean {
  return chat?.thread?.id === threadId
}

/**
 * The event added or replaced: the same `id`, or our unconfirmed copy with the same
 * `custom_id`, is replaced in place; anything else is appended.
 */
export function upsertEvent(chat: ChatWithThread, event: ChatEvent): ChatWithThread {
  return withThread(chat, (thread) => {
    const events = thread.events ?? []
    const customId = 'custom_id' in event ? event.custom_id : undefined
    const index = events.findIndex(
      (e) =>
        e.id === event.id ||
        (customId !== undefined && 'custom_id' in e && e.custom_id === customId),
    )
    const next = [...events]
    if (index >= 0) next[index] = event
    else next.push(event)
    return { ...thread, events: next }
  })
}

/**
 * The send's response arrived before its push: the optimistic copy takes the real `event_id`
 * (no longer "Sending…"), so the push later replaces it by id.
 */
export function confirmEvent(
  chat: ChatWithThread,
  customId: string,
  eventId: string,
): ChatWithThread {
  return withThread(chat, (thread) => ({
    ...thread,
    events: (thread.events ?? []).map((e) =>
      isUnconfirmed(e) && 'custom_id' in e && e.custom_id === customId ? { ...e, id: eventId } : e,
    ),
  }))
}

export function patchThread(chat: ChatWithThread, patch: Partial<Thread>): ChatWithThread {
  return withThread(chat, (thread) => ({ ...thread, ...patch }))
}

/** `user_added_to_chat`: the user joins (or rejoins) present. */
export function upsertUser(chat: ChatWithThread, user: ChatUser): ChatWithThread {
  const users = chat.users ?? []
  const joined = { present: true, ...user }
  const known = users.some((u) => u.id === user.id)
  return withThread(
    {
      ...chat,
      users: known
        ? users.map((u) => (u.id === user.id ? { ...u, ...joined } : u))
        : [...users, joined],
    },
    (thread) => ({
      ...thread,
      user_ids: thread.user_ids?.includes(user.id)
        ? thread.user_ids
        : [...(thread.user_ids ?? []), user.id],
    }),
  )
}

/** Marks a chat user (`user_removed_from_chat`: not present) or their read position. */
export function patchUser(
  chat: ChatWithThread,
  userId: string,
  patch: Partial<ChatUser> & { events_seen_up_to?: string },
): ChatWithThread {
  if (!chat.users?.some((u) => u.id === userId)) return chat
  return { ...chat, users: chat.users.map((u) => (u.id === userId ? { ...u, ...patch } : u)) }
}
