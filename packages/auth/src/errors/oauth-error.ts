// Reads what LiveChat, the SDK and fetch reject with — the SDK's plain-object rejections, the
// iframe's bare 'timeout' string, oauth_exception / identity_exception codes, fetch's TypeError —
// into an AuthError with a kind. Used by the flows (loaded when a sign-in runs), not at startup.
import { AuthError, type AuthErrorKind } from './auth-error'

// oauth_exception codes (docs/livechat-notes.md#errors) and RFC 6749 `error` codes share names.
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
// not documented, and a bad redirect URI arrives as invalid_request or unauthorized_client.
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
  // A JSON API body, e.g. {error: 'unauthorized', error_description: '…'}.
  const apiCode = readString(value, 'error')
  if (apiCode !== undefined)
    return new AuthError(kindForOAuthCode(apiCode), undefined, { code: apiCode })
  return new AuthError('unknown')
}
