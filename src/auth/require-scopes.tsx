import { lazy, Suspense } from 'react'
import { Outlet } from 'react-router-dom'
import { Spinner } from '../components/spinner'
import { missingScopes } from './scopes'
import { useSession } from './use-auth'

// Rarely shown, so it loads when needed rather than with the sign-in page.
const MissingScopesPage = lazy(() =>
  import('../pages/missing-scopes-page').then((module) => ({ default: module.MissingScopesPage })),
)

/**
 * Layout route behind <RequireAuth>: renders its children only when the token was granted
 * every listed scope (implications included). Otherwise it explains what is missing and offers
 * to ask for it — it never sends the agent back to sign-in, which would loop.
 */
export function RequireScopes({ scopes }: { scopes: readonly string[] }) {
  const session = useSession()
  const missing = missingScopes(session.scopes, scopes)
  if (missing.length > 0) {
    return (
      <Suspense fallback={<Spinner />}>
        <MissingScopesPage missing={missing} />
      </Suspense>
    )
  }
  return <Outlet />
}
