// list_chats (Agent Chat API, "List Chats"): chat summaries the caller can reach, newest first by default,
// filtered by `active`, `group_ids` and chat properties, paginated.
import type { ApiRequest } from '../api-request'
import { requireChatReach, visibleChats } from '../chat-access'
import {
  matchesPropertyFilters,
  parsePropertyFilters,
  type PropertyFilters,
} from '../match-filters'
import { fixedPageLinks, openPage } from '../pagination'
import {
  invalid,
  onlyKeys,
  optionalBoolean,
  optionalInteger,
  optionalIntegerArray,
  optionalObject,
  sortOrder,
  type SortOrder,
} from '../params'
import { chatSortKey, chatSummaryView, latestThread } from '../views'

interface ListChatsQuery {
  active: boolean | null
  includeWithoutThreads: boolean
  groupIds?: number[]
  properties?: PropertyFilters
  limit: number
  sort: SortOrder
}

function parse(body: Record<string, unknown>): ListChatsQuery {
  const filters = optionalObject(body, 'filters') ?? {}
  onlyKeys(
    filters,
    ['active', 'include_chats_without_threads', 'group_ids', 'properties'],
    'filters',
  )
  if (
    filters.active !== undefined &&
    filters.active !== null &&
    typeof filters.active !== 'boolean'
  ) {
    invalid('`filters.active` must be a boolean or null', 'filters.active')
  }
  return {
    active: (filters.active as boolean | null | undefined) ?? null,
    includeWithoutThreads:
      optionalBoolean(
        filters,
        'include_chats_without_threads',
        'filters.include_chats_without_threads',
      ) ?? true,
    groupIds: optionalIntegerArray(filters, 'group_ids', 200, 'filters.group_ids'),
    properties:
      filters.properties === undefined
        ? undefined
        : parsePropertyFilters(filters.properties, 'filters.properties'),
    limit: optionalInteger(body, 'limit', { min: 1, max: 100 }) ?? 10,
    sort: sortOrder(body),
  }
}

export function listChats(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'read')
  const { query, offset } = openPage(request, ['filters', 'limit', 'sort_order'], () =>
    parse(request.body),
  )
  const chats = visibleChats(request, reach)
    .filter((chat) => {
      const latest = latestThread(chat)
      if (!latest) return query.includeWithoutThreads && query.active !== true
      if (query.active !== null && latest.active !== query.active) return false
      if (query.groupIds && !chat.access.group_ids.some((id) => query.groupIds?.includes(id)))
        return false
      if (query.properties && !matchesPropertyFilters(query.properties, chat.properties))
        return false
      return true
    })
    .sort((a, b) => {
      const order = chatSortKey(a).localeCompare(chatSortKey(b)) || a.id.localeCompare(b.id)
      return query.sort === 'asc' ? order : -order
    })
  const page = chats.slice(offset, offset + query.limit)
  return {
    chats_summary: page.map((chat) => chatSummaryView(chat, request.person, request.world)),
    found_chats: chats.length,
    ...fixedPageLinks(request, query, offset, query.limit, chats.length),
  }
}
