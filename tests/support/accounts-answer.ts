// What the sandbox's accounts page posts to a popup's opener once a sign-in succeeds (jsdom opens
// no popup): a token minted for the persona in an organization, under the state of the authorize
// URL the popup was sent to, as coming from `source` (the stand-in window).
import { mintToken, SANDBOX_ORIGIN } from './sandbox-msw'

export function tokenAnswer(
  authorizeUrl: string,
  source: unknown,
  {
    email,
    organizationId,
    scopes,
  }: { email: string; organizationId: string; scopes: readonly string[] },
): MessageEvent {
  const token = mintToken(email, scopes, undefined, organizationId)
  const event = new MessageEvent('message', {
    origin: SANDBOX_ORIGIN,
    data: {
      state: new URL(authorizeUrl).searchParams.get('state'),
      data: { access_token: token.token, token_type: 'Bearer', expires_in: 28800 },
    },
  })
  // jsdom only takes real windows as `source`; the stand-in is given here.
  Object.defineProperty(event, 'source', { value: source })
  return event
}
