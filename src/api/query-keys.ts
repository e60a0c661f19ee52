import { API_VERSION, type ApiClient } from 'livechat-browser-auth'

/**
 * The start of every query key: the API version and whose data it is (organization, account).
 * Never the token: a renewed token for the same agent keeps the cache, another agent never
 * shares it, and keys are safe to log or show in devtools.
 */
export function accountKey(api: ApiClient) {
  return ['livechat', `v${API_VERSION}`, api.account.organizationId, api.account.accountId] as const
}
