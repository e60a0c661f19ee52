// Pushes → the TanStack Query cache (TkDodo, "Using WebSockets with React Query"): a push whose
// payload is complete (a new chat or event, a closed thread, a routing status, a user joining)
// is written with setQueryData; one that only says something changed (a transfer, new access)
// invalidates what it touches, so the active queries refetch. Pages read only the cache.
// Which pushes exist and what they carry: livechat-rtm-api.md §4.3, the reducer of §11.9–§11.11.
import type { QueryClient } from '@tanstack/react-query'
import { agentQueries, type Agent } from '../../api/agents'
import type { ApiClient } from '../../api/api-client'
import type { ChatUser, ChatWithThread } from '../../api/chat-types'
import { chatQueries } from '../../api/chats'
import { customerQueries } from '../../api/customers'
import { routingQueries, type AgentRoutingStatus } from '../../api/routing-statuses'
import type { RtmPushFrame } from '../socket/rtm-frames'
import type { PushName, PushPayloads } from '../socket/rtm-types'
import {
  findSummary,
  patchSummary,
  removeSummary,
  summaryOf,
  toTop,
  withLastEvent,
  withThreadSummary,
  type ChatList,
} from './chat-list-patches'
import { liveQueries } from './live-queries'
import { patchThread, patchUser, showsThread, upsertEvent, upsertUser } from './thread-patches'
import type { TypingStore } from './typing-store'
import {
  addUnread,
  countsForMe,
  markSeen,
  unreadFromThread,
  type Unread,
  type UnreadByChat,
} from './unread'

export interface PushContext {
  client: QueryClient
  api: ApiClient
  typing: TypingStore
}

/** My agent id (the login email), from `login`'s my_profile; null before the first login. */
export function myAgentId(ctx: Pick<PushContext, 'client' | 'api'>): string | null {
  return ctx.client.getQueryData(liveQueries.myProfile(ctx.api).queryKey)?.id ?? null
}

function editLists(ctx: PushContext, edit: (list: ChatList | undefined) => ChatList | undefined) {
  ctx.client.setQueriesData<ChatList>({ queryKey: chatQueries.lists(ctx.api) }, edit)
}

function inAnyList(ctx: PushContext, chatId: string): boolean {
  return ctx.client
    .getQueriesData<ChatList>({ queryKey: chatQueries.lists(ctx.api) })
    .some(([, list]) => findSummary(list, chatId) !== undefined)
}

/** Every cached thread of the chat (the latest, and any older one opened). */
function editDetails(
  ctx: PushContext,
  chatId: string,
  edit: (chat: ChatWithThread) => ChatWithThread,
) {
  ctx.client.setQueriesData<ChatWithThread>(
    { queryKey: chatQueries.details(ctx.api, chatId) },
    (chat) => (chat ? edit(chat) : chat),
  )
}

/** Edits the cached copies of this thread only; a push for a newer thread refetches the latest. */
function editThread(
  ctx: PushContext,
  chatId: string,
  threadId: string,
  edit: (chat: ChatWithThread) => ChatWithThread,
) {
  editDetails(ctx, chatId, (chat) => (showsThread(chat, threadId) ? edit(chat) : chat))
  const latestKey = chatQueries.detail(ctx.api, chatId).queryKey
  const latest = ctx.client.getQueryData(latestKey)
  if (latest && !showsThread(latest, threadId))
    void ctx.client.invalidateQueries({ queryKey: latestKey, exact: true })
}

function editUnread(
  ctx: PushContext,
  chatId: string,
  edit: (unread: Unread | undefined) => Unread | null,
) {
  ctx.client.setQueryData(
    liveQueries.unread(ctx.api).queryKey,
    (byChat: UnreadByChat | undefined) => {
      const next: Record<string, Unread> = { ...byChat }
      const edited = edit(byChat?.[chatId])
      if (edited === null) delete next[chatId]
      else next[chatId] = edited
      return next
    },
  )
}

function editUsers(users: ChatUser[] | undefined, userId: string, patch: Partial<ChatUser>) {
  return users?.map((user) => (user.id === userId ? { ...user, ...patch } : user))
}

type Handlers = { [K in PushName]?: (payload: PushPayloads[K], ctx: PushContext) => void }

const HANDLERS: Handlers = {
  incoming_chat: ({ chat }, ctx) => {
    // A new thread (a new chat, a returning customer, routing, a follow): complete, §11.9.
    const asChat: ChatWithThread = chat
    ctx.client.setQueryData(chatQueries.detail(ctx.api, chat.id).queryKey, asChat)
    editLists(ctx, (list) => toTop(list, chat.id, () => summaryOf(chat)))
    const me = myAgentId(ctx)
    if (me && countsForMe(chat, me))
      editUnread(ctx, chat.id, (unread) => unreadFromThread(unread, asChat, me))
  },

  incoming_event: ({ chat_id, thread_id, event }, ctx) => {
    editThread(ctx, chat_id, thread_id, (chat) => upsertEvent(chat, event))
    if (inAnyList(ctx, chat_id)) {
      editLists(ctx, (list) => toTop(list, chat_id, (s) => s && withLastEvent(s, thread_id, event)))
    } else {
      // A chat this tab has not listed yet: the push alone cannot say which lists it belongs to.
      void ctx.client.invalidateQueries({ queryKey: chatQueries.lists(ctx.api) })
    }
    const me = myAgentId(ctx)
    const author = 'author_id' in event ? event.author_id : undefined
    const known =
      ctx.client.getQueryData(chatQueries.detail(ctx.api, chat_id).queryKey) ??
      ctx.client
        .getQueriesData<ChatList>({ queryKey: chatQueries.lists(ctx.api) })
        .map(([, list]) => findSummary(list, chat_id))
        .find((summary) => summary !== undefined)
    if (me && (author === me || countsForMe(known, me))) {
      // Sending marks everything as seen for the sender (§8.1).
      editUnread(ctx, chat_id, (unread) =>
        author === me ? markSeen(unread, event.created_at) : addUnread(unread, [event], me),
      )
    }
    if (author) ctx.typing.clear(chat_id, author)
  },

  event_updated: ({ chat_id, thread_id, event }, ctx) => {
    editThread(ctx, chat_id, thread_id, (chat) => upsertEvent(chat, event))
    editLists(ctx, (list) =>
      patchSummary(list, chat_id, (s) =>
        s.last_event_per_type?.[event.type]?.event.id === event.id
          ? withLastEvent(s, thread_id, event)
          : s,
      ),
    )
  },

  chat_deactivated: ({ chat_id, thread_id }, ctx) => {
    editThread(ctx, chat_id, thread_id, (chat) =>
      patchThread(chat, { active: false, queue: undefined }),
    )
    editLists(ctx, (list) =>
      patchSummary(list, chat_id, (s) =>
        s.last_thread_summary?.id === thread_id
          ? withThreadSummary(s, { active: false, queue: undefined })
          : s,
      ),
    )
    ctx.typing.clear(chat_id)
  },

  user_added_to_chat: ({ chat_id, user }, ctx) => {
    editDetails(ctx, chat_id, (chat) => upsertUser(chat, user))
    editLists(ctx, (list) =>
      patchSummary(list, chat_id, (s) => ({
        ...s,
        users: s.users?.some((u) => u.id === user.id)
          ? editUsers(s.users, user.id, { ...user, present: true })
          : [...(s.users ?? []), { present: true, ...user }],
      })),
    )
  },

  user_removed_from_chat: ({ chat_id, user_id }, ctx) => {
    editDetails(ctx, chat_id, (chat) => patchUser(chat, user_id, { present: false }))
    editLists(ctx, (list) =>
      patchSummary(list, chat_id, (s) => ({
        ...s,
        users: editUsers(s.users, user_id, { present: false }),
      })),
    )
  },

  events_marked_as_seen: ({ user_id, chat_id, seen_up_to }, ctx) => {
    const patch = { events_seen_up_to: seen_up_to }
    editDetails(ctx, chat_id, (chat) => patchUser(chat, user_id, patch))
    editLists(ctx, (list) =>
      patchSummary(list, chat_id, (s) => ({ ...s, users: editUsers(s.users, user_id, patch) })),
    )
    if (user_id === myAgentId(ctx))
      editUnread(ctx, chat_id, (unread) => markSeen(unread, seen_up_to))
  },

  incoming_typing_indicator: ({ chat_id, typing_indicator }, ctx) => {
    if (typing_indicator.author_id === myAgentId(ctx)) return
    ctx.typing.set(chat_id, typing_indicator.author_id, typing_indicator.is_typing)
  },

  incoming_sneak_peek: ({ chat_id, sneak_peek }, ctx) => {
    ctx.typing.set(chat_id, sneak_peek.author_id, true, sneak_peek.text)
  },

  chat_deleted: ({ chat_id }, ctx) => {
    editLists(ctx, (list) => removeSummary(list, chat_id))
    ctx.client.removeQueries({ queryKey: chatQueries.details(ctx.api, chat_id) })
    editUnread(ctx, chat_id, () => null)
  },

  routing_status_set: ({ agent_id, status }, ctx) => {
    ctx.client.setQueryData(
      routingQueries.list(ctx.api).queryKey,
      (statuses: AgentRoutingStatus[] | undefined) =>
        statuses?.some((s) => s.agent_id === agent_id)
          ? statuses.map((s) => (s.agent_id === agent_id ? { agent_id, status } : s))
          : statuses && [...statuses, { agent_id, status }],
    )
    // The Configuration API spells it with spaces (agent-api §4).
    ctx.client.setQueryData(
      agentQueries.detail(ctx.api, agent_id).queryKey,
      (agent: Agent | undefined) => agent && { ...agent, login_status: status.replace(/_/g, ' ') },
    )
    if (agent_id === myAgentId(ctx)) {
      ctx.client.setQueryData(
        liveQueries.myProfile(ctx.api).queryKey,
        (profile) => profile && { ...profile, routing_status: status },
      )
    }
  },
}

/**
 * Pushes that say what changed but not all of it (who has a transferred chat now, whether a
 * chat is still mine to see, tags, properties, queue positions, a customer's changed fields):
 * the chat (or customer) is refetched wherever it is on screen (§11.9 "re-evaluate").
 */
const REFETCH_CHAT = new Set([
  'chat_transferred',
  'chat_access_updated',
  'event_deleted',
  'thread_tagged',
  'thread_untagged',
  'chat_properties_updated',
  'chat_properties_deleted',
  'thread_properties_updated',
  'chat_unfollowed',
  'queue_positions_updated',
])
const REFETCH_CUSTOMER = new Set([
  'customer_updated',
  'incoming_customer',
  'customer_page_updated',
  'customer_statistics_updated',
])

/**
 * Applies one push. A payload that does not have the shape LiveChat documents is not trusted
 * for a patch: the chat lists and threads are refetched instead, so the cache stays true.
 */
export function applyPush(ctx: PushContext, push: RtmPushFrame): void {
  const payload = push.payload as Record<string, unknown> | null
  if (typeof payload !== 'object' || payload === null) return
  const { client, api } = ctx
  if (REFETCH_CHAT.has(push.action)) {
    const chatId = payload.chat_id ?? payload.id
    if (typeof chatId === 'string')
      void client.invalidateQueries({ queryKey: chatQueries.details(api, chatId) })
    void client.invalidateQueries({ queryKey: chatQueries.lists(api) })
    return
  }
  if (REFETCH_CUSTOMER.has(push.action)) {
    const customerId = payload.customer_id ?? payload.id
    if (typeof customerId === 'string')
      void client.invalidateQueries({ queryKey: customerQueries.detail(api, customerId).queryKey })
    return
  }
  const handler = HANDLERS[push.action as PushName] as
    ((payload: unknown, ctx: PushContext) => void) | undefined
  try {
    handler?.(payload, ctx)
  } catch {
    void client.invalidateQueries({ queryKey: chatQueries.all(api) })
  }
}
