// Cache entries only the socket fills (TkDodo, "Using WebSockets with React Query": pushes write
// the cache, pages read it): the agent's profile from `login`, and what is unread per chat.
// There is nothing to fetch (skipToken), and nothing goes stale or away while the tab lives.
import { queryOptions, skipToken } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import { accountKey } from '../../api/query-keys'
import type { MyProfile } from '../socket/rtm-types'
import type { UnreadByChat } from './unread'

export const liveQueries = {
  all: (api: ApiClient) => [...accountKey(api), 'live'] as const,
  /** `login`'s my_profile, kept up to date by `routing_status_set` (docs/livechat/rtm.md#routing-status). */
  myProfile: (api: ApiClient) =>
    queryOptions<MyProfile>({
      queryKey: [...liveQueries.all(api), 'my-profile'] as const,
      queryFn: skipToken,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
  unread: (api: ApiClient) =>
    queryOptions<UnreadByChat>({
      queryKey: [...liveQueries.all(api), 'unread'] as const,
      queryFn: skipToken,
      staleTime: Infinity,
      gcTime: Infinity,
    }),
}
