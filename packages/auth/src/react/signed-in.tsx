import type { ReactNode } from 'react'
import { useAuth } from './use-auth'

export interface SignedInProps {
  children: ReactNode
  /** Shown to someone signed out. */
  fallback?: ReactNode
  /** Shown while a session may still arrive (a restore, a token being checked). Default `fallback`. */
  pending?: ReactNode
}

/** Renders its children only for a signed-in agent. */
export function SignedIn({ children, fallback = null, pending = fallback }: SignedInProps) {
  const { session, status } = useAuth()
  if (session) return children
  return status === 'restoring' || status === 'validating' ? pending : fallback
}
