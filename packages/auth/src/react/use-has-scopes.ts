import { useCallback } from 'react'
import { missingScopes } from '../scopes/scopes'
import { useAuth } from './use-auth'

/**
 * Whether the signed-in credential carries these scopes (LiveChat's implication rules applied),
 * to enable optional queries and controls. It reads the session of this render, so a page asking
 * right after sign-in gets the granted answer on its first render. A module of its own, so the
 * scope rules load with the pages that ask, not with a sign-in page.
 */
export function useHasScopes(): (required: readonly string[]) => boolean {
  const { session } = useAuth()
  return useCallback(
    (required: readonly string[]) =>
      session !== null && missingScopes(session.scopes, required).length === 0,
    [session],
  )
}
