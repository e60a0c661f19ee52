// livechat-browser-auth/react-router: the guards as React Router layout routes, the path to
// return to after sign-in, and the provider navigating after a redirect sign-in.
export { AuthProviderWithNavigate } from './react-router/auth-provider-with-navigate'
export { RequireAuth, type RequireAuthProps } from './react-router/require-auth'
export { RequireScopes, type RequireScopesProps } from './react-router/require-scopes'
export { useReturnTo, type SignInLocationState } from './react-router/return-to'
