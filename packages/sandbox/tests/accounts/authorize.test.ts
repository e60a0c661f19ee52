// The authorize endpoint's checks, in the order and with the codes of docs/ACCOUNTS.md: errors in redirect mode go to the accounts pages, never to the app.
import { describe, expect, test } from 'vitest'
import { AGENT_SCOPES } from '../../src/seed/identity'
import { CLIENT_ID } from '../../src/seed/clients'
import {
  APP_ORIGIN,
  authorizeQuery,
  buttonNames,
  hiddenInputs,
  isConsentPage,
  isSignInPage,
  newSandbox,
  postedMessage,
  signIn,
} from '../harness/accounts-kit'

const SERVER_CLIENT = 'abcdefabcdefabcdefabcdefabcdef01'
const NO_REDIRECT_CLIENT = '00000000000000000000000000000000'

async function redirectError(query: string) {
  const { browser } = newSandbox()
  const response = await browser.get(`/?${query}`)
  expect(response.status).toBe(302)
  const location = response.headers.get('Location') ?? ''
  // docs/ACCOUNTS.md.1: never towards redirect_uri.
  expect(location.startsWith('/')).toBe(true)
  expect(location).not.toContain('localhost:5173')
  const url = new URL(location, 'http://localhost:4010')
  return { path: url.pathname, params: Object.fromEntries(url.searchParams) }
}

describe('authorize errors in redirect mode → /ooops', () => {
  test('missing client_id → unauthorized_client + client_id_not_found', async () => {
    expect(await redirectError(authorizeQuery({ client_id: undefined }))).toEqual({
      path: '/ooops',
      params: { oauth_exception: 'unauthorized_client', exception_details: 'client_id_not_found' },
    })
  })

  test('unknown client_id → unauthorized_client + client_id_not_found', async () => {
    const { params } = await redirectError(
      authorizeQuery({ client_id: 'ffffffffffffffffffffffffffffffff' }),
    )
    expect(params).toEqual({
      oauth_exception: 'unauthorized_client',
      exception_details: 'client_id_not_found',
    })
  })

  test('client without redirect URIs → unauthorized_client + redirect_uri_not_set', async () => {
    const { params } = await redirectError(authorizeQuery({ client_id: NO_REDIRECT_CLIENT }))
    expect(params).toEqual({
      oauth_exception: 'unauthorized_client',
      exception_details: 'redirect_uri_not_set',
    })
  })

  test.each([
    ['another port', 'http://localhost:5174/'],
    ['another scheme', 'https://localhost:5173/'],
    ['a query', 'http://localhost:5173/?next=/x'],
    ['traversal', 'http://localhost:5173/a/../b'],
    ['another host', 'https://evil.example/'],
  ])('redirect_uri with %s → unauthorized_client + invalid_redirect_uri', async (_, uri) => {
    const { params } = await redirectError(authorizeQuery({ redirect_uri: uri }))
    expect(params).toEqual({
      oauth_exception: 'unauthorized_client',
      exception_details: 'invalid_redirect_uri',
    })
  })

  test('missing redirect_uri is treated like a non-whitelisted one', async () => {
    const { params } = await redirectError(authorizeQuery({ redirect_uri: undefined }))
    expect(params.exception_details).toBe('invalid_redirect_uri')
  })

  test('missing response_type → invalid_request (a missing required parameter)', async () => {
    const { params } = await redirectError(authorizeQuery({ response_type: undefined }))
    expect(params).toEqual({ oauth_exception: 'invalid_request' })
  })

  test('bad response_type → unsupported_response_type', async () => {
    const { params } = await redirectError(authorizeQuery({ response_type: 'id_token' }))
    expect(params).toEqual({ oauth_exception: 'unsupported_response_type' })
  })

  test('response_type not allowed for the client type (token for a server-side app) → invalid_request', async () => {
    const { params } = await redirectError(authorizeQuery({ client_id: SERVER_CLIENT }))
    expect(params).toEqual({ oauth_exception: 'invalid_request' })
  })

  test('code flow for a web client without a PKCE challenge (the `pkce:{enabled:true}` trap) → invalid_request', async () => {
    const { params } = await redirectError(
      authorizeQuery({ response_type: 'code', code_challenge: '' }),
    )
    expect(params).toEqual({ oauth_exception: 'invalid_request' })
    const tooShort = await redirectError(
      authorizeQuery({
        response_type: 'code',
        code_challenge: 'abc',
        code_challenge_method: 'plain',
      }),
    )
    expect(tooShort.params).toEqual({ oauth_exception: 'invalid_request' })
    const badMethod = await redirectError(
      authorizeQuery({
        response_type: 'code',
        code_challenge: 'a'.repeat(64),
        code_challenge_method: 'S512',
      }),
    )
    expect(badMethod.params).toEqual({ oauth_exception: 'invalid_request' })
  })

  test('scope outside the client set → invalid_scope by default', async () => {
    const { params } = await redirectError(
      authorizeQuery({ scope: 'accounts--my:ro,webhooks--all:rw' }),
    )
    expect(params).toEqual({ oauth_exception: 'invalid_scope' })
  })

  test('scope outside the client set → access_denied with unknownScopeException', async () => {
    const { browser } = newSandbox({ unknownScopeException: 'access_denied' })
    const response = await browser.get(`/?${authorizeQuery({ scope: 'webhooks--all:rw' })}`)
    expect(response.headers.get('Location')).toBe('/ooops?oauth_exception=access_denied')
  })

  test('RFC 6749 §3.1: a repeated parameter (two redirect_uri values) → invalid_request', async () => {
    const query = `${authorizeQuery()}&redirect_uri=${encodeURIComponent('https://evil.example/')}`
    const { params } = await redirectError(query)
    expect(params).toEqual({ oauth_exception: 'invalid_request' })
  })

  test('the order of checks: client before redirect_uri before response_type before scope', async () => {
    const everythingWrong = {
      client_id: 'nope',
      redirect_uri: 'https://evil.example/',
      response_type: 'x',
      scope: 'x:ro',
    }
    expect((await redirectError(authorizeQuery(everythingWrong))).params.exception_details).toBe(
      'client_id_not_found',
    )
    const { client_id: _, ...rest } = everythingWrong
    expect((await redirectError(authorizeQuery(rest))).params.exception_details).toBe(
      'invalid_redirect_uri',
    )
    expect(
      (await redirectError(authorizeQuery({ response_type: 'x', scope: 'x:ro' }))).params
        .oauth_exception,
    ).toBe('unsupported_response_type')
  })
})

describe('errors in a popup (flow=button) are posted, not redirected', () => {
  test('unknown client: posted to `*`, because no redirect_uri was validated yet', async () => {
    const { browser } = newSandbox()
    const response = await browser.get(`/?${authorizeQuery({ client_id: 'nope', flow: 'button' })}`)
    expect(response.status).toBe(200)
    expect(postedMessage(await response.text())).toEqual({
      message: {
        state: 'st-1',
        error: { oauth_exception: 'unauthorized_client', exception_details: 'client_id_not_found' },
      },
      target: '*',
    })
  })

  test('non-whitelisted redirect_uri: popupRedirectUriException (default invalid_request, the SDK text)', async () => {
    const { browser } = newSandbox()
    const query = authorizeQuery({ redirect_uri: 'http://localhost:9999/', flow: 'button' })
    const posted = postedMessage(await (await browser.get(`/?${query}`)).text())
    expect(posted.message.error).toEqual({
      oauth_exception: 'invalid_request',
      exception_details: 'invalid_redirect_uri',
    })
    expect(posted.target).toBe('*')

    const other = newSandbox({ popupRedirectUriException: 'unauthorized_client' })
    const again = postedMessage(await (await other.browser.get(`/?${query}`)).text())
    expect(again.message.error?.oauth_exception).toBe('unauthorized_client')
  })

  test('errors after redirect_uri validation are posted to its origin only', async () => {
    const { browser } = newSandbox()
    const query = authorizeQuery({ response_type: 'id_token', flow: 'button' })
    const posted = postedMessage(await (await browser.get(`/?${query}`)).text())
    expect(posted).toEqual({
      message: { state: 'st-1', error: { oauth_exception: 'unsupported_response_type' } },
      target: APP_ORIGIN,
    })
  })
})

describe('scope checks once the account is known', () => {
  test('a normal agent asking for an administrator scope → invalid_scope (Nina, chats--all:ro)', async () => {
    const { browser } = newSandbox()
    const response = await signIn(
      browser,
      authorizeQuery({ scope: 'accounts--my:ro,chats--all:ro' }),
      'Nina Agent',
    )
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/ooops?oauth_exception=invalid_scope')
  })

  test('no `scope` asks for all client scopes, so Nina gets invalid_scope but Olivia the consent page', async () => {
    const { browser } = newSandbox()
    const nina = await signIn(browser, authorizeQuery({ scope: undefined }), 'Nina Agent')
    expect(nina.headers.get('Location')).toBe('/ooops?oauth_exception=invalid_scope')

    const { browser: other } = newSandbox()
    const olivia = await signIn(other, authorizeQuery({ scope: undefined }), 'Olivia Owner')
    const html = await olivia.text()
    expect(isConsentPage(html)).toBe(true)
    for (const scope of [...AGENT_SCOPES, 'chats--all:ro'])
      expect(html).toContain(`<code>${scope}</code>`)
  })

  test('organization_id: an organization the account is not in → access_denied', async () => {
    const { browser } = newSandbox()
    const response = await signIn(
      browser,
      authorizeQuery({ organization_id: 'f0000000-0000-4000-8000-000000000000' }),
      'Sam Support',
    )
    expect(response.headers.get('Location')).toBe('/ooops?oauth_exception=access_denied')
  })
})

describe('the sign-in page', () => {
  test('one button per persona, named exactly after the persona; the query rides along', async () => {
    const { browser } = newSandbox()
    const query = authorizeQuery()
    const response = await browser.get(`/?${query}`)
    const html = await response.text()
    expect(response.status).toBe(200)
    expect(isSignInPage(html)).toBe(true)
    expect(buttonNames(html)).toEqual([
      'Olivia Owner',
      'Adam Admin',
      'Nina Agent',
      'Sam Support',
      'Maya Partner',
    ])
    expect(hiddenInputs(html)).toEqual({ authorize_query: query })
  })

  test('email pre-selects that persona', async () => {
    const { browser } = newSandbox()
    const html = await (await browser.get(`/?${authorizeQuery({ email: 'sam@acme.test' })}`)).text()
    const suggested = [...html.matchAll(/<button [^>]*data-suggested="true"[^>]*>([^<]*)</g)].map(
      (m) => m[1],
    )
    expect(suggested).toEqual(['Sam Support'])
    expect(html).toMatch(/<button [^>]*autofocus[^>]*>Sam Support</)
  })

  test('utm_* are ignored and `/signin`, `/signin/signup`, `/signup` show the form even with a session', async () => {
    const { browser } = newSandbox()
    await signIn(browser, authorizeQuery({ utm_source: 'x', utm_medium: 'y' }), 'Sam Support')
    for (const path of ['/signin', '/signin/signup', '/signup']) {
      const html = await (await browser.get(`${path}?${authorizeQuery()}`)).text()
      expect(isSignInPage(html), path).toBe(true)
    }
  })

  test('the form re-validates the carried query: a tampered redirect_uri is refused at POST time', async () => {
    const { browser } = newSandbox()
    const tampered = authorizeQuery({ redirect_uri: 'https://evil.example/' })
    const response = await browser.post('/signin', {
      authorize_query: tampered,
      account_id: '2d9e5a1c-3b4f-4e7d-8c0a-1f2b3c4d5e6f',
    })
    expect(response.headers.get('Location')).toBe(
      '/ooops?oauth_exception=unauthorized_client&exception_details=invalid_redirect_uri',
    )
  })

  test('an account that is not offered (not a persona) → /?identity_exception=unauthorized', async () => {
    const { browser } = newSandbox()
    const response = await browser.post('/signin', {
      authorize_query: authorizeQuery(),
      account_id: '4f1a7c3e-5d6b-4a9f-8e2c-3b4d5e6f7081',
    })
    expect(response.headers.get('Location')).toBe('/?identity_exception=unauthorized')
    const page = await browser.get('/?identity_exception=unauthorized')
    expect(await page.text()).toContain('We could not confirm who you are')
  })

  test('a form post from another origin (the app on :5173 is the same site) is refused', async () => {
    const { browser } = newSandbox()
    const response = await browser.post(
      '/signin',
      { authorize_query: authorizeQuery(), account_id: '2d9e5a1c-3b4f-4e7d-8c0a-1f2b3c4d5e6f' },
      { Origin: APP_ORIGIN, 'Sec-Fetch-Site': 'same-site' },
    )
    expect(response.status).toBe(403)
    expect(browser.sessionCookie).toBeUndefined()
  })
})

describe('landing and error pages', () => {
  test('a plain GET / shows a landing page linking to the control page', async () => {
    const { browser } = newSandbox()
    const response = await browser.get('/')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<a href="/sandbox">')
  })

  test('/ooops explains the error in plain words and escapes what it echoes', async () => {
    const { browser } = newSandbox()
    const html = await (
      await browser.get(
        '/ooops?oauth_exception=unauthorized_client&exception_details=too_many_redirects',
      )
    ).text()
    expect(html).toContain('<code>unauthorized_client</code>')
    expect(html).toContain('too many times in a short period')
    const hostile = await (
      await browser.get(
        `/ooops?oauth_exception=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
      )
    ).text()
    expect(hostile).not.toContain('<img')
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  test('accounts pages send no COOP header; UI pages cannot be framed in redirect flows', async () => {
    const { browser } = newSandbox()
    const response = await browser.get(`/?${authorizeQuery()}`)
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBeNull()
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    const popup = await browser.get(`/?${authorizeQuery({ flow: 'button' })}`)
    expect(popup.headers.get('Cross-Origin-Opener-Policy')).toBeNull()
    expect(popup.headers.get('Content-Security-Policy')).toContain(`frame-ancestors ${APP_ORIGIN}`)
  })

  test('the client is the one the sign-in page names', async () => {
    const { browser } = newSandbox()
    const html = await (await browser.get(`/?${authorizeQuery({ client_id: CLIENT_ID })}`)).text()
    expect(html).toContain('Agent Workspace (sandbox)')
  })
})
