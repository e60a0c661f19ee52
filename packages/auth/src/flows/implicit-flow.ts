// The implicit grant written by hand, no SDK, as the LiveChat docs describe it
// (docs/livechat-notes.md#the-authorize-request): our URL, our state, our fragment parser.
import type { AuthConfig } from '../config/auth-config'
import { AuthError } from '../errors/auth-error'
import { buildAuthorizeUrl } from '../protocol/authorize-url'
import { noteFlow } from './flow-observer'
import { forOrganization } from '../protocol/organization'
import { savePending } from './pending-redirect'
import { randomState } from '../protocol/random'
import { canNavigateToAuthorize, noteAuthorizeNavigation } from './redirect-guard'
import { safeReturnTo } from '../protocol/return-to'

export interface ImplicitUrlOptions {
  state: string
  scopes: readonly string[]
  prompt?: 'consent'
}

/** `{accountsUrl}/?response_type=token&client_id=…&redirect_uri=…&state=…&scope=…`. */
export function buildImplicitAuthorizeUrl(config: AuthConfig, options: ImplicitUrlOptions): string {
  return buildAuthorizeUrl(config, { ...options, responseType: 'token' })
}

export interface ImplicitSignInOptions {
  returnTo: string
  prompt?: 'consent'
  scopes: readonly string[]
  /** The organization to sign in to (`organization_id`); the answer is held to it on return. */
  organizationId?: string
}

export interface NavigationDeps {
  now?: number
  /** Replaced in tests: jsdom cannot navigate. */
  navigate?: (url: string) => void
}

/** Leaves the page for the accounts server. Throws AuthError (too_many_redirects, …) instead. */
export function startImplicitSignIn(
  config: AuthConfig,
  { returnTo, prompt, scopes, organizationId }: ImplicitSignInOptions,
  { now = Date.now(), navigate = (url) => window.location.assign(url) }: NavigationDeps = {},
): void {
  if (!canNavigateToAuthorize(now)) throw new AuthError('too_many_redirects')
  const signInConfig = forOrganization(config, organizationId)
  const state = randomState()
  noteFlow('state-generated', () => ({ state }))
  savePending({
    state,
    flow: 'implicit',
    responseType: 'token',
    returnTo: safeReturnTo(returnTo),
    scopes: [...scopes],
    ...(organizationId ? { organizationId } : {}),
    createdAt: now,
  })
  noteAuthorizeNavigation(now)
  const url = buildImplicitAuthorizeUrl(signInConfig, { state, scopes, prompt })
  noteFlow('authorize-url', () => ({ url }))
  navigate(url)
}
