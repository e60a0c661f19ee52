// list_archives (Agent Chat API, "List Archives"): one row per thread (a chat can repeat), newest first,
// with the filters an agent dashboard uses. Documented filters the sandbox does not emulate are
// rejected with `validation` rather than silently ignored.
import type { Person } from '../../seed/identity'
import { parseRfc3339 } from '../../seed/ids'
import type { ChatRecord, ThreadRecord, World } from '../../seed/world-records'
import type { ApiRequest } from '../api-request'
import { canAccessThread, requireChatReach, visibleChats, type Reach } from '../chat-access'
import {
  matchesPropertyFilters,
  matchesValueFilter,
  parsePropertyFilters,
  parseValueFilter,
  type PropertyFilters,
  type ValueFilter,
} from '../match-filters'
import { fixedPageLinks, openPage } from '../pagination'
import {
  invalid,
  isObject,
  optionalInteger,
  optionalIntegerArray,
  optionalObject,
  optionalString,
  optionalStringArray,
  optionalTimestamp,
  sortOrder,
  type SortOrder,
} from '../params'
import { chatWithThreadView, threadView } from '../views'

const NOT_EMULATED = [
  'sales',
  'goals',
  'forms',
  'greetings',
  'agent_response',
  'agent_types',
] as const
const SUPPORTED = [
  'query',
  'from',
  'to',
  'chat_ids',
  'thread_ids',
  'group_ids',
  'properties',
  'agents',
  'tags',
  'event_types',
  'customer_countries',
  'customer_id',
  'customer_email',
] as const

interface ArchivesQuery {
  query?: string
  from?: number
  to?: number
  chatIds?: string[]
  threadIds?: string[]
  groupIds?: number[]
  properties?: PropertyFilters
  agents?: ValueFilter
  tags?: ValueFilter
  eventTypes?: ValueFilter
  customerCountries?: ValueFilter
  customerId?: string
  customerEmail?: string
  limit: number
  sort: SortOrder
}

function parse(body: Record<string, unknown>): ArchivesQuery {
  const filters = optionalObject(body, 'filters') ?? {}
  for (const key of Object.keys(filters)) {
    if ((NOT_EMULATED as readonly string[]).includes(key)) {
      invalid(`\`filters.${key}\` is not emulated by the sandbox`, `filters.${key}`)
    }
    if (!(SUPPORTED as readonly string[]).includes(key))
      invalid(`\`filters.${key}\` is not supported`, `filters.${key}`)
  }
  const highlights = optionalObject(body, 'highlights')
  if (highlights) {
    optionalString(highlights, 'pre_tag', 'highlights.pre_tag')
    optionalString(highlights, 'post_tag', 'highlights.post_tag')
  }
  const threadIds = optionalStringArray(filters, 'thread_ids', 20, 'filters.thread_ids')
  if (threadIds && Object.keys(filters).length > 1) {
    invalid('`filters.thread_ids` cannot be combined with other filters', 'filters.thread_ids')
  }
  const valueFilter = (key: string, every: boolean) =>
    filters[key] === undefined ? undefined : parseValueFilter(filters[key], `filters.${key}`, every)
  return {
    query: optionalString(filters, 'query', 'filters.query'),
    from: optionalTimestamp(filters, 'from', 'filters.from'),
    to: optionalTimestamp(filters, 'to', 'filters.to'),
    chatIds: optionalStringArray(filters, 'chat_ids', 1000, 'filters.chat_ids'),
    threadIds,
    groupIds: optionalIntegerArray(filters, 'group_ids', 200, 'filters.group_ids'),
    properties:
      filters.properties === undefined
        ? undefined
        : parsePropertyFilters(filters.properties, 'filters.properties'),
    agents: valueFilter('agents', true),
    tags: valueFilter('tags', true),
    eventTypes: valueFilter('event_types', true),
    customerCountries: valueFilter('customer_countries', false),
    customerId: optionalString(filters, 'customer_id', 'filters.customer_id'),
    customerEmail: optionalString(filters, 'customer_email', 'filters.customer_email'),
    limit: optionalInteger(body, 'limit', { min: 1, max: 100 }) ?? 10,
    sort: sortOrder(body),
  }
}

interface Row {
  chat: ChatRecord
  thread: ThreadRecord
}

function customerOf(chat: ChatRecord, world: World) {
  const user = chat.users.find((u) => u.type === 'customer')
  return user ? world.customers.find((c) => c.id === user.id) : undefined
}

/** Text an agent could find: messages and system messages, never deleted content. */
function searchableText(thread: ThreadRecord): string[] {
  if (thread.restricted_access !== undefined) return []
  return thread.events.flatMap((event) => {
    if (event.type === 'system_message') return [event.text]
    if (event.deleted) return []
    return [event.type === 'message' ? event.text : event.name]
  })
}

function matches(row: Row, q: ArchivesQuery, world: World): boolean {
  const { chat, thread } = row
  if (q.threadIds) return q.threadIds.includes(thread.id)
  const created = parseRfc3339(thread.created_at)
  if (q.from !== undefined && created < q.from) return false
  if (q.to !== undefined && created > q.to) return false
  if (q.chatIds && !q.chatIds.includes(chat.id)) return false
  if (q.groupIds && !thread.access.group_ids.some((id) => q.groupIds?.includes(id))) return false
  if (
    q.properties &&
    !matchesPropertyFilters(q.properties, { ...chat.properties, ...thread.properties })
  )
    return false
  const agentIds = thread.user_ids.filter((id) => world.agents.some((a) => a.id === id))
  if (q.agents && !matchesValueFilter(q.agents, agentIds)) return false
  if (q.tags && !matchesValueFilter(q.tags, thread.tags)) return false
  if (
    q.eventTypes &&
    !matchesValueFilter(q.eventTypes, [...new Set(thread.events.map((e) => e.type))])
  )
    return false
  const customer = customerOf(chat, world)
  if (q.customerId && customer?.id !== q.customerId) return false
  if (q.customerEmail && customer?.email?.toLowerCase() !== q.customerEmail.toLowerCase())
    return false
  if (q.customerCountries) {
    const country = customer?.visit?.geolocation.country_code
    if (!matchesValueFilter(q.customerCountries, country ? [country] : [])) return false
  }
  if (q.query !== undefined && q.query !== '') {
    const needle = q.query.toLowerCase()
    if (!searchableText(thread).some((text) => text.toLowerCase().includes(needle))) return false
  }
  return true
}

function rowView(
  row: Row,
  request: ApiRequest,
  reach: Reach,
  person: Person,
): Record<string, unknown> {
  const { chat, thread } = row
  const view = threadView(chat, thread, person)
  const index = chat.threads.indexOf(thread)
  const accessible = (t: ThreadRecord | undefined) =>
    t !== undefined && canAccessThread(request, t, reach)
  const before = chat.threads.slice(0, index).reverse().find(accessible)
  const after = chat.threads.slice(index + 1).find(accessible)
  if (before) view.previous_accessible_thread_id = before.id
  if (after) view.next_accessible_thread_id = after.id
  return chatWithThreadView(chat, view, person, request.world)
}

export function listArchives(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'read')
  const { query, offset } = openPage(
    request,
    ['filters', 'limit', 'sort_order', 'highlights'],
    () => {
      if (request.body.highlights !== undefined && !isObject(request.body.highlights)) {
        invalid('`highlights` must be an object', 'highlights')
      }
      return parse(request.body)
    },
  )
  const world = request.world
  const rows = visibleChats(request, reach)
    .flatMap((chat) => chat.threads.map((thread) => ({ chat, thread })))
    .filter((row) => canAccessThread(request, row.thread, reach) && matches(row, query, world))
    .sort((a, b) => {
      const order = a.thread.created_at.localeCompare(b.thread.created_at)
      return query.sort === 'asc' ? order : -order
    })
  // `thread_ids` excludes pagination: every match comes back at once.
  const limit = query.threadIds ? rows.length : query.limit
  const page = rows.slice(offset, offset + limit)
  return {
    chats: page.map((row) => rowView(row, request, reach, request.person)),
    found_chats: rows.length,
    ...(query.threadIds ? {} : fixedPageLinks(request, query, offset, limit, rows.length)),
  }
}
