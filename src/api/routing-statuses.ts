// Routing statuses (Agent Chat API, docs/livechat/agent-api.md#methods-the-app-calls):
// list_routing_statuses (agents--all:ro) and set_routing_status (own status: agents--my:rw).
import { mutationOptions, queryOptions } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import { agentQueries } from './agents'
import { accountKey } from './query-keys'

export type RoutingStatus = 'accepting_chats' | 'not_accepting_chats' | 'offline'

/** What an agent may set for themselves; only bots can be set `offline`. */
export const SETTABLE_STATUSES = ['accepting_chats', 'not_accepting_chats'] as const
export type SettableStatus = (typeof SETTABLE_STATUSES)[number]

export interface AgentRoutingStatus {
  agent_id: string
  status: RoutingStatus
}

const LABELS: Record<RoutingStatus, string> = {
  accepting_chats: 'Accepting chats',
  not_accepting_chats: 'Not accepting chats',
  offline: 'Offline',
}

export function routingStatusLabel(status: string | undefined): string {
  return status && Object.hasOwn(LABELS, status) ? LABELS[status as RoutingStatus] : 'Unknown'
}

/** The Configuration API's `login_status` ("accepting chats") as a routing status. */
export function fromLoginStatus(loginStatus: string | undefined): RoutingStatus | undefined {
  const status = loginStatus?.trim().replace(/ /g, '_')
  return status && Object.hasOwn(LABELS, status) ? (status as RoutingStatus) : undefined
}

export const routingQueries = {
  all: (api: ApiClient) => [...accountKey(api), 'routing-statuses'] as const,
  list: (api: ApiClient) =>
    queryOptions({
      queryKey: [...routingQueries.all(api), 'list'] as const,
      queryFn: () => api.agent<AgentRoutingStatus[]>('list_routing_statuses', {}),
    }),
}

export const routingMutations = {
  /** Sets the requester's own status; the agent record and status lists are refetched after. */
  setMine: (api: ApiClient) =>
    mutationOptions({
      mutationKey: [...routingQueries.all(api), 'set-mine'] as const,
      mutationFn: (status: SettableStatus) => api.agent<object>('set_routing_status', { status }),
      onSettled: (_data, _error, _status, _result, { client }) =>
        Promise.all([
          client.invalidateQueries({ queryKey: routingQueries.all(api) }),
          client.invalidateQueries({ queryKey: agentQueries.all(api) }),
        ]),
    }),
}
