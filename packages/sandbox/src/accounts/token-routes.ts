// Token endpoints (docs/ACCOUNTS.md): code exchange with
// PKCE, refresh with rotation for web clients, introspection and revocation.
import { Hono, type Context } from 'hono'
import type { OAuthClient } from '../seed/clients'
import type { AccessTokenRecord } from '../tokens/records'
import type { SandboxState } from '../state'
import { unauthorized } from './caller-auth'
import { accountsError, presentedToken } from './json-errors'
import { parseChallengeMethod, verifyPkce } from './pkce'

type Fields = Record<string, string | undefined>

export function tokenRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.post('/v2/token', async (c) => {
    const body = await readBody(c)
    if (!body) return accountsError(c, 422, 'invalid_request', { sub_error: 'invalid_body' })
    const grant = body.grant_type
    if (!grant) return missing(c, 'grant_type')
    // The docs and @livechat/developer-sdk send `authorization_code`; the Global Accounts API document's enum says `code`. Both work.
    if (grant === 'authorization_code' || grant === 'code') return exchangeCode(c, state, body)
    if (grant === 'refresh_token') return refresh(c, state, body)
    return accountsError(c, 403, 'unsupported_grant_type')
  })

  routes.get('/v2/info', (c) => {
    // Introspection is documented for OAuth access tokens only: a PAT is refused as an invalid
    // credential, never described (docs/PAT.md).
    if (/^basic(\s|$)/i.test(c.req.header('Authorization')?.trim() ?? ''))
      return unauthorized(c, state)
    const token = presentedToken(c)
    if (!token) return missing(c, 'access_token')
    const record = state.tokens.liveAccessToken(token)
    if (!record) return unauthorized(c, state)
    return c.json(
      {
        access_token: record.token,
        account_id: record.accountId,
        client_id: record.clientId,
        // The remaining lifetime, not the original one (docs/ACCOUNTS.md).
        expires_in: Math.max(0, Math.floor((record.expiresAt - state.now()) / 1000)),
        organization_id: record.organizationId,
        scope: record.scopes.join(','),
        token_type: 'Bearer',
        // Only tokens from the code or refresh grant have one; implicit tokens never (docs/ACCOUNTS.md).
        ...(record.refreshToken ? { refresh_token: record.refreshToken } : {}),
      },
      200,
      { 'Cache-Control': 'no-store' },
    )
  })

  routes.delete('/v2/token', (c) => {
    const token = presentedToken(c)
    if (!token) return missing(c, 'token')
    const access = state.tokens.accessTokens.get(token)
    if (access) {
      state.tokens.revokeAccessToken(access)
      return c.json({})
    }
    const refreshRecord = state.tokens.refreshTokens.get(token)
    if (refreshRecord) {
      refreshRecord.revoked = true
      for (const record of state.tokens.accessTokens.values()) {
        if (record.refreshToken === token) state.tokens.revokeAccessToken(record)
      }
      return c.json({})
    }
    return accountsError(c, 404, 'resource_not_found', { resource_name: 'token' })
  })

  return routes
}

function exchangeCode(c: Context, state: SandboxState, body: Fields): Response {
  const { code, client_id: clientId, redirect_uri: redirectUri, code_verifier: verifier } = body
  if (!code) return missing(c, 'code')
  if (!clientId) return missing(c, 'client_id')
  if (!redirectUri) return missing(c, 'redirect_uri')
  const client = authenticateClient(c, state, clientId, body.client_secret)
  if (client instanceof Response) return client

  const record = state.tokens.codes.get(code)
  // Expired, reused or unknown codes: unauthorized_client (LiveChat's troubleshooting docs).
  if (!record || record.clientId !== client.id)
    return accountsError(c, 401, 'unauthorized_client', { sub_error: 'invalid_code' })
  if (record.used) {
    // A replayed code means it leaked: the token it bought is revoked too (RFC 6749 §4.1.2).
    const issued = state.tokens.accessTokens.get(state.tokens.codeTokens.get(code) ?? '')
    if (issued) state.tokens.revokeAccessToken(issued)
    return accountsError(c, 401, 'unauthorized_client', { sub_error: 'code_already_used' })
  }
  // Any further failure consumes the code: whoever holds it with a wrong verifier or redirect
  // URI may be an attacker, and a retry with the right values must not succeed later.
  record.used = true
  if (record.expiresAt <= state.now())
    return accountsError(c, 401, 'unauthorized_client', { sub_error: 'code_expired' })
  if (record.redirectUri !== redirectUri) {
    return accountsError(c, 401, 'invalid_request', { sub_error: 'invalid_redirect_uri' })
  }
  const method = parseChallengeMethod(record.codeChallengeMethod)
  if (record.codeChallenge && method) {
    if (!verifier) return missing(c, 'code_verifier')
    if (!verifyPkce(method, record.codeChallenge, verifier)) {
      return accountsError(c, 401, 'invalid_grant', { sub_error: 'code_verifier_mismatch' })
    }
  } else if (verifier) {
    // A verifier for a code issued without a challenge: a PKCE downgrade (RFC 9700 §2.1.1).
    return accountsError(c, 401, 'invalid_grant', { sub_error: 'code_verifier_unexpected' })
  }

  const issued = state.tokens.issueAccessToken({
    accountId: record.accountId,
    clientId: record.clientId,
    organizationId: record.organizationId,
    scopes: record.scopes,
    grant: 'authorization_code',
    sessionId: record.sessionId,
    withRefreshToken: true,
  })
  state.tokens.codeTokens.set(code, issued.token)
  return tokenResponse(c, state, issued)
}

function refresh(c: Context, state: SandboxState, body: Fields): Response {
  const { refresh_token: token, client_id: clientId } = body
  if (!token) return missing(c, 'refresh_token')
  if (!clientId) return missing(c, 'client_id')
  const client = authenticateClient(c, state, clientId, body.client_secret)
  if (client instanceof Response) return client

  const record = state.tokens.refreshTokens.get(token)
  // Unknown, revoked, or already rotated away: "refresh token not found" (LiveChat's troubleshooting docs).
  if (!record || record.revoked || record.used) {
    return accountsError(c, 401, 'unauthorized_client', { sub_error: 'refresh_token_not_found' })
  }
  if (record.clientId !== client.id) return accountsError(c, 401, 'invalid_client')

  // Web (public) clients rotate: each refresh token works once. Server-side ones keep theirs (docs/ACCOUNTS.md).
  const rotate = client.type === 'javascript_app'
  if (rotate) record.used = true
  const issued = state.tokens.issueAccessToken({
    accountId: record.accountId,
    clientId: record.clientId,
    organizationId: record.organizationId,
    scopes: record.scopes,
    grant: 'refresh_token',
    sessionId: record.sessionId,
    withRefreshToken: rotate,
  })
  if (!rotate) issued.refreshToken = record.token
  return tokenResponse(c, state, issued)
}

function authenticateClient(
  c: Context,
  state: SandboxState,
  clientId: string,
  secret: string | undefined,
): OAuthClient | Response {
  const client = state.clients.find(clientId)
  if (!client)
    return accountsError(c, 401, 'unauthorized_client', { sub_error: 'client_id_not_found' })
  if (client.type === 'server_side_app' && secret !== client.secret) {
    return accountsError(c, 401, 'unauthorized_client', { sub_error: 'invalid_client_secret' })
  }
  return client
}

function tokenResponse(c: Context, state: SandboxState, record: AccessTokenRecord): Response {
  return c.json(
    {
      access_token: record.token,
      account_id: record.accountId,
      expires_in: state.options.tokenLifetime,
      organization_id: record.organizationId,
      refresh_token: record.refreshToken,
      // A comma-separated string here, unlike the popup payload (docs/ACCOUNTS.md).
      scope: record.scopes.join(','),
      token_type: 'Bearer',
    },
    200,
    { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  )
}

function missing(c: Context, field: string): Response {
  return accountsError(c, 422, 'invalid_request', { sub_error: `missing_${field}` })
}

/** Form-urlencoded (docs' curl, @livechat/developer-sdk) or JSON (the SDK docs' PKCE example); both accepted. */
async function readBody(c: Context): Promise<Fields | null> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase()
  let raw: Record<string, unknown>
  if (type.includes('application/json')) {
    const parsed: unknown = await c.req.json().catch(() => null)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null
    raw = parsed as Record<string, unknown>
  } else if (
    type.includes('application/x-www-form-urlencoded') ||
    type.includes('multipart/form-data')
  ) {
    raw = await c.req.parseBody().catch(() => ({}))
  } else {
    return null
  }
  const fields: Fields = {}
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') fields[name] = value
  }
  return fields
}
