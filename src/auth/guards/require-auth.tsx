import { Navigate, Outlet, useLocation } from 'react-router-dom'
import { paths } from '../../config/paths'
import { Spinner } from '../../ui/spinner'
import { useAuth } from '../use-auth'

/** Where the sign-in page sends the agent back to, kept in router state (never in storage). */
export interface SignInLocationState {
  from?: string
}

/**
 * Layout route: renders its children only for a signed-in agent. Anyone else goes to the
 * sign-in page, which returns them here afterwards.
 */
export function RequireAuth() {
  const { status, session } = useAuth()
  const location = useLocation()

  if (!session && (status === 'restoring' || status === 'validating')) {
    return (
      <div className="page page--center">
        <Spinner label="Checking your LiveChat session" />
      </div>
    )
  }
  if (!session) {
    const from = `${location.pathname}${location.search}`
    const state: SignInLocationState = { from }
    return <Navigate to={paths.signIn} replace state={state} />
  }
  return <Outlet />
}
