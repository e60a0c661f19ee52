// The authorize URL, built by hand for the flows that need no SDK: the implicit grant (a full-page
// redirect) and the silent restore (a hidden iframe). Every value is encoded — the docs' own
// sample forgets to encode redirect_uri (docs/livechat-notes.md#the-authorize-request).
import type { AuthConfig, ResponseType } from '../config/auth-config'

export interface AuthorizeUrlOptions {
  responseType: ResponseType
  state: string
  scopes: readonly string[]
  prompt?: 'consent'
  /**
   * `button`: LiveChat answers by postMessage to the embedding page instead of redirecting
   * (popup and iframe); absent for a full-page redirect.
   */
  flow?: 'button'
  /** PKCE for `response_type=code` (`S256`, in the form the SDK sends: see pkce.ts). */
  codeChallenge?: string
}

export function buildAuthorizeUrl(
  config: AuthConfig,
  { responseType, state, scopes, prompt, flow, codeChallenge }: AuthorizeUrlOptions,
): string {
  const params: [string, string][] = [
    ['response_type', responseType],
    ['client_id', config.clientId],
    ['redirect_uri', config.redirectUri],
    ['state', state],
    ['scope', scopes.join(',')],
  ]
  if (config.organizationId) params.push(['organization_id', config.organizationId])
  if (prompt) params.push(['prompt', prompt])
  if (codeChallenge) {
    params.push(['code_challenge', codeChallenge], ['code_challenge_method', 'S256'])
  }
  if (flow) params.push(['flow', flow])
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')
  return `${config.accountsUrl}/?${query}`
}
