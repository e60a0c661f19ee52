import { useCallback } from 'react'
import { useAuth } from '../use-auth'
import { missingScopes } from './scopes'

/**
 * Whether the signed-in credential carries these scopes (LiveChat's implication rules applied).
 * Pages use it to enable optional queries and controls. It reads the session of this render, so
 * a page asking right after sign-in gets the granted answer on its first render. A hook of the
 * guards, not of the provider, so the rules load with the pages rather than the sign-in page.
 */
export function useHasScopes(): (required: readonly string[]) => boolean {
  const { session } = useAuth()
  return useCallback(
    (required: readonly string[]) =>
      session !== null && missingScopes(session.scopes, required).length === 0,
    [session],
  )
}
