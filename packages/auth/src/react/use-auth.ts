import { use, useMemo, useSyncExternalStore } from 'react'
import type { AuthClient } from '../client/auth-client'
import type { AuthState } from '../session/auth-reducer'
import type { Session } from '../session/session'
import { AuthContext } from './auth-context'

/** The client's state and everything it can do (its methods, its `config`), and the client. */
export type AuthContextValue = AuthState & AuthClient & { client: AuthClient }

/** The client of the nearest `<AuthProvider>`; throws outside one. */
export function useAuthClient(): AuthClient {
  const client = use(AuthContext)
  if (!client) throw new Error('useAuth must be used inside <AuthProvider>.')
  return client
}

/** The client's state (re-rendering on every change) and its actions. */
export function useAuth(): AuthContextValue {
  const client = useAuthClient()
  const state = useSyncExternalStore(client.subscribe, client.getState, client.getState)
  return useMemo(() => ({ ...client, ...state, client }), [state, client])
}

/** The current session; only for components rendered behind a sign-in guard. */
export function useSession(): Session {
  const { session } = useAuth()
  if (!session) throw new Error('useSession: no one is signed in (use it behind a sign-in guard).')
  return session
}
