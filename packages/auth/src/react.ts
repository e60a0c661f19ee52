// livechat-browser-auth/react: the provider (wiring), hooks over the client, and guards that
// need no router.
export { AuthProvider, type AuthProviderProps } from './react/auth-provider'
export { useAuth, useAuthClient, useSession, type AuthContextValue } from './react/use-auth'
export { useHasScopes } from './react/use-has-scopes'
export { useApiClient, type UseApiClientOptions } from './react/use-api-client'
export { SignedIn, type SignedInProps } from './react/signed-in'
export { ScopeGuard, type MissingScopesView, type ScopeGuardProps } from './react/scope-guard'
