import { useMemo } from 'react'
import { useAuth, useSession } from '../auth/use-auth'
import { createApiClient, type ApiClient } from './api-client'
import { useApiScopeSignal } from './api-scope'
import { useFirstAnswers } from './first-answers'

/**
 * The API client bound to the current session's credential (from context, never a global). A 401
 * goes through the auth layer's single shared re-auth, then the request is retried once. The
 * client also knows whose data it reads (organization, account), which query keys carry, and
 * stops with the workspace (api-scope.tsx). A request the workspace already made before the
 * credential was confirmed is answered once from there (first-answers.tsx).
 */
export function useApiClient(): ApiClient {
  const { config, reauthenticate } = useAuth()
  const { credential, accountId, organizationId } = useSession()
  const signal = useApiScopeSignal()
  const answersFrom = useFirstAnswers() ?? undefined
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
        },
      ),
    [config, credential, accountId, organizationId, reauthenticate, signal, answersFrom],
  )
}
