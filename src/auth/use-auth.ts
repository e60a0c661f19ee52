import { use } from 'react'
import { AuthContext, type AuthContextValue } from './auth-context'
import type { Session } from './session/session'

export function useAuth(): AuthContextValue {
  const auth = use(AuthContext)
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>.')
  return auth
}

/** The current session; only for components rendered behind <RequireAuth>. */
export function useSession(): Session {
  const { session } = useAuth()
  if (!session)
    throw new Error('useSession must be used behind <RequireAuth> (no one is signed in).')
  return session
}
