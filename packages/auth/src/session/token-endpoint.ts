// The accounts token endpoints a public (browser) client uses: code exchange and refresh
// (POST /v2/token, form-urlencoded, no client secret), revoke (DELETE /v2/token) and ending every
// LiveChat session of the account (DELETE /v2/sessions). docs/livechat-notes.md#tokens-and-accounts.
import type { AuthConfig } from '../config/auth-config'
import { accountsFetch, errorCode, field, type AccountsResponse } from './accounts-fetch'
import { AuthError, type AuthErrorKind } from '../errors/auth-error'
import { kindForOAuthCode } from '../errors/oauth-error'
import { parseScopes } from '../scopes/scope-list'
import { isTokenLike, parseExpiresIn } from '../protocol/token-format'

export interface TokenGrant {
  accessToken: string
  /** Rotates on every refresh for web clients: always keep the newest. */
  refreshToken: string | null
  expiresIn: number
  scopes: string[]
  accountId: string
  organizationId: string
}

async function postToken(
  config: AuthConfig,
  form: Record<string, string>,
  failure: AuthErrorKind,
): Promise<TokenGrant> {
  const response = await accountsFetch(`${config.accountsUrl}/v2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  })
  if (!response.ok) throw tokenError(response, failure)
  return readGrant(response.body)
}

function tokenError(response: AccountsResponse, failure: AuthErrorKind): AuthError {
  const code = errorCode(response.body)
  if (response.status === 429 || response.status >= 500)
    return new AuthError('server_error', undefined, { code })
  const kind = kindForOAuthCode(code)
  // Scope and consent problems keep their own words; any other refusal is the grant failing.
  if (kind === 'invalid_scope' || kind === 'access_denied')
    return new AuthError(kind, undefined, { code })
  return new AuthError(failure, undefined, { code: code ?? String(response.status) })
}

function readGrant(body: unknown): TokenGrant {
  const accessToken = field(body, 'access_token')
  const refreshToken = field(body, 'refresh_token')
  const expiresIn = parseExpiresIn(field(body, 'expires_in'))
  const scopes = parseScopes(field(body, 'scope') ?? '')
  const accountId = field(body, 'account_id')
  const organizationId = field(body, 'organization_id')
  if (
    !isTokenLike(accessToken) ||
    (refreshToken !== undefined && refreshToken !== null && !isTokenLike(refreshToken)) ||
    expiresIn === null ||
    scopes === null ||
    typeof accountId !== 'string' ||
    typeof organizationId !== 'string'
  ) {
    throw new AuthError('malformed_response', 'LiveChat’s token answer was incomplete.')
  }
  return {
    accessToken,
    refreshToken: typeof refreshToken === 'string' ? refreshToken : null,
    expiresIn,
    scopes,
    accountId,
    organizationId,
  }
}

/** Exchanges an authorization code (code + PKCE). A used or expired code is `token_rejected`. */
export function exchangeCode(
  config: AuthConfig,
  { code, codeVerifier, redirectUri }: { code: string; codeVerifier: string; redirectUri: string },
): Promise<TokenGrant> {
  return postToken(
    config,
    {
      grant_type: 'authorization_code',
      code,
      client_id: config.clientId,
      redirect_uri: redirectUri,
      code_verifier: codeVerifier,
    },
    'token_rejected',
  )
}

/** Trades the refresh token for a new pair. A refused refresh token means the session is over: `expired`. */
export function refreshAccessToken(config: AuthConfig, refreshToken: string): Promise<TokenGrant> {
  return postToken(
    config,
    { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: config.clientId },
    'expired',
  )
}

/**
 * Revokes a token (an access token also takes its paired refresh token with it). Best effort:
 * sign-out must never wait on or fail because of the network. Resolves whether it worked.
 */
export async function revokeToken(config: AuthConfig, token: string): Promise<boolean> {
  try {
    const response = await fetch(`${config.accountsUrl}/v2/token`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
      credentials: 'omit',
      keepalive: true,
    })
    return response.ok
  } catch {
    return false
  }
}

/**
 * Ends every LiveChat session of the account and revokes all its tokens, in every app
 * (needs `sessions--my:rw`). Throws AuthError so the caller can say it did not work.
 */
export async function endAllSessions(config: AuthConfig, token: string): Promise<void> {
  const response = await accountsFetch(`${config.accountsUrl}/v2/sessions`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  })
  if (!response.ok) {
    const code = errorCode(response.body)
    if (response.status === 429 || response.status >= 500)
      throw new AuthError('server_error', undefined, { code })
    throw new AuthError(response.status === 403 ? 'access_denied' : 'token_rejected', undefined, {
      code,
    })
  }
}
