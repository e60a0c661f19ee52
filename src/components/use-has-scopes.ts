import { useAuth } from '../auth/use-auth'

/**
 * Whether the signed-in token was granted these scopes (LiveChat's implication rules applied).
 * Pages use it to enable optional queries and controls from the first render after sign-in.
 */
export function useHasScopes(): (required: readonly string[]) => boolean {
  return useAuth().hasScopes
}
