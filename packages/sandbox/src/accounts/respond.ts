// How an authorize outcome reaches the app. Redirect flows: a 302 to redirect_uri on success,
// and errors only ever to the accounts pages (docs/ACCOUNTS.md). Button flows: a page that
// posts the envelope docs/ACCOUNTS.md describes (step 5).
import type { Context } from 'hono'
import type { SandboxState } from '../state'
import type { AuthorizeFailure, AuthorizeRequest } from './authorize-request'
import type { Delivery } from './authorization'
import { buttonResponse } from './button-response'
import { deniedPage } from './pages'

export function respondFailure(c: Context, failure: AuthorizeFailure): Response {
  if (failure.buttonFlow) {
    return buttonResponse(
      { state: failure.state ?? undefined, error: { ...failure.error } },
      failure.redirectOrigin ?? '*',
    )
  }
  const query = new URLSearchParams()
  if ('identity_exception' in failure.error) {
    query.set('identity_exception', failure.error.identity_exception)
    return c.redirect(`/?${query}`, 302)
  }
  query.set('oauth_exception', failure.error.oauth_exception)
  if (failure.error.exception_details)
    query.set('exception_details', failure.error.exception_details)
  return c.redirect(`/ooops?${query}`, 302)
}

export function respondDelivery(
  c: Context,
  state: SandboxState,
  request: AuthorizeRequest,
  delivery: Delivery,
): Response {
  return request.buttonFlow
    ? buttonDelivery(state, request, delivery)
    : redirectDelivery(c, state, request, delivery)
}

function redirectDelivery(
  c: Context,
  state: SandboxState,
  request: AuthorizeRequest,
  delivery: Delivery,
): Response {
  if (delivery.kind === 'token') {
    // The fragment exactly as the docs show it; `:` arrives as `%3A` (docs/ACCOUNTS.md).
    const parts = [
      `access_token=${encodeURIComponent(delivery.record.token)}`,
      'token_type=Bearer',
      `expires_in=${state.options.tokenLifetime}`,
    ]
    if (request.state !== null) parts.push(`state=${encodeURIComponent(request.state)}`)
    return c.redirect(`${request.redirectTarget}#${parts.join('&')}`, 302)
  }
  // `state=` is present even when empty, as in the docs' practical example (docs/ACCOUNTS.md).
  const query = `code=${encodeURIComponent(delivery.record.code)}&state=${encodeURIComponent(request.state ?? '')}`
  return c.redirect(`${request.redirectTarget}?${query}`, 302)
}

function buttonDelivery(
  state: SandboxState,
  request: AuthorizeRequest,
  delivery: Delivery,
): Response {
  const { record } = delivery
  const scopes = record.scopes
  const data: Record<string, unknown> = {
    ...(delivery.kind === 'token'
      ? { access_token: delivery.record.token }
      : { code: delivery.record.code }),
    token_type: 'Bearer',
    // For a code this is the code's own lifetime; the token's comes from /v2/token.
    expires_in:
      delivery.kind === 'token' ? state.options.tokenLifetime : state.options.codeLifetime,
    [state.options.scopeField]:
      state.options.scopeField === 'scopes' ? [...scopes] : scopes.join(','),
    account_id: record.accountId,
    organization_id: record.organizationId,
    client_id: record.clientId,
  }
  if (state.options.echoStateInData && request.state !== null) data.state = request.state
  const target = state.options.postMessageTarget === '*' ? '*' : request.redirectOrigin
  return buttonResponse({ state: request.state ?? undefined, data }, target)
}

/** Refused consent: redirect flows stay on accounts; popups post or stay per the option. */
export function respondDenied(
  c: Context,
  state: SandboxState,
  request: AuthorizeRequest,
): Response {
  if (request.buttonFlow && state.options.popupDenyBehaviour === 'post') {
    return respondFailure(c, {
      error: { oauth_exception: 'access_denied' },
      state: request.state,
      buttonFlow: true,
      redirectOrigin: request.redirectOrigin,
    })
  }
  return deniedPage(request.client.name)
}
