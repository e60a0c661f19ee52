import { Outlet } from 'react-router-dom'
import { MissingScopesPage } from '../pages/missing-scopes-page'
import { missingScopes } from './scopes'
import { useSession } from './use-auth'

/**
 * Layout route behind <RequireAuth>: renders its children only when the token was granted
 * every listed scope (implications included). Otherwise it explains what is missing and offers
 * to ask for it — it never sends the agent back to sign-in, which would loop.
 */
export function RequireScopes({ scopes }: { scopes: readonly string[] }) {
  const session = useSession()
  const missing = missingScopes(session.scopes, scopes)
  if (missing.length > 0) return <MissingScopesPage missing={missing} />
  return <Outlet />
}
