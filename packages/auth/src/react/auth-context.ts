import { createContext } from 'react'
import type { AuthClient } from '../client/auth-client'

/** The client the provider hands down; null outside `<AuthProvider>`. */
export const AuthContext = createContext<AuthClient | null>(null)
AuthContext.displayName = 'AuthContext'
