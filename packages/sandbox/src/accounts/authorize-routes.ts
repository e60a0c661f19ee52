// The authorize endpoint (`GET /`, `/signin`, `/signin/*`, `/signup`) and the two
// forms behind it. Each form carries the original authorize query in a hidden input and the
// server re-validates it on every POST: nothing else from the form is trusted.
import { Hono, type Context } from 'hono'
import type { SandboxState } from '../state'
import { parseAuthorizeRequest } from './authorize-request'
import { decide, failureFor, mint, rememberConsent } from './authorization'
import { consentPage, identityErrorPage, landingPage, ooopsPage, signInPage } from './pages'
import { respondDelivery, respondDenied, respondFailure } from './respond'
import {
  consentToken,
  currentSession,
  isFramedRequest,
  isSameOriginPost,
  setSessionCookie,
  validConsentToken,
} from './session-cookie'

export function authorizeRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  const authorize = (forceSignIn: boolean) => (c: Context) => {
    const query = new URL(c.req.url).search.slice(1)
    if (c.req.path === '/' && query === '') return landingPage()
    const identityException = c.req.query('identity_exception')
    if (c.req.path === '/' && identityException && !c.req.query('client_id')) {
      return identityErrorPage(identityException)
    }
    return handleAuthorize(c, state, query, forceSignIn)
  }

  routes.get('/', authorize(false))
  // `/signin` always shows the credential form (popup_flow manual); `/signup` is an alias of it.
  routes.get('/signin', authorize(true))
  routes.get('/signin/*', authorize(true))
  routes.get('/signup', authorize(true))

  routes.post('/signin', async (c) => {
    if (!isSameOriginPost(c)) return c.text('Cross-origin form posts are refused.', 403)
    const form = await formFields(c)
    const parsed = parseAuthorizeRequest(form.authorize_query ?? '', state.options, state.clients)
    if (!parsed.ok) return respondFailure(c, parsed.failure)
    const { request } = parsed
    const person = state.directory.personas().find((p) => p.accountId === form.account_id)
    if (!person)
      return respondFailure(c, failureFor(request, { identity_exception: 'unauthorized' }))

    const existing = currentSession(c, state)
    const session =
      existing && existing.accountId === person.accountId
        ? existing
        : state.sessions.open(person.accountId, c.req.header('User-Agent') ?? '', state.now())
    setSessionCookie(c, session)
    const decision = decide(state, request, person, { countHit: true })
    if (decision.kind === 'failure') return withCookies(c, respondFailure(c, decision.failure))
    if (decision.kind === 'consent') {
      return withCookies(c, consentPage(request, person, consentToken(session.id, request.query)))
    }
    return withCookies(
      c,
      respondDelivery(c, state, request, mint(state, request, person, session.id)),
    )
  })

  routes.post('/consent', async (c) => {
    if (!isSameOriginPost(c)) return c.text('Cross-origin form posts are refused.', 403)
    const form = await formFields(c)
    const parsed = parseAuthorizeRequest(form.authorize_query ?? '', state.options, state.clients)
    if (!parsed.ok) return respondFailure(c, parsed.failure)
    const { request } = parsed
    const session = currentSession(c, state)
    const person = session ? state.directory.person(session.accountId) : undefined
    // Signed out (elsewhere) between showing the page and the click.
    if (!session || !person)
      return respondFailure(c, failureFor(request, { identity_exception: 'identity_lost' }))
    if (!validConsentToken(session.id, request.query, form.csrf ?? '')) {
      return respondFailure(c, failureFor(request, { identity_exception: 'invalid_request' }))
    }
    const decision = decide(state, request, person, { countHit: false })
    if (decision.kind === 'failure') return respondFailure(c, decision.failure)
    if (form.decision === 'deny') return respondDenied(c, state, request)
    if (form.decision !== 'allow')
      return respondFailure(c, failureFor(request, { oauth_exception: 'invalid_request' }))
    rememberConsent(state, request, person)
    return respondDelivery(c, state, request, mint(state, request, person, session.id))
  })

  routes.get('/ooops', (c) =>
    ooopsPage(c.req.query('oauth_exception') ?? null, c.req.query('exception_details') ?? null),
  )

  return routes
}

function handleAuthorize(
  c: Context,
  state: SandboxState,
  query: string,
  forceSignIn: boolean,
): Response {
  const parsed = parseAuthorizeRequest(query, state.options, state.clients)
  if (!parsed.ok) return respondFailure(c, parsed.failure)
  const { request } = parsed
  // The iframe flow never shows UI: whatever would need a click is "unauthorized" (docs/ACCOUNTS.md).
  const framed = request.buttonFlow && isFramedRequest(c)
  const unauthorized = () =>
    respondFailure(c, failureFor(request, { identity_exception: 'unauthorized' }))

  const session = currentSession(c, state)
  const person = session ? state.directory.person(session.accountId) : undefined
  if (!session || !person || forceSignIn)
    return framed ? unauthorized() : signInPage(request, state.directory.personas())

  const decision = decide(state, request, person, { countHit: true })
  if (decision.kind === 'failure') return respondFailure(c, decision.failure)
  if (decision.kind === 'consent') {
    return framed
      ? unauthorized()
      : consentPage(request, person, consentToken(session.id, request.query))
  }
  return respondDelivery(c, state, request, mint(state, request, person, session.id))
}

async function formFields(c: Context): Promise<Record<string, string | undefined>> {
  const body = await c.req.parseBody().catch(() => ({}))
  const fields: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[name] = value
  }
  return fields
}

/**
 * Hono keeps `setCookie` headers on the context; pages built as plain Responses need them
 * copied over, or the browser would never learn about the new session.
 */
function withCookies(c: Context, response: Response): Response {
  if (response.headers.getSetCookie().length > 0) return response
  const cookies = c.res.headers.getSetCookie()
  if (cookies.length === 0) return response
  const headers = new Headers(response.headers)
  for (const cookie of cookies) headers.append('Set-Cookie', cookie)
  return new Response(response.body, { status: response.status, headers })
}
