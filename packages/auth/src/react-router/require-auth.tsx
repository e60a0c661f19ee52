import type { ReactNode } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router-dom'
import { useAuth } from '../react/use-auth'
import type { SignInLocationState } from './return-to'

export interface RequireAuthProps {
  /** The sign-in page's path. Default `/sign-in`. */
  signInPath?: string
  /** Shown while a session may still arrive (a restore, a token being checked). */
  pending?: ReactNode
}

/**
 * Layout route: renders its child routes only for a signed-in agent. Anyone else goes to the
 * sign-in page, with the path asked for in router state (`useReturnTo()` reads it there).
 */
export function RequireAuth({ signInPath = '/sign-in', pending }: RequireAuthProps) {
  const { session, status } = useAuth()
  const location = useLocation()
  if (session) return <Outlet />
  if (status === 'restoring' || status === 'validating')
    return pending ?? <p role="status">Checking your LiveChat session…</p>
  const state: SignInLocationState = { from: `${location.pathname}${location.search}` }
  return <Navigate to={signInPath} replace state={state} />
}
