import { useMemo } from 'react'
import type { ApiClient, ApiClientOptions } from '../api/api-client'
import { loadOnce } from '../flows/load-once'
import { useAuth, useSession } from './use-auth'

export type UseApiClientOptions = Pick<
  ApiClientOptions,
  'signal' | 'takeRecordedResponse' | 'timeoutMs'
>

// The fetch client's code loads with the first signed-in render, not with a sign-in page.
const api = loadOnce(() => import('../api/api-client'))

/**
 * The fetch client bound to the current session's credential (from context, never a global),
 * for components behind a sign-in guard. A 401 goes through the client's one shared
 * re-authentication, then the request is retried once. A new client comes with a new credential
 * or account, so it is a good dependency for effects and a source for query keys.
 */
export function useApiClient({
  signal,
  takeRecordedResponse,
  timeoutMs,
}: UseApiClientOptions = {}): ApiClient {
  const { config, reauthenticate } = useAuth()
  const { credential, accountId, organizationId } = useSession()
  return useMemo(() => {
    const account = { accountId, organizationId }
    const client = api.load().then(({ createApiClient }) =>
      createApiClient(config, credential, account, {
        reauthenticate: () => reauthenticate().then((fresh) => fresh?.credential ?? null),
        signal,
        takeRecordedResponse,
        timeoutMs,
      }),
    )
    // A failed load fails the calls that need it; nothing else is waiting for it.
    client.catch(() => undefined)
    return {
      account,
      agent: (method, body, init) => client.then((loaded) => loaded.agent(method, body, init)),
      configuration: (method, body, init) =>
        client.then((loaded) => loaded.configuration(method, body, init)),
      accounts: (path, init) => client.then((loaded) => loaded.accounts(path, init)),
    }
  }, [
    config,
    credential,
    accountId,
    organizationId,
    reauthenticate,
    signal,
    takeRecordedResponse,
    timeoutMs,
  ])
}
