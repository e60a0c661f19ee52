// Turns an authorize answer into a session: the code is exchanged (with our PKCE verifier), and
// every token is validated with GET /v2/info before the app uses it. Also renews a session:
// the rotating refresh token for code sessions, the silent iframe for token sessions.
import type { AuthConfig, Flow } from '../config/auth-config'
import { AuthError } from '../errors/auth-error'
import { noteFlow } from '../flows/flow-observer'
import type { AuthorizeResult } from '../protocol/authorize-result'
import type { Credential } from '../protocol/credential'
import { sessionFromInfo, validateToken, type OAuthSession } from './session'
import { trySilentSignIn } from '../flows/silent-flow'
import { exchangeCode, refreshAccessToken, revokeToken } from './token-endpoint'
import { forOrganization } from '../protocol/organization'

export interface CompleteOptions {
  signal?: AbortSignal
  /**
   * Hears the access token as a credential the moment it is known, before /v2/info has confirmed
   * it, so the app can fetch its first data in parallel (and drop it if the check fails).
   */
  onToken?: (credential: Credential) => void
  /** Injected in tests. */
  now?: () => number
}

export async function completeSignIn(
  config: AuthConfig,
  result: AuthorizeResult,
  flow: Flow,
  { signal, now = Date.now, onToken }: CompleteOptions = {},
): Promise<OAuthSession> {
  const heard = (accessToken: string) => onToken?.({ scheme: 'Bearer', value: accessToken })
  if (result.kind === 'code') {
    const grant = await exchangeCode(config, {
      code: result.code,
      codeVerifier: result.codeVerifier,
      redirectUri: config.redirectUri,
    })
    noteFlow('code-exchanged', () => ({ refresh_token: grant.refreshToken ? 'issued' : 'none' }))
    const startedAt = now()
    heard(grant.accessToken)
    const info = await validateToken(config, grant.accessToken, { signal })
    noteFlow('token-validated', () => ({
      scopes: String(info.scopes.length),
      expires_in: String(info.expiresIn),
    }))
    return sessionFromInfo(info, grant, flow, 'code', startedAt)
  }
  const startedAt = now()
  heard(result.accessToken)
  const info = await validateToken(config, result.accessToken, { signal })
  noteFlow('token-validated', () => ({
    scopes: String(info.scopes.length),
    expires_in: String(info.expiresIn),
  }))
  return sessionFromInfo(info, { accessToken: result.accessToken }, flow, 'token', startedAt)
}

/**
 * A fresh session for the same agent in the same organization, without their help: the silent
 * sign-in names the session's organization, so an agent of several stays where this tab is
 * whatever another tab switched to. Throws AuthError when that is not possible (`expired` when
 * LiveChat has no session to give, `identity_unknown` when a different account answered): the
 * caller then asks the agent to sign in again.
 */
export async function renewSession(
  appConfig: AuthConfig,
  session: OAuthSession,
  { signal, now = Date.now }: CompleteOptions = {},
): Promise<OAuthSession> {
  const config = forOrganization(appConfig, session.organizationId)
  let renewed: OAuthSession
  if (session.refreshToken) {
    const grant = await refreshAccessToken(config, session.refreshToken)
    const startedAt = now()
    const info = await validateToken(config, grant.accessToken, { signal })
    renewed = sessionFromInfo(info, grant, session.flow, 'code', startedAt)
  } else {
    // Ask again for everything the agent holds, or a renewal would quietly drop scopes granted
    // later (e.g. through "Request access").
    const scopes = [...new Set([...config.scopes, ...session.scopes])]
    const result = await trySilentSignIn(config, { responseType: session.responseType, scopes })
    if (!result) throw new AuthError('expired')
    renewed = await completeSignIn(config, result, session.flow, { signal, now })
  }
  if (
    renewed.accountId !== session.accountId ||
    renewed.organizationId !== session.organizationId
  ) {
    // LiveChat's session now belongs to someone else (another sign-in in another tab): this
    // token is not the agent's, so it is given back and the agent signs in again.
    void revokeToken(config, renewed.accessToken)
    throw new AuthError(
      'identity_unknown',
      'A different LiveChat account is signed in now. Please sign in again.',
    )
  }
  return renewed
}
