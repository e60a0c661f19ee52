import { useMemo } from 'react'
import { createApiClient, type ApiClient, type ApiClientOptions } from '../api/api-client'
import { useAuth, useSession } from './use-auth'

export type UseApiClientOptions = Pick<ApiClientOptions, 'signal' | 'answersFrom' | 'timeoutMs'>

/**
 * The fetch client bound to the current session's credential (from context, never a global),
 * for components behind a sign-in guard. A 401 goes through the client's one shared
 * re-authentication, then the request is retried once. A new client comes with a new credential
 * or account, so it is a good dependency for effects and a source for query keys.
 */
export function useApiClient({
  signal,
  answersFrom,
  timeoutMs,
}: UseApiClientOptions = {}): ApiClient {
  const { config, reauthenticate } = useAuth()
  const { credential, accountId, organizationId } = useSession()
  return useMemo(
    () =>
      createApiClient(
        config,
        credential,
        { accountId, organizationId },
        {
          reauthenticate: () => reauthenticate().then((fresh) => fresh?.credential ?? null),
          signal,
          answersFrom,
          timeoutMs,
        },
      ),
    [config, credential, accountId, organizationId, reauthenticate, signal, answersFrom, timeoutMs],
  )
}
