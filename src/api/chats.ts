// Chats (Agent Chat API, docs/livechat/agent-api.md#methods-the-app-calls): list_chats as an
// infinite query that follows LiveChat's page_id rules, and get_chat for one thread.
// chats--access:ro (my groups) or chats--all:ro (every group).
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import type { ChatSummary, ChatWithThread } from './chat-types'
import { FIRST_PAGE, nextPageId, pageRequestBody, type Paginated } from './pagination'
import { accountKey } from './query-keys'

export interface ChatListParams {
  /** true: open chats only; false: closed only; null: both. */
  active: boolean | null
  groupIds?: number[]
  limit?: number
  sortOrder?: 'asc' | 'desc'
}

export interface ChatListPage extends Paginated {
  chats_summary: ChatSummary[]
  found_chats: number
}

/** The open chats, as the chats page lists them (and the sign-in prefetch asks for them). */
export const OPEN_CHATS: ChatListParams = { active: true, limit: 100 }

function firstPage(params: ChatListParams): object {
  const filters: Record<string, unknown> = { active: params.active }
  if (params.groupIds) filters.group_ids = params.groupIds
  return { filters, limit: params.limit ?? 10, sort_order: params.sortOrder ?? 'desc' }
}

export const chatQueries = {
  all: (api: ApiClient) => [...accountKey(api), 'chats'] as const,
  lists: (api: ApiClient) => [...chatQueries.all(api), 'list'] as const,
  list: (api: ApiClient, params: ChatListParams) =>
    infiniteQueryOptions({
      queryKey: [...chatQueries.lists(api), params] as const,
      queryFn: ({ pageParam }) =>
        api.agent<ChatListPage>('list_chats', pageRequestBody(firstPage(params), pageParam)),
      initialPageParam: FIRST_PAGE,
      getNextPageParam: nextPageId,
    }),
  /** Every cached thread of one chat. */
  details: (api: ApiClient, chatId: string) => [...chatQueries.all(api), 'detail', chatId] as const,
  /** One thread of a chat; `threadId` undefined means the latest (where new messages go). */
  detail: (api: ApiClient, chatId: string, threadId?: string) =>
    queryOptions({
      queryKey: [...chatQueries.details(api, chatId), threadId ?? 'latest'] as const,
      queryFn: () =>
        api.agent<ChatWithThread>(
          'get_chat',
          threadId === undefined ? { chat_id: chatId } : { chat_id: chatId, thread_id: threadId },
        ),
    }),
}
