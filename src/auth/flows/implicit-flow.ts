// The implicit grant written by hand, no SDK, as the LiveChat docs describe it
// (livechat-auth-protocol.md §1 "Example URLs", §2): our URL, our state, our fragment parser.
import type { AppConfig } from '../../config/env'
import { AuthError } from '../errors/auth-error'
import { noteFlow } from './flow-observer'
import { savePending } from './pending-redirect'
import { randomState } from './random'
import { canNavigateToAuthorize, noteAuthorizeNavigation } from './redirect-guard'
import { safeReturnTo } from '../guards/return-to'

export interface ImplicitUrlOptions {
  state: string
  scopes: readonly string[]
  prompt?: 'consent'
}

/**
 * `{accountsUrl}/?response_type=token&client_id=…&redirect_uri=…&state=…&scope=…`, every value
 * encoded (the docs' own sample forgets to encode redirect_uri).
 */
export function buildImplicitAuthorizeUrl(
  config: AppConfig,
  { state, scopes, prompt }: ImplicitUrlOptions,
): string {
  const params: [string, string][] = [
    ['response_type', 'token'],
    ['client_id', config.clientId],
    ['redirect_uri', config.redirectUri],
    ['state', state],
    ['scope', scopes.join(',')],
  ]
  if (config.organizationId) params.push(['organization_id', config.organizationId])
  if (prompt) params.push(['prompt', prompt])
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')
  return `${config.accountsUrl}/?${query}`
}

export interface ImplicitSignInOptions {
  returnTo: string
  prompt?: 'consent'
  scopes: readonly string[]
}

export interface NavigationDeps {
  now?: number
  /** Replaced in tests: jsdom cannot navigate. */
  navigate?: (url: string) => void
}

/** Leaves the page for the accounts server. Throws AuthError (too_many_redirects, …) instead. */
export function startImplicitSignIn(
  config: AppConfig,
  { returnTo, prompt, scopes }: ImplicitSignInOptions,
  { now = Date.now(), navigate = (url) => window.location.assign(url) }: NavigationDeps = {},
): void {
  if (!canNavigateToAuthorize(now)) throw new AuthError('too_many_redirects')
  const state = randomState()
  noteFlow('state-generated', () => ({ state }))
  savePending({
    state,
    flow: 'implicit',
    responseType: 'token',
    returnTo: safeReturnTo(returnTo),
    scopes: [...scopes],
    createdAt: now,
  })
  noteAuthorizeNavigation(now)
  const url = buildImplicitAuthorizeUrl(config, { state, scopes, prompt })
  noteFlow('authorize-url', () => ({ url }))
  navigate(url)
}
