// In-process helpers for the accounts conformance tests: a one-cookie "browser" over
// `app.request`, and readers for what the accounts pages put in their HTML.
import { createSandbox, type Sandbox } from '../../src/app'
import { AGENT_SCOPES, PEOPLE } from '../../src/seed/identity'
import { CLIENT_ID } from '../../src/seed/clients'
import type { SandboxOptions } from '../../src/options/sandbox-options'

export const APP_ORIGIN = 'http://localhost:5173'
export const AGENT_SCOPE_PARAM = AGENT_SCOPES.join(',')

export type Persona = 'Olivia Owner' | 'Adam Admin' | 'Nina Agent' | 'Sam Support' | 'Maya Partner'

export function accountIdOf(name: Persona): string {
  const person = PEOPLE.find((p) => p.name === name)
  if (!person) throw new Error(`no persona ${name}`)
  return person.accountId
}

/** An authorize query like the SDK's, with `undefined` removing a default. */
export function authorizeQuery(overrides: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {
    client_id: CLIENT_ID,
    redirect_uri: `${APP_ORIGIN}/`,
    state: 'st-1',
    response_type: 'token',
    scope: AGENT_SCOPE_PARAM,
    utm_source: 'accounts.livechat.com',
    utm_medium: 'accounts-sdk',
    flow: '',
    ...overrides,
  }
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) query.set(name, value)
  return query.toString()
}

export class Browser {
  private cookies = new Map<string, string>()
  readonly setCookieHeaders: string[] = []

  constructor(readonly sandbox: Sandbox) {}

  get sessionCookie(): string | undefined {
    return this.cookies.get('lc_sandbox_session')
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers })
  }

  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    })
  }

  private async send(
    path: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ) {
    const headers = { ...init.headers }
    if (this.cookies.size > 0)
      headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const response = await this.sandbox.app.request(path, { ...init, headers })
    for (const line of response.headers.getSetCookie()) {
      this.setCookieHeaders.push(line)
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return response
  }
}

export function newSandbox(options: Partial<SandboxOptions> = {}): {
  sandbox: Sandbox
  browser: Browser
} {
  const sandbox = createSandbox(options)
  return { sandbox, browser: new Browser(sandbox) }
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The hidden inputs of the page's form (name → value). */
export function hiddenInputs(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[match[1] ?? ''] = decodeEntities(match[2] ?? '')
  }
  return fields
}

/** The visible text of every <button> on the page: what a screen reader would announce. */
export function buttonNames(html: string): string[] {
  return [...html.matchAll(/<button\b[^>]*>([^<]*)<\/button>/g)].map((m) =>
    decodeEntities(m[1] ?? ''),
  )
}

export function isSignInPage(html: string): boolean {
  return html.includes('<form method="post" action="/signin">')
}

export function isConsentPage(html: string): boolean {
  return html.includes('<form method="post" action="/consent">')
}

export function isOrganizationPage(html: string): boolean {
  return html.includes('<form method="post" action="/organization">')
}

/** The organization buttons of a Choose an organization page: name → organization id. */
export function organizationChoices(html: string): Record<string, string> {
  const choices: Record<string, string> = {}
  for (const match of html.matchAll(
    /<button type="submit" name="organization_id" value="([^"]+)">([^<]*)<\/button>/g,
  ))
    choices[decodeEntities(match[2] ?? '')] = match[1] ?? ''
  return choices
}

/** Clicks the organization's button on the Choose an organization page in `response`. */
export async function chooseOrganization(
  browser: Browser,
  response: Response,
  name: string,
): Promise<Response> {
  const html = await response.text()
  const id = organizationChoices(html)[name]
  if (!isOrganizationPage(html) || !id)
    throw new Error(
      `expected a page offering ${name}, got ${response.status}: ${html.slice(0, 300)}`,
    )
  return browser.post('/organization', { ...hiddenInputs(html), organization_id: id })
}

export interface PostedMessage {
  message: { state?: string; data?: Record<string, unknown>; error?: Record<string, string> }
  target: string
}

/** What a `flow=button` page posts to its opener or parent, and to which targetOrigin. */
export function postedMessage(html: string): PostedMessage {
  const message = /var message = (.*);\n/.exec(html)?.[1]
  const target = /var target = (.*);\n/.exec(html)?.[1]
  if (!message || !target) throw new Error('not a postMessage page')
  return {
    message: JSON.parse(message) as PostedMessage['message'],
    target: JSON.parse(target) as string,
  }
}

/** The iframe guard a UI page carries in a button flow: the message it would post when framed. */
export function framedGuardMessage(html: string): unknown {
  const match = /window\.parent\.postMessage\((\{.*?\}), ("[^"]*")\);/.exec(html)
  return match ? { message: JSON.parse(match[1] ?? ''), target: JSON.parse(match[2] ?? '') } : null
}

/** Picks a persona on the sign-in page the authorize request showed. */
export async function signIn(
  browser: Browser,
  query: string,
  persona: Persona,
  path = '/',
): Promise<Response> {
  const page = await browser.get(`${path}?${query}`)
  const html = await page.text()
  if (!isSignInPage(html))
    throw new Error(`expected the sign-in page, got ${page.status}: ${html.slice(0, 300)}`)
  return browser.post('/signin', { ...hiddenInputs(html), account_id: accountIdOf(persona) })
}

/** Answers the consent page in `response`. */
export async function answerConsent(
  browser: Browser,
  response: Response,
  decision: 'allow' | 'deny',
): Promise<Response> {
  const html = await response.text()
  if (!isConsentPage(html))
    throw new Error(`expected the consent page, got ${response.status}: ${html.slice(0, 300)}`)
  return browser.post('/consent', { ...hiddenInputs(html), decision })
}

/** Signs in and allows: the full first-time redirect flow. Returns the final response (302 to the app). */
export async function signInAndAllow(
  browser: Browser,
  query: string,
  persona: Persona,
): Promise<Response> {
  return answerConsent(browser, await signIn(browser, query, persona), 'allow')
}

/** The parameters of a Location's fragment (implicit grant) or query (code grant). */
export function fragmentParams(response: Response): URLSearchParams {
  const location = response.headers.get('Location') ?? ''
  return new URLSearchParams(location.split('#')[1] ?? '')
}

export function queryParams(response: Response): URLSearchParams {
  return new URL(response.headers.get('Location') ?? '', 'http://x').searchParams
}

/**
 * Goes through whatever the authorize request shows, as a person would: the sign-in page (picks
 * the persona), Choose an organization (picks `organization`) and the consent page (allows), and
 * returns the final response.
 */
export async function completeAuthorize(
  browser: Browser,
  query: string,
  persona: Persona,
  organization?: string,
): Promise<Response> {
  let response = await browser.get(`/?${query}`)
  for (let step = 0; step < 3; step++) {
    if (response.status !== 200) return response
    const html = await response.clone().text()
    if (isSignInPage(html)) {
      response = await browser.post('/signin', {
        ...hiddenInputs(html),
        account_id: accountIdOf(persona),
      })
    } else if (isOrganizationPage(html) && organization) {
      response = await chooseOrganization(browser, response, organization)
    } else if (isConsentPage(html)) {
      response = await browser.post('/consent', { ...hiddenInputs(html), decision: 'allow' })
    } else {
      return response
    }
  }
  return response
}

/** A fresh implicit token for a persona through the real pages (redirect flow). */
export async function implicitToken(
  browser: Browser,
  persona: Persona,
  overrides: Record<string, string | undefined> = {},
  organization?: string,
): Promise<string> {
  const response = await completeAuthorize(
    browser,
    authorizeQuery(overrides),
    persona,
    organization,
  )
  const token = fragmentParams(response).get('access_token')
  if (!token) throw new Error(`no token: ${response.status} ${response.headers.get('Location')}`)
  return token
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` }
}

/** A PKCE verifier of the allowed alphabet and length. */
export const PKCE_VERIFIER =
  'Zq0-kr.8~Tb3_XyVn5mP1sLd7Hc2Fg9Jw4Re6Ut0Ia3Ob8Np2Qm5Lk7Ji1Hg4Fd6Se9Da0'

/** An authorization code for a persona through the real pages (redirect flow, code grant). */
export async function codeFor(
  browser: Browser,
  challenge: { code_challenge: string; code_challenge_method?: string },
  persona: Persona = 'Nina Agent',
): Promise<string> {
  const response = await completeAuthorize(
    browser,
    authorizeQuery({ response_type: 'code', ...challenge }),
    persona,
  )
  const code = queryParams(response).get('code')
  if (!code) throw new Error(`no code: ${response.headers.get('Location')}`)
  return code
}

/** POST /v2/token, form-encoded as the docs' curl or JSON as the SDK docs' example. */
export function postToken(
  browser: Browser,
  fields: Record<string, string>,
  encoding: 'form' | 'json' = 'form',
) {
  return browser.sandbox.app.request('/v2/token', {
    method: 'POST',
    headers: {
      'Content-Type':
        encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
    },
    body: encoding === 'form' ? new URLSearchParams(fields).toString() : JSON.stringify(fields),
  })
}

/** The code grant at /v2/token for the app's client. */
export function exchange(
  browser: Browser,
  code: string,
  verifier = PKCE_VERIFIER,
  extra: Record<string, string> = {},
) {
  return postToken(browser, {
    grant_type: 'authorization_code',
    client_id: CLIENT_ID,
    code,
    redirect_uri: `${APP_ORIGIN}/`,
    code_verifier: verifier,
    ...extra,
  })
}
