// Reads and validates an authorize request: its parameters, in the order docs/ACCOUNTS.md
// gives ("Authorize, step by step", step 1). Everything that can be checked before the account is known lives
// here; what depends on the account (role, consent, redirect limit) is in authorization.ts.
import type { OAuthClient } from '../seed/clients'
import type { SandboxOptions } from '../options/sandbox-options'
import type { ClientRegistry } from './client-registry'
import { isWellFormedChallenge, parseChallengeMethod, type ChallengeMethod } from './pkce'
import { redirectTarget, redirectUriAllowed } from './redirect-uri'
import { parseScopeParam } from './scopes'

export interface AuthorizeRequest {
  /** The raw query string, carried through the sign-in and consent forms and re-validated there. */
  query: string
  client: OAuthClient
  /** `redirect_uri` exactly as sent; the token endpoint compares against it. */
  redirectUri: string
  /** Where the browser is sent: the normalized URI (a bare origin gains `/`, as in the docs' example). */
  redirectTarget: string
  redirectOrigin: string
  responseType: 'token' | 'code'
  state: string | null
  scopes: string[]
  prompt: string | null
  /** `flow=button`: answer by postMessage (popup or iframe) instead of an HTTP redirect. */
  buttonFlow: boolean
  email: string | null
  organizationId: string | null
  codeChallenge: string | null
  codeChallengeMethod: ChallengeMethod | null
}

export type AuthorizeError =
  { oauth_exception: string; exception_details?: string } | { identity_exception: string }

export interface AuthorizeFailure {
  error: AuthorizeError
  state: string | null
  buttonFlow: boolean
  /** Origin of the validated redirect_uri; null when the failure came before it was validated. */
  redirectOrigin: string | null
}

export type ParsedAuthorize =
  { ok: true; request: AuthorizeRequest } | { ok: false; failure: AuthorizeFailure }

const SINGLE_VALUED = [
  'client_id',
  'organization_id',
  'redirect_uri',
  'state',
  'response_type',
  'scope',
  'prompt',
  'flow',
  'email',
  'code_challenge',
  'code_challenge_method',
] as const

/**
 * @param clients the registered clients and their redirect URIs: the seed's plus, for the app's
 * client, `SANDBOX_REDIRECT_URIS` and the control page's additions.
 */
export function parseAuthorizeRequest(
  query: string,
  options: SandboxOptions,
  clients: Pick<ClientRegistry, 'find' | 'redirectUrisOf'>,
): ParsedAuthorize {
  const params = new URLSearchParams(query)
  // `pick()` in the SDK drops falsy values, so an empty parameter means "not sent".
  const get = (name: string): string | null => params.get(name) || null
  const state = get('state')
  const buttonFlow = params.get('flow') === 'button'
  const fail = (error: AuthorizeError, redirectOrigin: string | null = null): ParsedAuthorize => ({
    ok: false,
    failure: { error, state, buttonFlow, redirectOrigin },
  })

  // RFC 6749 §3.1: parameters must not repeat; two redirect_uri values are a smuggling attempt.
  if (SINGLE_VALUED.some((name) => params.getAll(name).length > 1)) {
    return fail({ oauth_exception: 'invalid_request' })
  }

  const client = clients.find(get('client_id'))
  if (!client)
    return fail({
      oauth_exception: 'unauthorized_client',
      exception_details: 'client_id_not_found',
    })
  const allowed = clients.redirectUrisOf(client)
  if (allowed.length === 0) {
    return fail({
      oauth_exception: 'unauthorized_client',
      exception_details: 'redirect_uri_not_set',
    })
  }

  const redirectUri = get('redirect_uri')
  if (!redirectUri || !redirectUriAllowed(allowed, redirectUri)) {
    const code = buttonFlow ? options.popupRedirectUriException : 'unauthorized_client'
    return fail({ oauth_exception: code, exception_details: 'invalid_redirect_uri' })
  }
  const target = redirectTarget(redirectUri)
  const origin = target.origin

  const responseType = get('response_type')
  if (responseType === null) return fail({ oauth_exception: 'invalid_request' }, origin)
  if (responseType !== 'token' && responseType !== 'code') {
    return fail({ oauth_exception: 'unsupported_response_type' }, origin)
  }
  // Web clients: implicit, or code with PKCE. Server-side clients: code only (LiveChat's troubleshooting docs).
  if (client.type === 'server_side_app' && responseType === 'token') {
    return fail({ oauth_exception: 'invalid_request' }, origin)
  }

  let codeChallenge: string | null = null
  let codeChallengeMethod: ChallengeMethod | null = null
  if (responseType === 'code') {
    codeChallenge = get('code_challenge')
    // A web client has no secret, so its code flow is only safe with PKCE: an empty challenge
    // (the SDK's `pkce: {enabled: true}` trap, docs/ACCOUNTS.md) is refused here rather than at /v2/token.
    if (codeChallenge === null && client.type === 'javascript_app') {
      return fail({ oauth_exception: 'invalid_request' }, origin)
    }
    if (codeChallenge !== null) {
      codeChallengeMethod = parseChallengeMethod(get('code_challenge_method'))
      if (!codeChallengeMethod || !isWellFormedChallenge(codeChallenge)) {
        return fail({ oauth_exception: 'invalid_request' }, origin)
      }
    }
  }

  const scopeParam = get('scope')
  const scopes = scopeParam === null ? [...client.scopes] : parseScopeParam(scopeParam)
  if (scopes.length === 0 || scopes.some((scope) => !client.scopes.includes(scope))) {
    return fail({ oauth_exception: options.unknownScopeException }, origin)
  }

  return {
    ok: true,
    request: {
      query,
      client,
      redirectUri,
      redirectTarget: target.href,
      redirectOrigin: origin,
      responseType,
      state,
      scopes,
      prompt: get('prompt'),
      buttonFlow,
      email: get('email'),
      organizationId: get('organization_id'),
      codeChallenge,
      codeChallengeMethod,
    },
  }
}
