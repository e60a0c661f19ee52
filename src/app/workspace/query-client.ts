import { QueryClient } from '@tanstack/react-query'
import { retryDelay, shouldRetry } from 'livechat-browser-auth'

/**
 * One cache per signed-in account (app/workspace/workspace.tsx). Reads retry by the policy in
 * api/retry-policy.ts; writes only after a rate limit. While the browser is offline, TanStack
 * Query pauses and resumes on the `online` event (networkMode `online`), so nobody is signed
 * out for a dropped connection.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => shouldRetry('read', failures, error),
        retryDelay: (failures, error) => retryDelay(failures, error),
      },
      mutations: {
        retry: (failures, error) => shouldRetry('write', failures, error),
        retryDelay: (failures, error) => retryDelay(failures, error),
      },
    },
  })
}
