// Pushes → the TanStack Query cache (TkDodo, "Using WebSockets with React Query"): a push whose
// payload is complete and frequent (a new chat or event, a closed thread, users joining and
// leaving, what was seen, my routing status) is written with setQueryData; the rest say that
// something changed (a transfer, new access, tags, an edited or deleted event) and invalidate
// what they touch, so what is on screen refetches. Pages read only the cache. Which pushes exist
// and what they carry: docs/livechat/rtm.md#pushes, and the rules that follow it there.
import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import type { ChatSummary, ChatUser, ChatWithThread } from '../../api/chat-types'
import { chatQueries } from '../../api/chats'
import { customerQueries } from '../../api/customers'
import { routingQueries } from '../../api/routing-statuses'
import type { RtmPushFrame } from '../socket/rtm-frames'
import type { PushName, PushPayloads } from '../socket/rtm-types'
import {
  findSummary,
  patchSummary,
  summaryOf,
  toTop,
  withLastEvent,
  type ChatList,
} from './chat-list-patches'
import { liveQueries } from './live-queries'
import { patchThread, patchUser, showsThread, upsertEvent, upsertUser } from './thread-patches'
import { setTyping } from './typing'
import { addUnread, countsForMe, markSeen, unreadFromThread, type Unread } from './unread'

export interface PushContext {
  client: QueryClient
  api: ApiClient
}

/** My agent id (the login email), from `login`'s my_profile; null before the first login. */
export function myAgentId(ctx: Pick<PushContext, 'client' | 'api'>): string | null {
  return ctx.client.getQueryData(liveQueries.myProfile(ctx.api).queryKey)?.id ?? null
}

const lists = (ctx: PushContext) => ({ queryKey: chatQueries.lists(ctx.api) })

function editLists(ctx: PushContext, edit: (list: ChatList | undefined) => ChatList | undefined) {
  ctx.client.setQueriesData<ChatList>(lists(ctx), edit)
}

/** The chat's row in a cached list, if any list has it. */
function listed(ctx: PushContext, chatId: string): ChatSummary | undefined {
  for (const [, list] of ctx.client.getQueriesData<ChatList>(lists(ctx))) {
    const found = findSummary(list, chatId)
    if (found) return found
  }
  return undefined
}

/** Edits every cached thread of the chat (the latest, and any older one opened) and its rows. */
function editChat(
  ctx: PushContext,
  chatId: string,
  detail: (chat: ChatWithThread) => ChatWithThread,
  summary?: (row: ChatSummary) => ChatSummary,
) {
  ctx.client.setQueriesData<ChatWithThread>(
    { queryKey: chatQueries.details(ctx.api, chatId) },
    (chat) => chat && detail(chat),
  )
  if (summary) editLists(ctx, (list) => patchSummary(list, chatId, summary))
}

/** Edits this thread only; a push for a newer thread than the cached latest refetches it. */
function editThread(
  ctx: PushContext,
  chatId: string,
  threadId: string,
  edit: (chat: ChatWithThread) => ChatWithThread,
) {
  editChat(ctx, chatId, (chat) => (showsThread(chat, threadId) ? edit(chat) : chat))
  const latest = chatQueries.detail(ctx.api, chatId).queryKey
  const cached = ctx.client.getQueryData(latest)
  if (cached && !showsThread(cached, threadId))
    void ctx.client.invalidateQueries({ queryKey: latest, exact: true })
}

function editUnread(ctx: PushContext, chatId: string, edit: (unread?: Unread) => Unread) {
  ctx.client.setQueryData(liveQueries.unread(ctx.api).queryKey, (byChat) => ({
    ...byChat,
    [chatId]: edit(byChat?.[chatId]),
  }))
}

/** A chat user changed (joined, left, read): in its thread and in its list rows. */
function editUser(ctx: PushContext, chatId: string, user: Partial<ChatUser> & { id: string }) {
  const users = (row: ChatSummary) => ({
    ...row,
    users: row.users?.some((u) => u.id === user.id)
      ? row.users.map((u) => (u.id === user.id ? { ...u, ...user } : u))
      : user.present
        ? [...(row.users ?? []), user as ChatUser]
        : row.users,
  })
  editChat(
    ctx,
    chatId,
    (chat) => (user.present ? upsertUser(chat, user as ChatUser) : patchUser(chat, user.id, user)),
    users,
  )
}

type Handlers = { [K in PushName]?: (payload: PushPayloads[K], ctx: PushContext) => void }

const HANDLERS: Handlers = {
  incoming_chat: ({ chat }, ctx) => {
    // A new thread (a new chat, a returning customer, routing, a follow): complete
    // (docs/livechat/rtm.md#chat-list).
    ctx.client.setQueryData(chatQueries.detail(ctx.api, chat.id).queryKey, chat)
    editLists(ctx, (list) => toTop(list, chat.id, () => summaryOf(chat)))
    const me = myAgentId(ctx)
    if (me && countsForMe(chat, me))
      editUnread(ctx, chat.id, (unread) => unreadFromThread(unread, chat, me))
  },

  incoming_event: ({ chat_id, thread_id, event }, ctx) => {
    editThread(ctx, chat_id, thread_id, (chat) => upsertEvent(chat, event))
    // A chat no list has is left alone: new chats come as incoming_chat.
    editLists(ctx, (list) => toTop(list, chat_id, (s) => s && withLastEvent(s, thread_id, event)))
    const me = myAgentId(ctx)
    const author = 'author_id' in event ? event.author_id : undefined
    const chat =
      ctx.client.getQueryData(chatQueries.detail(ctx.api, chat_id).queryKey) ?? listed(ctx, chat_id)
    // Sending marks everything as seen for the sender (docs/livechat/rtm.md#seen-and-unread).
    if (me && author === me)
      editUnread(ctx, chat_id, (unread) => markSeen(unread, event.created_at))
    else if (me && countsForMe(chat, me))
      editUnread(ctx, chat_id, (unread) => addUnread(unread, [event], me))
    if (author) setTyping(ctx.client, ctx.api, chat_id, author, false)
  },

  chat_deactivated: ({ chat_id, thread_id }, ctx) => {
    const closed = { active: false, queue: undefined }
    editChat(
      ctx,
      chat_id,
      (chat) => (showsThread(chat, thread_id) ? patchThread(chat, closed) : chat),
      (row) =>
        row.last_thread_summary?.id === thread_id
          ? { ...row, last_thread_summary: { ...row.last_thread_summary, ...closed } }
          : row,
    )
    setTyping(ctx.client, ctx.api, chat_id, null, false)
  },

  user_added_to_chat: ({ chat_id, user }, ctx) =>
    editUser(ctx, chat_id, { ...user, present: true }),

  user_removed_from_chat: ({ chat_id, user_id }, ctx) =>
    editUser(ctx, chat_id, { id: user_id, present: false }),

  events_marked_as_seen: ({ user_id, chat_id, seen_up_to }, ctx) => {
    editUser(ctx, chat_id, { id: user_id, events_seen_up_to: seen_up_to })
    if (user_id === myAgentId(ctx))
      editUnread(ctx, chat_id, (unread) => markSeen(unread, seen_up_to))
  },

  incoming_typing_indicator: ({ chat_id, typing_indicator }, ctx) => {
    const { author_id, is_typing } = typing_indicator
    if (author_id !== myAgentId(ctx)) setTyping(ctx.client, ctx.api, chat_id, author_id, is_typing)
  },

  incoming_sneak_peek: ({ chat_id, sneak_peek }, ctx) =>
    setTyping(ctx.client, ctx.api, chat_id, sneak_peek.author_id, true, sneak_peek.text),

  routing_status_set: ({ agent_id, status }, ctx) => {
    if (agent_id === myAgentId(ctx))
      ctx.client.setQueryData(
        liveQueries.myProfile(ctx.api).queryKey,
        (profile) => profile && { ...profile, routing_status: status },
      )
    // Other agents' statuses (the Team page) and the agent records refetch where shown.
    void ctx.client.invalidateQueries({ queryKey: routingQueries.all(ctx.api) })
  },
}

/** Pushes that say what changed but not all of it (docs/livechat/rtm.md#chat-list), or rare ones. */
const REFETCH_CHAT = new Set([
  'chat_transferred',
  'chat_access_updated',
  'event_updated',
  'event_deleted',
  'thread_tagged',
  'thread_untagged',
  'chat_properties_updated',
  'chat_properties_deleted',
  'thread_properties_updated',
  'chat_unfollowed',
  'chat_deleted',
  'queue_positions_updated',
])
const REFETCH_CUSTOMER = new Set([
  'customer_updated',
  'incoming_customer',
  'customer_page_updated',
  'customer_statistics_updated',
])

/**
 * Applies one push. A payload without the shape LiveChat documents is not trusted for a patch:
 * the chats are refetched instead, so the cache stays true.
 */
export function applyPush(ctx: PushContext, push: RtmPushFrame): void {
  const payload = push.payload as Record<string, unknown> | null
  if (typeof payload !== 'object' || payload === null) return
  const { client, api } = ctx
  const chatId = payload.chat_id ?? payload.id
  if (REFETCH_CHAT.has(push.action)) {
    if (typeof chatId === 'string')
      void client.invalidateQueries({ queryKey: chatQueries.details(api, chatId) })
    void client.invalidateQueries(lists(ctx))
    return
  }
  if (REFETCH_CUSTOMER.has(push.action)) {
    // Their profile, and the chats whose customer user carries it (the customer pane).
    void client.invalidateQueries({ queryKey: customerQueries.all(api) })
    void client.invalidateQueries({ queryKey: [...chatQueries.all(api), 'detail'] })
    return
  }
  try {
    ;(HANDLERS[push.action as PushName] as ((p: unknown, c: PushContext) => void) | undefined)?.(
      payload,
      ctx,
    )
  } catch {
    void client.invalidateQueries({ queryKey: chatQueries.all(api) })
  }
}
