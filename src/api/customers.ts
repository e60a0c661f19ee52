// get_customer (customers:ro): one customer's profile
// (docs/livechat/agent-api.md#methods-the-app-calls).
import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import { accountKey } from './query-keys'

export interface Customer {
  id: string
  type?: 'customer'
  name?: string
  email?: string
  phone_number?: string
  created_at?: string
  session_fields?: Record<string, string>[]
  statistics?: Record<string, number>
  visit?: {
    started_at?: string
    ended_at?: string
    referrer?: string
    geolocation?: {
      country?: string
      country_code?: string
      region?: string
      city?: string
      timezone?: string
    }
    last_pages?: { opened_at?: string; url?: string; title?: string }[]
  }
  chat_ids?: string[]
}

export const customerQueries = {
  all: (api: ApiClient) => [...accountKey(api), 'customers'] as const,
  detail: (api: ApiClient, customerId: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(api), 'detail', customerId] as const,
      queryFn: () => api.agent<Customer>('get_customer', { id: customerId }),
    }),
}
