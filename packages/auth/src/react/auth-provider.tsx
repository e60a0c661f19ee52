import { useEffect, type ReactNode } from 'react'
import type { AuthClient } from '../client/auth-client'
import { AuthContext } from './auth-context'

export interface AuthProviderProps {
  client: AuthClient
  /**
   * Where to go once a redirect sign-in has completed: the path it was started for. Pass your
   * router's navigate; without one the address bar's path is replaced (history.replaceState).
   */
  onRedirectCallback?: (returnTo: string) => void
  children: ReactNode
}

/** Clients whose redirect sign-in has been navigated to: once per page, whatever re-mounts. */
const navigated = new WeakSet<AuthClient>()

function replacePath(returnTo: string): void {
  window.history.replaceState(window.history.state, '', returnTo)
}

/** Hands the client to the hooks and starts it (the redirect callback, or a silent restore). */
export function AuthProvider({ client, onRedirectCallback, children }: AuthProviderProps) {
  useEffect(() => {
    let active = true
    void client.start().then((returnTo) => {
      if (!active || returnTo === null || navigated.has(client)) return
      navigated.add(client)
      ;(onRedirectCallback ?? replacePath)(returnTo)
    })
    return () => {
      active = false
    }
  }, [client, onRedirectCallback])
  return <AuthContext value={client}>{children}</AuthContext>
}
