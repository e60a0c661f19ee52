// Every sign-in failure becomes an AuthError with a kind, whatever shape it arrived in: the
// SDK's plain-object rejections, the iframe's bare 'timeout' string, fetch's TypeError, our own
// checks. The UI speaks from the kind (describeAuthError), never from a raw server string.

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
  | 'unknown'

export const AUTH_ERROR_KINDS: readonly AuthErrorKind[] = [
  'popup_blocked',
  'popup_closed',
  'timeout',
  'state_mismatch',
  'access_denied',
  'invalid_scope',
  'unauthorized_client',
  'domain_not_allowed',
  'unsupported_response_type',
  'too_many_redirects',
  'identity_unknown',
  'token_rejected',
  'wrong_client',
  'wrong_organization',
  'expired',
  'malformed_response',
  'network',
  'server_error',
  'unknown',
]

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
      message ?? DESCRIPTIONS[kind].message,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.name = 'AuthError'
    this.kind = kind
    if (options.code !== undefined) this.code = options.code
    if (options.details !== undefined) this.details = options.details
  }
}

export type AuthErrorAction =
  'retry' | 'use-redirect' | 'request-access' | 'contact-admin' | 'sign-in-again'

export interface AuthErrorDescription {
  title: string
  message: string
  action: AuthErrorAction
}

const DESCRIPTIONS: Record<AuthErrorKind, AuthErrorDescription> = {
  popup_blocked: {
    title: 'Your browser blocked the sign-in window',
    message: 'Allow pop-ups for this site and try again, or sign in by redirect instead.',
    action: 'use-redirect',
  },
  popup_closed: {
    title: 'Sign-in cancelled',
    message: 'The LiveChat sign-in window was closed before sign-in finished.',
    action: 'retry',
  },
  timeout: {
    title: 'Sign-in took too long',
    message: 'LiveChat did not finish the sign-in in time. Please try again.',
    action: 'retry',
  },
  state_mismatch: {
    title: 'Sign-in could not be verified',
    message:
      'The answer from LiveChat did not belong to a sign-in started in this tab, so it was ignored. Please try again.',
    action: 'retry',
  },
  access_denied: {
    title: 'Access denied',
    message:
      'LiveChat denied access: the permission was refused, or this app is installed for a different LiveChat organization.',
    action: 'retry',
  },
  invalid_scope: {
    title: 'Your role cannot grant these permissions',
    message:
      'This app asked for permissions that need an administrator, and a normal agent cannot grant them. Ask your LiveChat administrator, or continue with the access you have.',
    action: 'contact-admin',
  },
  unauthorized_client: {
    title: 'This app is not set up correctly',
    message:
      'LiveChat does not recognise this app’s Client Id. Ask whoever set the app up to check its configuration.',
    action: 'contact-admin',
  },
  domain_not_allowed: {
    title: 'This address is not allowed to sign in',
    message:
      'LiveChat refused the request: this app’s address is not one of its allowed redirect URIs, or the request was malformed. Ask whoever set the app up to check them.',
    action: 'contact-admin',
  },
  unsupported_response_type: {
    title: 'This sign-in method is not available',
    message:
      'LiveChat does not allow this app to sign in this way. Try another sign-in method, or ask the app’s administrator.',
    action: 'contact-admin',
  },
  too_many_redirects: {
    title: 'Too many sign-in attempts',
    message:
      'LiveChat allows only a few sign-ins in a short time. Wait 30 seconds, then try again.',
    action: 'retry',
  },
  identity_unknown: {
    title: 'Please sign in again',
    message: 'LiveChat could not confirm who you are, or your LiveChat session has ended.',
    action: 'sign-in-again',
  },
  token_rejected: {
    title: 'LiveChat refused the sign-in',
    message: 'The access LiveChat gave was not accepted when checked. Please sign in again.',
    action: 'sign-in-again',
  },
  wrong_client: {
    title: 'Sign-in was issued to a different app',
    message:
      'The access token belongs to another LiveChat app, so it was not used. Please sign in again here.',
    action: 'sign-in-again',
  },
  wrong_organization: {
    title: 'Wrong LiveChat organization',
    message:
      'You signed in to a LiveChat organization this app is not set up for. Sign in with an account of the right organization, or ask your administrator.',
    action: 'contact-admin',
  },
  expired: {
    title: 'Your session expired',
    message: 'Your LiveChat access has expired. Sign in again to continue.',
    action: 'sign-in-again',
  },
  malformed_response: {
    title: 'Sign-in could not be verified',
    message:
      'LiveChat’s answer was not in the expected form, so it was not used. Please try again.',
    action: 'retry',
  },
  network: {
    title: 'Could not reach LiveChat',
    message: 'Check your internet connection, then try again.',
    action: 'retry',
  },
  server_error: {
    title: 'LiveChat is having trouble',
    message: 'LiveChat could not complete the sign-in right now. Please try again in a moment.',
    action: 'retry',
  },
  unknown: {
    title: 'Sign-in failed',
    message: 'Something unexpected went wrong while signing in. Please try again.',
    action: 'retry',
  },
}

/** Plain words and the next step for an error of any shape. */
export function describeAuthError(error: unknown): AuthErrorDescription {
  const kind = toAuthError(error).kind
  return { ...DESCRIPTIONS[kind] }
}

// oauth_exception codes (protocol §3.1, §3.2) and RFC 6749 `error` codes share names.
const OAUTH_KINDS: Record<string, AuthErrorKind> = {
  // The SDK's own meaning for a popup or iframe: "loading accounts-sdk on a domain that is not whitelisted".
  invalid_request: 'domain_not_allowed',
  unauthorized_client: 'unauthorized_client',
  access_denied: 'access_denied',
  unsupported_response_type: 'unsupported_response_type',
  invalid_scope: 'invalid_scope',
  server_error: 'server_error',
  temporarily_unavailable: 'server_error',
  invalid_grant: 'expired',
  invalid_client: 'unauthorized_client',
  missing_grant: 'access_denied',
  unauthorized: 'identity_unknown',
}

const IDENTITY_KINDS: Record<string, AuthErrorKind> = {
  unauthorized: 'identity_unknown',
  identity_lost: 'identity_unknown',
  access_denied: 'access_denied',
  server_error: 'server_error',
  credentials_login_disabled: 'identity_unknown',
  invalid_request: 'unknown',
}

// exception_details win over the code: which oauth_exception comes with too_many_redirects is
// UNKNOWN (protocol §3.1), and a bad redirect URI arrives as invalid_request or unauthorized_client.
const DETAIL_KINDS: Record<string, AuthErrorKind> = {
  too_many_redirects: 'too_many_redirects',
  invalid_redirect_uri: 'domain_not_allowed',
  redirect_uri_not_set: 'domain_not_allowed',
  client_id_not_found: 'unauthorized_client',
}

/** Maps an OAuth-style error code (and optional detail) to a kind. */
export function kindForOAuthCode(
  code: string | undefined,
  details?: string,
  identity = false,
): AuthErrorKind {
  if (details !== undefined && Object.hasOwn(DETAIL_KINDS, details))
    return DETAIL_KINDS[details] as AuthErrorKind
  if (code === undefined) return 'unknown'
  const table = identity ? IDENTITY_KINDS : OAUTH_KINDS
  return Object.hasOwn(table, code) ? (table[code] as AuthErrorKind) : 'unknown'
}

/** Reads a property without trusting the object: getters may throw, values may be anything. */
function readString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  try {
    const field = (value as Record<string, unknown>)[key]
    return typeof field === 'string' ? clip(field) : undefined
  } catch {
    return undefined
  }
}

/** Short codes only: a server string is shown nowhere, but it must not carry a token around either. */
function clip(text: string): string {
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f]/g
  return redact(text).replace(controls, ' ').slice(0, 200)
}

/** Removes anything shaped like a LiveChat token, code or bearer credential. */
export function redact(text: string): string {
  return text
    .replace(/\b(access_token|refresh_token|code|code_verifier|state)=[^&\s#]*/gi, '$1=[redacted]')
    .replace(/\bBearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\b[a-z]{2,8}(-[a-z0-9]{1,8})?(:|%3A)[A-Za-z0-9._~+/=-]{6,}/g, '[redacted]')
}

/** Normalizes anything thrown or rejected during a sign-in. Never copies a token into the message. */
export function toAuthError(value: unknown): AuthError {
  if (value instanceof AuthError) return value
  if (value === 'timeout') return new AuthError('timeout', undefined, { code: 'timeout' })

  const oauth = readString(value, 'oauth_exception')
  const identity = readString(value, 'identity_exception')
  const details = readString(value, 'exception_details')
  if (oauth !== undefined || identity !== undefined || details !== undefined) {
    const kind =
      oauth !== undefined || identity === undefined
        ? kindForOAuthCode(oauth, details)
        : kindForOAuthCode(identity, details, true)
    return new AuthError(kind, undefined, { code: oauth ?? identity, details })
  }

  if (value instanceof TypeError) {
    // fetch rejects with a TypeError on network and CORS failures alike.
    return new AuthError('network', undefined, { cause: value, details: clip(value.message) })
  }
  if (value instanceof Error) {
    return new AuthError('unknown', undefined, { cause: value, details: clip(value.message) })
  }
  // A JSON API body, e.g. {error: 'unauthorized', error_description: '…'} (protocol §3.3).
  const apiCode = readString(value, 'error')
  if (apiCode !== undefined)
    return new AuthError(kindForOAuthCode(apiCode), undefined, { code: apiCode })
  return new AuthError('unknown')
}
