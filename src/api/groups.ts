// Configuration API list_groups (groups--all:ro), with each group's routing status.
import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import { accountKey } from './query-keys'
import type { RoutingStatus } from './routing-statuses'

export interface Group {
  id: number
  name: string
  language_code?: string
  routing_status?: RoutingStatus
}

export const groupQueries = {
  all: (api: ApiClient) => [...accountKey(api), 'groups'] as const,
  list: (api: ApiClient) =>
    queryOptions({
      queryKey: [...groupQueries.all(api), 'list'] as const,
      queryFn: () => api.configuration<Group[]>('list_groups', { fields: ['routing_status'] }),
      // Groups are configuration: they change far less often than chats.
      staleTime: 5 * 60_000,
    }),
}

/** "General", or "Group 7" when the group list is unknown (no scope) or lacks it. */
export function groupName(groups: readonly Group[] | undefined, id: number): string {
  return groups?.find((group) => group.id === id)?.name ?? `Group ${id}`
}
