// Full-page redirect sign-in through the SDK (`redirect().authorize()`, docs/livechat-notes.md#the-sdk-redirect).
// What checks the answer when the app loads again — our state, the return path and, for code, our
// PKCE verifier — waits in sessionStorage (pending-redirect.ts); the answer itself is read by
// callback/callback-reader.ts.
import type { AuthConfig, ResponseType } from '../config/auth-config'
import { createSdk, sweepSdkStorage } from '../sdk/accounts-sdk'
import { AuthError } from '../errors/auth-error'
import { noteFlow } from './flow-observer'
import { forOrganization } from '../protocol/organization'
import { clearPending, savePending } from './pending-redirect'
import { randomState, randomVerifier } from '../protocol/random'
import { canNavigateToAuthorize, noteAuthorizeNavigation } from './redirect-guard'
import { safeReturnTo } from '../protocol/return-to'

export interface RedirectSignInOptions {
  responseType: ResponseType
  returnTo: string
  prompt?: 'consent'
  scopes: readonly string[]
  /** The organization to sign in to (`organization_id`); the answer is held to it on return. */
  organizationId?: string
}

/** Leaves the page for the accounts server. Throws AuthError (too_many_redirects, …) instead. */
export function startRedirectSignIn(
  config: AuthConfig,
  { responseType, returnTo, prompt, scopes, organizationId }: RedirectSignInOptions,
  now: number = Date.now(),
): void {
  if (!canNavigateToAuthorize(now)) throw new AuthError('too_many_redirects')
  const signInConfig = forOrganization(config, organizationId)
  const state = randomState()
  const codeVerifier = responseType === 'code' ? randomVerifier() : undefined
  noteFlow('state-generated', () => ({ state }))
  savePending({
    state,
    flow: 'redirect',
    responseType,
    returnTo: safeReturnTo(returnTo),
    ...(codeVerifier ? { codeVerifier } : {}),
    scopes: [...scopes],
    ...(organizationId ? { organizationId } : {}),
    createdAt: now,
  })
  try {
    const sdk = createSdk(signInConfig, { responseType, state, scopes, prompt, codeVerifier })
    noteAuthorizeNavigation(now)
    // Observers see the URL; the SDK builds it again (same options) when it navigates.
    noteFlow('authorize-url', () => ({ url: sdk.authorizeURL() }))
    sdk.redirect().authorize()
  } catch (error) {
    clearPending()
    throw new AuthError('unknown', undefined, { cause: error })
  } finally {
    // The navigation is asynchronous; the SDK's cookies (state, PKCE verifier, redirect params)
    // are not needed: our sessionStorage transaction is the one that counts.
    sweepSdkStorage(state)
  }
}
