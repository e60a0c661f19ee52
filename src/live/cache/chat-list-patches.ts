// Pure edits of a cached chat list (list_chats as an infinite query) for pushes
// (docs/livechat/rtm.md#chat-list): a new chat or a new message puts the chat at the top, a closed
// chat says so, and the rest patch the summary in place. Chats are unique across pages.
import type { InfiniteData } from '@tanstack/react-query'
import type { ChatEvent, ChatSummary, ChatWithThread } from '../../api/chat-types'
import type { ChatListPage } from '../../api/chats'
import type { PushedChat } from '../socket/rtm-types'

export type ChatList = InfiniteData<ChatListPage, string | undefined>

/** A whole chat (from `incoming_chat` or get_chat) as the list's summary of it. */
export function summaryOf(chat: PushedChat | ChatWithThread): ChatSummary {
  const thread = chat.thread
  const lastEventPerType: NonNullable<ChatSummary['last_event_per_type']> = {}
  for (const event of thread?.events ?? []) {
    const latest = lastEventPerType[event.type]
    if (!latest || latest.event.created_at <= event.created_at)
      lastEventPerType[event.type] = { thread_id: thread?.id ?? '', event }
  }
  return {
    id: chat.id,
    users: chat.users,
    access: chat.access,
    properties: chat.properties,
    is_followed: chat.is_followed,
    last_thread_summary: thread && {
      id: thread.id,
      created_at: thread.created_at,
      active: thread.active,
      user_ids: thread.user_ids,
      access: thread.access,
      tags: thread.tags,
      queue: thread.queue,
    },
    last_event_per_type: lastEventPerType,
  }
}

export function findSummary(list: ChatList | undefined, chatId: string): ChatSummary | undefined {
  for (const page of list?.pages ?? []) {
    const found = page.chats_summary.find((chat) => chat.id === chatId)
    if (found) return found
  }
  return undefined
}

/** The list with this chat first (replaced by `summary`, or moved up as it is). */
export function toTop(
  list: ChatList | undefined,
  chatId: string,
  edit: (summary: ChatSummary | undefined) => ChatSummary | undefined,
): ChatList | undefined {
  if (!list || list.pages.length === 0) return list
  const next = edit(findSummary(list, chatId))
  if (!next) return list
  const pages = list.pages.map((page, index) => {
    const rest = page.chats_summary.filter((chat) => chat.id !== chatId)
    return { ...page, chats_summary: index === 0 ? [next, ...rest] : rest }
  })
  return { ...list, pages }
}

/** The list with this chat's summary edited in place; unchanged when the chat is not in it. */
export function patchSummary(
  list: ChatList | undefined,
  chatId: string,
  edit: (summary: ChatSummary) => ChatSummary,
): ChatList | undefined {
  if (!list || !findSummary(list, chatId)) return list
  return {
    ...list,
    pages: list.pages.map((page) => ({
      ...page,
      chats_summary: page.chats_summary.map((chat) => (chat.id === chatId ? edit(chat) : chat)),
    })),
  }
}

/** The summary after `incoming_event`: it is the chat's latest event of its type. */
export function withLastEvent(
  summary: ChatSummary,
  threadId: string,
  event: ChatEvent,
): ChatSummary {
  const current = summary.last_event_per_type?.[event.type]
  if (current && current.event.created_at > event.created_at && current.event.id !== event.id)
    return summary
  return {
    ...summary,
    last_event_per_type: {
      ...summary.last_event_per_type,
      [event.type]: { thread_id: threadId, event },
    },
  }
}
