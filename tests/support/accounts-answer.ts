// What the sandbox's accounts page posts to a popup's opener (jsdom opens no popup), under the
// state of the authorize URL the popup was sent to, as coming from `source` (the stand-in window):
// a token minted for the persona in an organization, or Deny's access_denied.
import { mintToken, SANDBOX_ORIGIN } from './sandbox-msw'

function answerEvent(authorizeUrl: string, source: unknown, answer: object): MessageEvent {
  const event = new MessageEvent('message', {
    origin: SANDBOX_ORIGIN,
    data: { state: new URL(authorizeUrl).searchParams.get('state'), ...answer },
  })
  // jsdom only takes real windows as `source`; the stand-in is given here.
  Object.defineProperty(event, 'source', { value: source })
  return event
}

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
  return answerEvent(authorizeUrl, source, {
    data: { access_token: token.token, token_type: 'Bearer', expires_in: 28800 },
  })
}

/** Deny on the consent page, when the sandbox posts it (`popupDenyBehaviour: 'post'`). */
export function deniedAnswer(authorizeUrl: string, source: unknown): MessageEvent {
  return answerEvent(authorizeUrl, source, { error: { oauth_exception: 'access_denied' } })
}
