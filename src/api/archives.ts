// list_archives (chats--access:ro | chats--all:ro): past and present threads, one row per
// thread, filtered and paged with LiveChat's page_id rules (docs/livechat/agent-api.md#pagination).
import { infiniteQueryOptions } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import type { ChatWithThread } from './chat-types'
import { FIRST_PAGE, nextPageId, pageRequestBody, type Paginated } from './pagination'
import { accountKey } from './query-keys'

export interface ArchiveFilters {
  query?: string
  /** RFC 3339 instants. */
  from?: string
  to?: string
  /** Agent ids (emails): threads any of them took part in. */
  agents?: string[]
  groupIds?: number[]
  /** One customer's threads (the details widget's Previous chats). */
  customerId?: string
}

export interface ArchivePage extends Paginated {
  chats: ChatWithThread[]
  found_chats: number
}

export const ARCHIVE_PAGE_SIZE = 10

function firstPage(filters: ArchiveFilters): object {
  const body: Record<string, unknown> = {}
  if (filters.query) body.query = filters.query
  if (filters.from) body.from = filters.from
  if (filters.to) body.to = filters.to
  if (filters.agents?.length) body.agents = { values: filters.agents }
  if (filters.groupIds?.length) body.group_ids = filters.groupIds
  if (filters.customerId) body.customer_id = filters.customerId
  return { filters: body, limit: ARCHIVE_PAGE_SIZE, sort_order: 'desc' }
}

export const archiveQueries = {
  all: (api: ApiClient) => [...accountKey(api), 'archives'] as const,
  list: (api: ApiClient, filters: ArchiveFilters) =>
    infiniteQueryOptions({
      queryKey: [...archiveQueries.all(api), 'list', filters] as const,
      queryFn: ({ pageParam }) =>
        api.agent<ArchivePage>('list_archives', pageRequestBody(firstPage(filters), pageParam)),
      initialPageParam: FIRST_PAGE,
      getNextPageParam: nextPageId,
    }),
}
