// Configuration API agents (https://platform.text.com/docs/management/configuration-api#agents):
// get_agent (agents--my:ro for yourself) and list_agents (agents--all:ro).
import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import { accountKey } from './query-keys'

export type AgentRole = 'owner' | 'viceowner' | 'administrator' | 'normal'

export interface Agent {
  /** The agent's login email. */
  id: string
  account_id?: string
  name: string
  role?: AgentRole | string
  /** With spaces: `accepting chats`, `not accepting chats` (unlike routing statuses). */
  login_status?: string
  job_title?: string
  max_chats_count?: number
  suspended?: boolean
  groups?: { id: number; priority: string }[]
  avatar?: string
  avatar_path?: string
}

const FIELDS = ['groups', 'job_title', 'max_chats_count', 'suspended'] as const

export const agentQueries = {
  all: (api: ApiClient) => [...accountKey(api), 'agents'] as const,
  detail: (api: ApiClient, agentId: string) =>
    queryOptions({
      queryKey: [...agentQueries.all(api), 'detail', agentId] as const,
      queryFn: () => api.configuration<Agent>('get_agent', { id: agentId, fields: FIELDS }),
    }),
  list: (api: ApiClient) =>
    queryOptions({
      queryKey: [...agentQueries.all(api), 'list'] as const,
      queryFn: () => api.configuration<Agent[]>('list_agents', { fields: FIELDS }),
    }),
}
