import type { ComponentType, ReactNode } from 'react'
import { missingScopes } from '../scopes/scopes'
import { useSession } from './use-auth'

/** What to show instead: the app's own explanation of the missing scopes. */
export type MissingScopesView = ComponentType<{ missing: readonly string[] }>

export interface ScopeGuardProps {
  scopes: readonly string[]
  fallback: MissingScopesView
  children: ReactNode
}

/**
 * Behind a sign-in guard: renders its children only when the token was granted every listed
 * scope (implications included). Otherwise it renders `fallback` with what is missing, which
 * should explain it and offer to ask for it (a sign-in with `prompt: 'consent'`) — never send
 * the agent back to sign in, which would loop.
 */
export function ScopeGuard({ scopes, fallback: Fallback, children }: ScopeGuardProps) {
  const session = useSession()
  const missing = missingScopes(session.scopes, scopes)
  if (missing.length > 0) return <Fallback missing={missing} />
  return children
}
