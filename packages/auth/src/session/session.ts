// The signed-in session as the app holds it (in memory only), and its validation: every token is
// checked with GET /v2/info before use, which gives the granted scopes, the remaining lifetime,
// the account and organization, and the client it was issued to (SECURITY.md #42).
import type { AuthConfig, Flow, ResponseType } from '../config/auth-config'
import { regionOf, type Credential } from '../protocol/credential'
import { accountsFetch, field } from './accounts-fetch'
import { AuthError } from '../errors/auth-error'
import { parseScopes } from '../scopes/scope-list'
import { MAX_EXPIRES_IN } from '../protocol/token-format'

/** How the agent signed in: one of the OAuth flows, or a personal access token. */
export type SignInMethod = Flow | 'pat'

interface SessionFacts {
  /** What every call to LiveChat carries (credential.ts); the only part handed below auth. */
  credential: Credential
  scopes: readonly string[]
  accountId: string
  organizationId: string
  /** Epoch ms. */
  obtainedAt: number
}

/** Signed in through LiveChat's OAuth (popup, redirect, implicit grant): a token that expires. */
export interface OAuthSession extends SessionFacts {
  kind: 'oauth'
  accessToken: string
  refreshToken: string | null
  /** Epoch ms. */
  expiresAt: number
  clientId: string
  /** The token's region prefix (`dal`, `fra`, …); `dal` when it has none. */
  region: string
  flow: Flow
  responseType: ResponseType
}

/**
 * Signed in with a personal access token (development and personal use): it acts as its owner,
 * carries the scopes it was created with — which LiveChat cannot report, so they are the ones the
 * agent declared — and lives until it is revoked in the Developer Console.
 */
export interface PatSession extends SessionFacts {
  kind: 'pat'
  flow: 'pat'
  expiresAt: null
  /** From GET /v2/accounts/me, for the session page. */
  name: string | null
  email: string | null
}

export type Session = OAuthSession | PatSession

/** What GET /v2/info says about a token (docs/livechat-notes.md#tokens-and-accounts). */
export interface TokenInfo {
  accountId: string
  organizationId: string
  clientId: string
  scopes: string[]
  /** Remaining lifetime in seconds. */
  expiresIn: number
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 256
}

/**
 * Asks LiveChat about a token and refuses it unless it was issued to this app (and, when one is
 * pinned, to this organization). Throws AuthError: token_rejected, wrong_client,
 * wrong_organization, expired, network, server_error or malformed_response.
 */
export async function validateToken(
  config: AuthConfig,
  accessToken: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TokenInfo> {
  const response = await accountsFetch(`${config.accountsUrl}/v2/info`, {
    method: 'GET',
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    signal,
  })
  if (response.status === 429 || response.status >= 500) {
    throw new AuthError('server_error', undefined, { code: String(response.status) })
  }
  if (!response.ok) {
    // 401 is the documented answer for an invalid, expired or revoked token; other 4xx say the same.
    throw new AuthError('token_rejected', undefined, { code: String(response.status) })
  }

  const body = response.body
  const clientId = field(body, 'client_id')
  const accountId = field(body, 'account_id')
  const organizationId = field(body, 'organization_id')
  const expiresIn = field(body, 'expires_in')
  const scopes = parseScopes(field(body, 'scope') ?? '')
  const echoed = field(body, 'access_token')
  if (
    !nonEmptyString(clientId) ||
    !nonEmptyString(accountId) ||
    !nonEmptyString(organizationId) ||
    typeof expiresIn !== 'number' ||
    !Number.isFinite(expiresIn) ||
    scopes === null ||
    (echoed !== undefined && echoed !== accessToken)
  ) {
    throw new AuthError('malformed_response', 'LiveChat’s token information was incomplete.')
  }
  // Token injection: a token minted for another app must never be used here.
  if (clientId.toLowerCase() !== config.clientId.toLowerCase()) {
    throw new AuthError('wrong_client', undefined, { details: 'client_id differs' })
  }
  if (config.organizationId !== null && organizationId !== config.organizationId) {
    throw new AuthError('wrong_organization')
  }
  if (expiresIn <= 0) throw new AuthError('expired')
  return {
    accountId,
    organizationId,
    clientId,
    scopes,
    expiresIn: Math.min(Math.floor(expiresIn), MAX_EXPIRES_IN),
  }
}

/** Builds the session from a validated token; `now` is when validation started (conservative). */
export function sessionFromInfo(
  info: TokenInfo,
  tokens: { accessToken: string; refreshToken?: string | null },
  flow: Flow,
  responseType: ResponseType,
  now: number,
): OAuthSession {
  return {
    kind: 'oauth',
    credential: Object.freeze({ scheme: 'Bearer', value: tokens.accessToken }),
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? null,
    expiresAt: now + info.expiresIn * 1000,
    obtainedAt: now,
    scopes: Object.freeze([...info.scopes]),
    accountId: info.accountId,
    organizationId: info.organizationId,
    clientId: info.clientId,
    region: regionOf(tokens.accessToken),
    flow,
    responseType,
  }
}
