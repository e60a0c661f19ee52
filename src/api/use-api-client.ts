import type { ApiClient } from 'livechat-browser-auth'
import { useApiClient as useSessionApiClient } from 'livechat-browser-auth/react'
import { useApiScopeSignal } from './api-scope'
import { useRecordedResponses } from './recorded-responses'

/**
 * The auth package's API client (bound to the session's credential; a 401 goes through one
 * shared re-auth, then the request is retried once), scoped to the workspace: it stops with it
 * (api-scope.tsx), and a request the workspace already made before the credential was
 * confirmed is answered once from there (recorded-responses.ts).
 */
export function useApiClient(): ApiClient {
  const signal = useApiScopeSignal()
  const takeRecordedResponse = useRecordedResponses() ?? undefined
  return useSessionApiClient({ signal, takeRecordedResponse })
}
