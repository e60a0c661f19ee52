import { useCallback } from 'react'
import { missingScopes } from '../auth/scopes'
import { useSession } from '../auth/use-auth'

/**
 * Whether the signed-in token was granted these scopes (LiveChat's implication rules applied),
 * read from the session in this render — so a page enables its optional queries and controls
 * from the very first render after sign-in.
 */
export function useHasScopes(): (required: readonly string[]) => boolean {
  const { scopes } = useSession()
  return useCallback(
    (required: readonly string[]) => missingScopes(scopes, required).length === 0,
    [scopes],
  )
}
