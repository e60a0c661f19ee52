// Prefetch with an unconfirmed credential (issue 15): the requests a page makes on its first
// visit, sent while LiveChat is still checking the credential (/v2/info) — so sign-in to first
// data costs no extra round trip — and served to the workspace only once the check has passed
// (decision 009). They are made by the pages' own query factories (so each is the very request
// the page will make) through an API client that records its responses; the workspace's client
// then takes each recorded response once instead of sending the request again (the auth
// package's `takeRecordedResponse` option). Only requests that need no identity: the account is
// unknown until /v2/info answers. A lazy chunk, loaded the moment a token arrives.
import { QueryClient } from '@tanstack/react-query'
import { matchPath } from 'react-router-dom'
import { accountQueries } from '../../api/accounts'
import { createApiClient, type ApiClient } from 'livechat-browser-auth'
import { archiveQueries } from '../../api/archives'
import { chatQueries, OPEN_CHATS } from '../../api/chats'
import { customerQueries } from '../../api/customers'
import { groupQueries } from '../../api/groups'
import { routingQueries } from '../../api/routing-statuses'
import type { Credential } from 'livechat-browser-auth'
import type { AppConfig } from '../../config/env'

type Start = (scratch: QueryClient, api: ApiClient) => Promise<unknown>

/** What each page asks for on its first visit. */
const LANDINGS: { path: string; starts: (params: Record<string, string>) => Start[] }[] = [
  {
    path: '/chats',
    starts: () => [(scratch, api) => scratch.fetchInfiniteQuery(chatQueries.list(api, OPEN_CHATS))],
  },
  {
    // The same three-pane screen as /chats: the list, and the chat opened in it.
    path: '/chats/:chatId',
    starts: ({ chatId = '' }) => [
      (scratch, api) => scratch.fetchInfiniteQuery(chatQueries.list(api, OPEN_CHATS)),
      (scratch, api) => scratch.fetchQuery(chatQueries.detail(api, chatId)),
    ],
  },
  {
    path: '/customers/:customerId',
    starts: ({ customerId = '' }) => [
      (scratch, api) => scratch.fetchQuery(customerQueries.detail(api, customerId)),
    ],
  },
  {
    path: '/archives',
    starts: () => [(scratch, api) => scratch.fetchInfiniteQuery(archiveQueries.list(api, {}))],
  },
  { path: '/team', starts: () => [(scratch, api) => scratch.fetchQuery(routingQueries.list(api))] },
  { path: '/', starts: () => [(scratch, api) => scratch.fetchQuery(groupQueries.list(api))] },
]
/** Every page's header shows who is signed in. */
const EVERY_PAGE: Start[] = [(scratch, api) => scratch.fetchQuery(accountQueries.me(api))]

function landingStarts(returnTo: string): Start[] {
  const pathname = new URL(returnTo, 'https://app.invalid').pathname
  for (const landing of LANDINGS) {
    const match = matchPath(landing.path, pathname)
    if (match) return [...EVERY_PAGE, ...landing.starts(match.params as Record<string, string>)]
  }
  return EVERY_PAGE
}

export interface Prefetch {
  credential: Credential
  /** The recorded response to one request, once (the API client's `takeRecordedResponse`). */
  take(request: string): Promise<unknown> | undefined
}

/**
 * Sends the landing page's requests with an unconfirmed credential. Their responses reach nothing
 * the pages read until the workspace takes them; `signal` (the sign-in failing) aborts them.
 */
export function startPrefetch(
  config: AppConfig,
  credential: Credential,
  returnTo: string,
  signal: AbortSignal,
): Prefetch {
  const responses = new Map<string, Promise<unknown>>()
  const speculative = createApiClient(
    config,
    credential,
    {},
    {
      signal,
      recordResponse: (request, answer) => {
        answer.catch(() => undefined)
        responses.set(request, answer)
      },
    },
  )
  // Only the factories' request functions are wanted from TanStack here: a cache of its own,
  // with no retries, that nothing reads.
  const scratch = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } })
  for (const start of landingStarts(returnTo)) start(scratch, speculative).catch(() => undefined)
  return {
    credential,
    take: (request) => {
      const answer = responses.get(request)
      responses.delete(request)
      return answer
    },
  }
}
