// LiveChat's cursor pagination (docs/livechat/agent-api.md#pagination) for useInfiniteQuery: the
// first request carries filters, limit and sort order; every later one ONLY the page_id (plus a
// required id such as chat_id). Sending both is a `validation` error.

export interface Paginated {
  next_page_id?: string
  previous_page_id?: string
}

/** The initial page param: undefined means "first page". */
export const FIRST_PAGE: string | undefined = undefined

/**
 * The body of one page request. `first` (filters, limit, sort_order) goes only with the first
 * page; `always` (e.g. `{chat_id}`) goes with every page.
 */
export function pageRequestBody(
  first: object,
  pageId: string | undefined,
  always: object = {},
): object {
  return pageId === undefined ? { ...always, ...first } : { ...always, page_id: pageId }
}

/** The next page's id, or undefined at the end (no `next_page_id`, or a useless one). */
export function nextPageId(page: Paginated): string | undefined {
  const next = page.next_page_id
  return typeof next === 'string' && next !== '' ? next : undefined
}
