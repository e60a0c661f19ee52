import type { ComponentType } from 'react'
import { Outlet } from 'react-router-dom'
import { missingScopes } from './scopes'
import { useSession } from '../use-auth'

/** What to show instead of the page: the app's own explanation (it lives above auth). */
export type MissingScopesView = ComponentType<{ missing: readonly string[] }>

/**
 * Layout route behind <RequireAuth>: renders its children only when the token was granted
 * every listed scope (implications included). Otherwise it renders `fallback` with what is
 * missing, which should explain it and offer to ask for it — never send the agent back to
 * sign-in, which would loop. The fallback is a prop, not an import, so the guard never reaches
 * up into the pages.
 */
export function RequireScopes({
  scopes,
  fallback: Fallback,
}: {
  scopes: readonly string[]
  fallback: MissingScopesView
}) {
  const session = useSession()
  const missing = missingScopes(session.scopes, scopes)
  if (missing.length > 0) return <Fallback missing={missing} />
  return <Outlet />
}
