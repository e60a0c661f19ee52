// Cursor pagination (docs/AGENT-API.md): the first request carries filters, limit and
// sort order; the server keeps them behind an opaque base64 page_id (one month) and later
// requests send only `page_id` (plus a required id such as `chat_id`).
import type { ApiRequest } from './api-request'
import { invalid } from './params'

const PAGE_LIFETIME_MS = 30 * 86_400_000

export interface PageStart<Q> {
  query: Q
  offset: number
}

/**
 * The query and offset of this request: parsed from the body on a first request, or restored
 * from `page_id`, which may not come with any of `firstOnly` (400 `validation` otherwise).
 */
export function openPage<Q>(
  request: ApiRequest,
  firstOnly: readonly string[],
  parseFirst: () => Q,
): PageStart<Q> {
  const pageId = request.body.page_id
  if (pageId === undefined) return { query: parseFirst(), offset: 0 }
  if (typeof pageId !== 'string' || pageId === '')
    invalid('`page_id` must be a non-empty string', 'page_id')
  for (const key of firstOnly) {
    if (request.body[key] !== undefined)
      invalid(`\`${key}\` cannot be used together with \`page_id\``, key)
  }
  const record = request.world.pages.get(pageId)
  // Unknown, foreign (another method or agent) and expired ids all look the same to the caller.
  if (
    !record ||
    record.method !== request.method ||
    record.accountId !== request.caller.accountId ||
    request.state.now() - record.createdAt > PAGE_LIFETIME_MS
  ) {
    invalid('Invalid or expired `page_id`', 'page_id')
  }
  return { query: record.query as Q, offset: record.offset }
}

/** Mints `next_page_id` / `previous_page_id` for the offsets that exist (undefined: no such page). */
export function pageLinks(
  request: ApiRequest,
  query: unknown,
  offsets: { next?: number; previous?: number },
): { next_page_id?: string; previous_page_id?: string } {
  const links: { next_page_id?: string; previous_page_id?: string } = {}
  if (offsets.next !== undefined) links.next_page_id = mintPage(request, query, offsets.next)
  if (offsets.previous !== undefined)
    links.previous_page_id = mintPage(request, query, offsets.previous)
  return links
}

/** Fixed-size pages: previous exists past the first row, next while rows remain. */
export function fixedPageLinks(
  request: ApiRequest,
  query: unknown,
  offset: number,
  limit: number,
  total: number,
): { next_page_id?: string; previous_page_id?: string } {
  return pageLinks(request, query, {
    next: offset + limit < total ? offset + limit : undefined,
    previous: offset > 0 ? Math.max(0, offset - limit) : undefined,
  })
}

function mintPage(request: ApiRequest, query: unknown, offset: number): string {
  const world = request.world
  world.pageSequence += 1
  const now = request.state.now()
  // Like the docs' example (a base64 millisecond timestamp), plus a counter to stay unique.
  const id = Buffer.from(`${now}${String(world.pageSequence).padStart(6, '0')}`).toString('base64')
  world.pages.set(id, {
    method: request.method,
    accountId: request.caller.accountId,
    query,
    offset,
    createdAt: now,
  })
  return id
}
