// Global Accounts API v2 (https://platform.text.com/docs/authorization/global-accounts-api): who
// the signed-in agent is.
import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import { accountKey } from './query-keys'

/** `GET /v2/accounts/me` (accounts--my:ro). */
export interface Me {
  account_id: string
  name: string
  email: string
  default_organization_id?: string
  roles?: { product: string; role: string; type: string }[]
  properties?: { avatar_url?: string }
}

export const accountQueries = {
  all: (api: ApiClient) => [...accountKey(api), 'accounts'] as const,
  me: (api: ApiClient) =>
    queryOptions({
      queryKey: [...accountQueries.all(api), 'me'] as const,
      queryFn: () => api.accounts<Me>('/v2/accounts/me'),
      // Names and emails change rarely; the layout and home page share this one request.
      staleTime: 5 * 60_000,
    }),
}
