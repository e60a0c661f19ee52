// The authorize endpoint (`GET /`, `/signin`, `/signin/*`, `/signup`) and the three forms
// behind it: sign-in, Choose an organization, consent. Each form carries the original authorize
// query in a hidden input and the server re-validates it on every POST: nothing else from the
// form is trusted but the choice it names, which is checked against the account.
import { Hono, type Context } from 'hono'
import type { AccountsSession } from '../tokens/records'
import type { SandboxState } from '../state'
import { parseAuthorizeRequest, type AuthorizeRequest } from './authorize-request'
import {
  chooseOrganization,
  decide,
  failureFor,
  mint,
  redirectLimitFailure,
  rememberConsent,
} from './authorization'
import {
  consentPage,
  identityErrorPage,
  landingPage,
  ooopsPage,
  organizationPage,
  signInPage,
} from './pages'
import { respondDelivery, respondDenied, respondFailure } from './respond'
import {
  currentSession,
  formToken,
  isFramedRequest,
  isSameOriginPost,
  setSessionCookie,
  validFormToken,
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
    const posted = await postedForm(c, state)
    if (posted instanceof Response) return posted
    const { form, request } = posted
    const person = state.directory.personas().find((p) => p.accountId === form.account_id)
    if (!person)
      return respondFailure(c, failureFor(request, { identity_exception: 'unauthorized' }))

    const existing = currentSession(c, state)
    const session =
      existing && existing.accountId === person.accountId
        ? existing
        : state.sessions.open(person.accountId, c.req.header('User-Agent') ?? '', state.now())
    setSessionCookie(c, session)
    return withCookies(c, proceed(c, state, request, session, { countHit: true, framed: false }))
  })

  routes.post('/organization', async (c) => {
    const posted = await signedInForm(c, state)
    if (posted instanceof Response) return posted
    const { form, request, session } = posted
    if (!validFormToken(session.id, request.query, form.csrf ?? ''))
      return respondFailure(c, failureFor(request, { identity_exception: 'invalid_request' }))
    // Only one of the account's own organizations can be chosen.
    const chosen = form.organization_id ?? ''
    if (!state.directory.member(session.accountId, chosen))
      return respondFailure(c, failureFor(request, { oauth_exception: 'access_denied' }))
    return proceed(c, state, request, session, { countHit: false, framed: false, chosen })
  })

  routes.post('/consent', async (c) => {
    const posted = await signedInForm(c, state)
    if (posted instanceof Response) return posted
    const { form, request, session } = posted
    // The page carries the organization; a form without it means the only one it could be.
    const implied = chooseOrganization(state, request, session)
    const organizationId =
      form.organization_id ?? (implied.kind === 'organization' ? implied.id : '')
    const person = state.directory.member(session.accountId, organizationId)
    // The token also covers the organization: a forged one fails here.
    if (!person || !validFormToken(session.id, request.query, form.csrf ?? '', organizationId)) {
      return respondFailure(c, failureFor(request, { identity_exception: 'invalid_request' }))
    }
    const decision = decide(state, request, person, organizationId)
    if (decision.kind === 'failure') return respondFailure(c, decision.failure)
    if (form.decision === 'deny') return respondDenied(c, state, request)
    if (form.decision !== 'allow')
      return respondFailure(c, failureFor(request, { oauth_exception: 'invalid_request' }))
    rememberConsent(state, request, person)
    return respondDelivery(c, state, request, mint(state, request, person, session, organizationId))
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
  const session = currentSession(c, state)
  if (!session || !state.directory.person(session.accountId) || forceSignIn)
    return framed
      ? respondFailure(c, failureFor(request, { identity_exception: 'unauthorized' }))
      : signInPage(request, state.directory.personas())
  return proceed(c, state, request, session, { countHit: true, framed })
}

/**
 * Once the account is known (docs/ACCOUNTS.md, steps 3–5): the redirect limit (unless this
 * continues a counted request), the organization (or the page that asks), the checks in it,
 * consent, delivery. `chosen`: the organization just picked on the page.
 */
function proceed(
  c: Context,
  state: SandboxState,
  request: AuthorizeRequest,
  session: AccountsSession,
  { countHit, framed, chosen }: { countHit: boolean; framed: boolean; chosen?: string },
): Response {
  const unauthorized = () =>
    respondFailure(c, failureFor(request, { identity_exception: 'unauthorized' }))
  const account = state.directory.person(session.accountId)
  if (!account) return unauthorized()
  const limited = countHit ? redirectLimitFailure(state, request, account.accountId) : null
  if (limited) return respondFailure(c, limited)

  const choice: ReturnType<typeof chooseOrganization> = chosen
    ? { kind: 'organization', id: chosen }
    : chooseOrganization(state, request, session)
  if (choice.kind === 'failure') return respondFailure(c, choice.failure)
  const memberships = state.directory.organizationsOf(account.accountId)
  if (choice.kind === 'ask') {
    if (framed) return unauthorized()
    return organizationPage(request, account, memberships, formToken(session.id, request.query))
  }
  const organizationId = choice.id
  const person = state.directory.member(account.accountId, organizationId)
  if (!person) return unauthorized()
  const decision = decide(state, request, person, organizationId)
  if (decision.kind === 'failure') return respondFailure(c, decision.failure)
  if (decision.kind === 'consent') {
    if (framed) return unauthorized()
    const name =
      memberships.length > 1 ? (state.directory.organization(organizationId)?.name ?? null) : null
    return consentPage(request, person, formToken(session.id, request.query, organizationId), {
      id: organizationId,
      name,
    })
  }
  return respondDelivery(c, state, request, mint(state, request, person, session, organizationId))
}

type Fields = Record<string, string | undefined>

/** A POST of an accounts form: only from an accounts page, its authorize query re-validated. */
async function postedForm(
  c: Context,
  state: SandboxState,
): Promise<Response | { form: Fields; request: AuthorizeRequest }> {
  if (!isSameOriginPost(c)) return c.text('Cross-origin form posts are refused.', 403)
  const form = await formFields(c)
  const parsed = parseAuthorizeRequest(form.authorize_query ?? '', state.options, state.clients)
  return parsed.ok ? { form, request: parsed.request } : respondFailure(c, parsed.failure)
}

/** The same for a page shown to a signed-in person, who may have signed out (elsewhere) since. */
async function signedInForm(
  c: Context,
  state: SandboxState,
): Promise<Response | { form: Fields; request: AuthorizeRequest; session: AccountsSession }> {
  const posted = await postedForm(c, state)
  if (posted instanceof Response) return posted
  const session = currentSession(c, state)
  if (session) return { ...posted, session }
  return respondFailure(c, failureFor(posted.request, { identity_exception: 'identity_lost' }))
}

async function formFields(c: Context): Promise<Fields> {
  const body = await c.req.parseBody().catch(() => ({}))
  const fields: Fields = {}
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
