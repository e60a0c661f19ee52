// list_threads (Agent Chat API, "List Threads"): a chat's threads, newest first by default, 3 per page, or
// as many latest threads as it takes to reach `min_events_count` events.
import type { ApiRequest } from '../api-request'
import { canAccessThread, findChat, requireChatReach } from '../chat-access'
import type { ThreadRecord } from '../../seed/world-records'
import { pageLinks, openPage } from '../pagination'
import {
  invalid,
  onlyKeys,
  optionalInteger,
  optionalObject,
  optionalTimestamp,
  requiredString,
  sortOrder,
  type SortOrder,
} from '../params'
import { parseRfc3339 } from '../../seed/ids'
import { threadView } from '../views'

interface ListThreadsQuery {
  chatId: string
  sort: SortOrder
  limit: number
  minEvents?: number
  from?: number
  to?: number
}

function parse(body: Record<string, unknown>, chatId: string): ListThreadsQuery {
  const filters = optionalObject(body, 'filters')
  const minEvents = optionalInteger(body, 'min_events_count', { min: 1, max: 100 })
  if (minEvents !== undefined && (body.limit !== undefined || filters !== undefined)) {
    invalid('`min_events_count` cannot be combined with `limit` or `filters`', 'min_events_count')
  }
  if (filters) onlyKeys(filters, ['from', 'to'], 'filters')
  return {
    chatId,
    sort: sortOrder(body),
    limit: optionalInteger(body, 'limit', { min: 1, max: 100 }) ?? 3,
    minEvents,
    from: filters ? optionalTimestamp(filters, 'from', 'filters.from') : undefined,
    to: filters ? optionalTimestamp(filters, 'to', 'filters.to') : undefined,
  }
}

function eventCount(thread: ThreadRecord): number {
  return thread.restricted_access === undefined ? thread.events.length : 0
}

/** How many threads from `start` it takes to reach `min` events (at least one). */
function takeForEvents(threads: ThreadRecord[], start: number, min: number): number {
  let events = 0
  let taken = 0
  while (start + taken < threads.length && events < min) {
    events += eventCount(threads[start + taken] as ThreadRecord)
    taken += 1
  }
  return Math.max(taken, 1)
}

/** The same count walking backwards from `end` (exclusive): where the previous page starts. */
function startBefore(threads: ThreadRecord[], end: number, min: number): number {
  let events = 0
  let start = end
  while (start > 0 && events < min) {
    start -= 1
    events += eventCount(threads[start] as ThreadRecord)
  }
  return start
}

export function listThreads(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'read')
  const chatId = requiredString(request.body, 'chat_id')
  const { query, offset } = openPage(
    request,
    ['filters', 'limit', 'sort_order', 'min_events_count'],
    () => parse(request.body, chatId),
  )
  if (query.chatId !== chatId) invalid('`page_id` belongs to another chat', 'page_id')
  const chat = findChat(request, chatId, reach)
  const threads = chat.threads
    .filter((thread) => canAccessThread(request, thread, reach))
    .filter((thread) => {
      const created = parseRfc3339(thread.created_at)
      return (
        (query.from === undefined || created >= query.from) &&
        (query.to === undefined || created <= query.to)
      )
    })
    .sort((a, b) => (query.sort === 'asc' ? 1 : -1) * a.created_at.localeCompare(b.created_at))

  const count =
    query.minEvents === undefined ? query.limit : takeForEvents(threads, offset, query.minEvents)
  const page = threads.slice(offset, offset + count)
  let previous: number | undefined
  if (offset > 0) {
    previous =
      query.minEvents === undefined
        ? Math.max(0, offset - query.limit)
        : startBefore(threads, offset, query.minEvents)
  }
  return {
    threads: page.map((thread) => threadView(chat, thread, request.person)),
    found_threads: threads.length,
    ...pageLinks(request, query, {
      next: offset + count < threads.length ? offset + count : undefined,
      previous,
    }),
  }
}
