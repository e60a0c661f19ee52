// Global Accounts API v2 (https://platform.text.com/docs/authorization/global-accounts-api,
// "List organizations"): the organizations (licenses) the signed-in account belongs to. Any token
// or PAT may ask; no scope is needed.
import { queryOptions } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import { accountKey } from './query-keys'

/** An item of `GET /v2/organizations`. */
export interface Organization {
  organization_id: string
  name: string
}

export const organizationQueries = {
  all: (api: ApiClient) => [...accountKey(api), 'organizations'] as const,
  /** The account's organizations, its default one first. */
  list: (api: ApiClient) =>
    queryOptions({
      queryKey: [...organizationQueries.all(api), 'list'] as const,
      queryFn: () => api.accounts<Organization[]>('/v2/organizations'),
      // Memberships change rarely; the header and the session page share this one request.
      staleTime: 5 * 60_000,
    }),
}

/** The organization the session is in, by id, from the list (undefined until it is known). */
export function organizationNamed(
  organizations: readonly Organization[] | undefined,
  organizationId: string,
): Organization | undefined {
  return organizations?.find((o) => o.organization_id === organizationId)
}
