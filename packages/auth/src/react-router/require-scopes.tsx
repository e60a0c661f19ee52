import { Outlet } from 'react-router-dom'
import { ScopeGuard, type MissingScopesView } from '../react/scope-guard'

export interface RequireScopesProps {
  scopes: readonly string[]
  fallback: MissingScopesView
}

/**
 * Layout route behind `<RequireAuth>`: renders its child routes only when the token was granted
 * every listed scope; otherwise `fallback` with what is missing (see `ScopeGuard`).
 */
export function RequireScopes({ scopes, fallback }: RequireScopesProps) {
  return (
    <ScopeGuard scopes={scopes} fallback={fallback}>
      <Outlet />
    </ScopeGuard>
  )
}
