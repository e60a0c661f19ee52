// livechat-browser-auth: the framework-free client, its configuration, errors and their words,
// LiveChat's scope rules, the credential and the fetch client bound to it.
export {
  createAuthClient,
  type AuthClient,
  type AuthClientOptions,
  type SignInOptions,
  type SignOutOptions,
} from './client/auth-client'
export {
  checkAuthConfig,
  createAuthConfig,
  DEFAULT_ACCOUNTS_URL,
  DEFAULT_API_URL,
  DEFAULT_SCOPES,
  FLOWS,
  RESPONSE_TYPES,
  type AuthConfig,
  type AuthConfigCheck,
  type AuthConfigInput,
  type Flow,
  type ResponseType,
} from './config/auth-config'
export {
  AuthConfigError,
  type AuthConfigField,
  type AuthConfigIssue,
  type AuthConfigProblem,
} from './config/config-problems'
export { describeConfigProblem } from './config/config-problem-text'
export { AuthError, type AuthErrorKind, type AuthErrorOptions } from './errors/auth-error'
export {
  AUTH_ERROR_KINDS,
  describeAuthError,
  type AuthErrorAction,
  type AuthErrorDescription,
} from './errors/auth-error-text'
export { missingScopes, scopeSatisfies } from './scopes/scopes'
export { describeScope } from './scopes/scope-meanings'
export {
  authorizationOf,
  credentialRegion,
  isRegion,
  regionOf,
  type Credential,
  type CredentialScheme,
} from './protocol/credential'
export { safeReturnTo } from './protocol/return-to'
export { msUntilAuthorizeNavigation } from './flows/redirect-guard'
export type { AuthorizeResult } from './protocol/authorize-result'
export { hasAuthParams } from './callback/redirect-callback'
export type { RedirectCallbackResult } from './callback/callback-result'
export type { FlowFact, FlowStep } from './flows/flow-observer'
export type { AuthState, AuthStatus, SignOutReason } from './session/auth-reducer'
export type { OAuthSession, PatSession, Session, SignInMethod } from './session/session'
export type { PatInput } from './session/pat-sign-in'
export {
  API_VERSION,
  createApiClient,
  REQUEST_TIMEOUT_MS,
  type ApiAccount,
  type ApiClient,
  type ApiClientOptions,
  type RequestOptions,
} from './api/api-client'
export { ApiError, describeApiError, kindForType, type ApiErrorKind } from './api/api-error'
export {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  RATE_LIMIT_RETRIES,
  READ_RETRIES,
  RETRY_AFTER_CAP_MS,
  retryDelay,
  shouldRetry,
  TIMEOUT_RETRIES,
  type Operation,
} from './api/retry-policy'
