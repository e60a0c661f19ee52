// Records → what the API hands out: deep copies (callers must never hold live state), deleted
// events redacted for normal agents, thread links, chat users with their profiles, summaries.
import type { Person } from '../seed/identity'
import type {
  ChatEvent,
  ChatRecord,
  ChatUserRecord,
  ThreadRecord,
  World,
} from '../seed/world-records'

type Json = Record<string, unknown>

/** Normal agents get the redacted "deleted event"; administrators see the content, flagged. */
export function eventView(event: ChatEvent, viewer: Person): Json {
  if (event.deleted && viewer.role === 'normal') {
    const redacted: Json = {
      id: event.id,
      created_at: event.created_at,
      type: event.type,
      visibility: event.visibility,
      deleted: true,
    }
    if ('author_id' in event) redacted.author_id = event.author_id
    if ('custom_id' in event && event.custom_id !== undefined) redacted.custom_id = event.custom_id
    return redacted
  }
  return structuredClone(event) as unknown as Json
}

export function threadView(chat: ChatRecord, thread: ThreadRecord, viewer: Person): Json {
  const index = chat.threads.indexOf(thread)
  const view: Json = {
    id: thread.id,
    created_at: thread.created_at,
    active: thread.active,
    user_ids: [...thread.user_ids],
  }
  if (thread.restricted_access !== undefined) view.restricted_access = thread.restricted_access
  else view.events = thread.events.map((event) => eventView(event, viewer))
  // Tags appear only once a thread was tagged (Agent Chat API data structures, "Threads").
  if (thread.tags.length > 0) view.tags = [...thread.tags]
  view.properties = structuredClone(thread.properties)
  view.access = structuredClone(thread.access)
  if (thread.queue) view.queue = { ...thread.queue }
  if (thread.summary) view.summary = { ...thread.summary }
  if (thread.customer_visit) view.customer_visit = structuredClone(thread.customer_visit)
  const previous = chat.threads[index - 1]
  const next = chat.threads[index + 1]
  if (previous) view.previous_thread_id = previous.id
  if (next) view.next_thread_id = next.id
  return view
}

/** One chat user as the API shows it: an agent with name/email/avatar, a customer with its profile. */
export function chatUserView(user: ChatUserRecord, world: World): Json {
  if (user.type === 'agent') {
    const agent = world.agents.find((a) => a.id === user.id)
    const view: Json = {
      id: user.id,
      type: 'agent',
      name: agent?.name ?? user.id,
      email: user.id,
      present: user.present,
      avatar: agent ? `https://${agent.avatar_path}` : undefined,
      visibility: user.visibility ?? 'all',
    }
    if (user.events_seen_up_to) view.events_seen_up_to = user.events_seen_up_to
    if (view.avatar === undefined) delete view.avatar
    return view
  }
  const customer = world.customers.find((c) => c.id === user.id)
  const { chat_ids: _chatIds, ...profile } = customer
    ? structuredClone(customer)
    : { id: user.id, chat_ids: [] }
  const view: Json = { ...profile, id: user.id, type: 'customer', present: user.present }
  if (user.events_seen_up_to) view.events_seen_up_to = user.events_seen_up_to
  return view
}

/** Chat users as the API shows them. */
export function chatUsersView(chat: ChatRecord, world: World): Json[] {
  return chat.users.map((user) => chatUserView(user, world))
}

export function isFollowed(chat: ChatRecord, viewer: Person): boolean {
  return chat.followers.includes(viewer.email)
}

/** get_chat and the list_archives rows: a chat with one thread. */
export function chatWithThreadView(
  chat: ChatRecord,
  thread: Json | undefined,
  viewer: Person,
  world: World,
): Json {
  const view: Json = { id: chat.id }
  if (thread) view.thread = thread
  view.users = chatUsersView(chat, world)
  view.properties = structuredClone(chat.properties)
  view.access = structuredClone(chat.access)
  view.is_followed = isFollowed(chat, viewer)
  return view
}

/** list_chats: the latest thread's summary and the newest event of each type (Agent Chat API, "List Chats"). */
export function chatSummaryView(chat: ChatRecord, viewer: Person, world: World): Json {
  const view: Json = { id: chat.id }
  const latest = chat.threads[chat.threads.length - 1]
  if (latest) {
    const summary: Json = {
      id: latest.id,
      created_at: latest.created_at,
      user_ids: [...latest.user_ids],
      properties: structuredClone(latest.properties),
      active: latest.active,
      access: structuredClone(latest.access),
    }
    if (latest.tags.length > 0) summary.tags = [...latest.tags]
    if (latest.queue) summary.queue = { ...latest.queue }
    view.last_thread_summary = summary
  }
  const lastPerType: Json = {}
  for (const thread of chat.threads) {
    if (thread.restricted_access !== undefined) continue
    for (const event of thread.events) {
      lastPerType[event.type] = {
        thread_id: thread.id,
        thread_created_at: thread.created_at,
        event: eventView(event, viewer),
      }
    }
  }
  view.last_event_per_type = lastPerType
  view.users = chatUsersView(chat, world)
  view.properties = structuredClone(chat.properties)
  view.access = structuredClone(chat.access)
  view.is_followed = isFollowed(chat, viewer)
  return view
}

export function latestThread(chat: ChatRecord): ThreadRecord | undefined {
  return chat.threads[chat.threads.length - 1]
}

/** When the chat last started a thread: list_chats sorts on it. */
export function chatSortKey(chat: ChatRecord): string {
  return latestThread(chat)?.created_at ?? ''
}
