// The accounts session cookie and the checks on the accounts forms.
// The cookie is HttpOnly and SameSite=Lax: Lax still reaches the iframe flow,
// because the app (:5173) and the sandbox (:4010) are the same site. It is not Secure, since
// the sandbox is plain http on localhost.
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { AccountsSession } from '../tokens/records'
import type { SandboxState } from '../state'

export const SESSION_COOKIE = 'lc_sandbox_session'

export function currentSession(c: Context, state: SandboxState): AccountsSession | undefined {
  return state.sessions.live(getCookie(c, SESSION_COOKIE))
}

export function setSessionCookie(c: Context, session: AccountsSession): void {
  setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Lax', path: '/' })
}

// One key per process: form tokens only need to outlive a page view.
const CSRF_KEY = randomBytes(32)

/**
 * Binds a click on the consent or organization page to this session, to exactly the request the
 * page showed and, on the consent page, to the organization chosen for it.
 */
export function formToken(sessionId: string, query: string, organizationId = ''): string {
  return createHmac('sha256', CSRF_KEY)
    .update(`${sessionId}\n${query}\n${organizationId}`)
    .digest('base64url')
}

export function validFormToken(
  sessionId: string,
  query: string,
  token: string,
  organizationId = '',
): boolean {
  const expected = Buffer.from(formToken(sessionId, query, organizationId))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * The forms post only from accounts pages. The app runs on another port of the same *site*,
 * so SameSite=Lax alone would let it (or anything on localhost) post here with the cookie.
 */
export function isSameOriginPost(c: Context): boolean {
  const own = new URL(c.req.url).origin
  const origin = c.req.header('Origin')
  if (origin !== undefined && origin !== own) return false
  const site = c.req.header('Sec-Fetch-Site')
  return site === undefined || site === 'same-origin'
}

/** Browsers say when a document is loaded into a frame; the iframe flow must never show UI. */
export function isFramedRequest(c: Context): boolean {
  const dest = c.req.header('Sec-Fetch-Dest')
  return dest === 'iframe' || dest === 'frame'
}
