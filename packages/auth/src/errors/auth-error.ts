// Every sign-in failure becomes an AuthError with a kind, whatever shape it arrived in: the
// SDK's plain-object rejections, the iframe's bare 'timeout' string, fetch's TypeError, our own
// checks. The UI speaks from the kind (describeAuthError, auth-error-text.ts), never from a raw
// server string.

export type AuthErrorKind =
  | 'popup_blocked'
  | 'popup_closed'
  | 'timeout'
  | 'state_mismatch'
  | 'access_denied'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'domain_not_allowed'
  | 'unsupported_response_type'
  | 'too_many_redirects'
  | 'identity_unknown'
  | 'token_rejected'
  | 'wrong_client'
  | 'wrong_organization'
  | 'expired'
  | 'malformed_response'
  | 'network'
  | 'server_error'
  | 'pat_bearer'
  | 'pat_malformed'
  | 'pat_rejected'
  | 'pat_missing_scope'
  | 'unknown'

export interface AuthErrorOptions {
  /** The raw `oauth_exception` / `identity_exception` / JSON `error` code, when there is one. */
  code?: string
  /** `exception_details` or another short, non-secret detail. */
  details?: string
  cause?: unknown
}

export class AuthError extends Error {
  readonly kind: AuthErrorKind
  readonly code?: string
  readonly details?: string

  constructor(kind: AuthErrorKind, message?: string, options: AuthErrorOptions = {}) {
    super(
      // What the agent reads comes from describeAuthError (auth-error-text.ts), by kind.
      message ?? `LiveChat sign-in failed: ${kind}.`,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.name = 'AuthError'
    this.kind = kind
    if (options.code !== undefined) this.code = options.code
    if (options.details !== undefined) this.details = options.details
  }
}

/**
 * For code that only passes errors on (the provider, startup): an AuthError as it is, a
 * TypeError (fetch, or a chunk that could not be loaded) as `network`, anything else `unknown`.
 * Reading LiveChat's and the SDK's error shapes is toAuthError's job (oauth-error.ts), in the
 * flows that receive them.
 */
export function asAuthError(value: unknown): AuthError {
  if (value instanceof AuthError) return value
  return new AuthError(value instanceof TypeError ? 'network' : 'unknown', undefined, {
    cause: value,
  })
}
