// The sandbox's Global Accounts answers against LiveChat's own OpenAPI document
// (fixtures/global-accounts-api/spec.yml): every endpoint the sandbox serves that the document
// describes, its success and error bodies. Where the sandbox keeps a departure on purpose, the
// test names it and proves it is the only one; the README ("True to LiveChat's Global Accounts
// API document") gives each with both sources.
import { beforeEach, describe, expect, test } from 'vitest'
import { ACME_LABS } from '../../src/seed/acme-labs'
import { CLIENT_ID } from '../../src/seed/clients'
import { ADMIN_SCOPE, AGENT_SCOPES } from '../../src/seed/identity'
import {
  bearer,
  codeFor,
  exchange,
  implicitToken,
  newSandbox,
  PKCE_VERIFIER,
  type Browser,
} from '../harness/accounts-kit'
import { mintToken, NINA } from '../harness/api-kit'
import { ResponseSchemas } from '../harness/openapi-kit'

const schemas = new ResponseSchemas()
const OTHER_UUID = '3f8a1c2e-9b7d-4e6f-a5c4-1d2e3f4a5b6c'
const LABS = ACME_LABS.id

let browser: Browser

beforeEach(() => {
  browser = newSandbox().browser
})

async function call(path: string, init: RequestInit = {}) {
  const response = await browser.sandbox.app.request(path, init)
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
}

/** The answer's status is `status` and its body has no departure from the document's schema. */
async function expectConforms(
  request: Promise<{ status: number; body: unknown }>,
  documented: { path: string; method: string; status: number },
) {
  const { status, body } = await request
  expect(status).toBe(documented.status)
  expect(schemas.departures(documented.path, documented.method, status, body)).toEqual([])
  return body
}

async function codeGrantTokens() {
  const response = await exchange(
    browser,
    await codeFor(browser, { code_challenge: PKCE_VERIFIER }),
  )
  return { status: response.status, body: (await response.json()) as unknown }
}

describe('the document itself', () => {
  test('describes the endpoints the sandbox serves, but no /token', () => {
    const paths = Object.keys(schemas.document.paths)
    for (const path of ['/info', '/accounts/{account_id}', '/sessions', '/sessions/{session_id}'])
      expect(paths).toContain(path)
    expect(paths).toEqual(
      expect.arrayContaining(['/organizations', '/organizations/{organization_id}']),
    )
    // The token endpoint appears only as the OAuth flow's tokenUrl, with no response schema.
    expect(paths).not.toContain('/token')
  })
})

describe('GET /v2/info', () => {
  test('an implicit token: the documented token details', async () => {
    const token = await implicitToken(browser, 'Nina Agent')
    const body = await expectConforms(call('/v2/info', { headers: bearer(token) }), {
      path: '/info',
      method: 'get',
      status: 200,
    })
    expect(body).not.toHaveProperty('refresh_token')
  })

  test('a code-grant token, asked with ?code=: the details with its refresh token', async () => {
    const { body: tokens } = await codeGrantTokens()
    const token = (tokens as { access_token: string }).access_token
    const body = await expectConforms(call(`/v2/info?code=${encodeURIComponent(token)}`), {
      path: '/info',
      method: 'get',
      status: 200,
    })
    expect(body).toHaveProperty('refresh_token')
  })

  test('no token: 422 invalid_request, the documented error', async () => {
    await expectConforms(call('/v2/info'), { path: '/info', method: 'get', status: 422 })
  })
})

describe('POST /v2/token (not in the document: checked against its "OAuth 2 Bearer token")', () => {
  test('the code grant and the refresh grant answer that shape', async () => {
    const exchanged = await codeGrantTokens()
    expect(exchanged.status).toBe(200)
    expect(schemas.departures('/info', 'get', 200, exchanged.body)).toEqual([])
    const refreshed = await call('/v2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: (exchanged.body as { refresh_token: string }).refresh_token,
      }),
    })
    expect(refreshed.status).toBe(200)
    expect(schemas.departures('/info', 'get', 200, refreshed.body)).toEqual([])
  })
})

describe('GET /v2/accounts/me', () => {
  const documented = { path: '/accounts/{account_id}', method: 'get', status: 200 }

  test('an agent: the documented account, avatar_url a URL or nothing', async () => {
    const token = await implicitToken(browser, 'Nina Agent')
    const body = await expectConforms(
      call('/v2/accounts/me', { headers: bearer(token) }),
      documented,
    )
    expect(body).toMatchObject({ email: 'nina@acme.test', avatar_url: null })
    expect(body).not.toHaveProperty('roles')
  })

  test("with accounts.roles--all:ro: roles whose product and role are the document's values", async () => {
    const token = mintToken(browser.sandbox.state, 'olivia@acme.test', [
      'accounts--my:ro',
      'accounts.roles--all:ro',
    ]).token
    const body = await expectConforms(
      call('/v2/accounts/me', { headers: bearer(token) }),
      documented,
    )
    expect(body).toMatchObject({
      roles: [
        { product: 'Accounts', role: 'owner', type: 'primary' },
        { product: 'LiveChat', role: 'administrator', type: 'secondary' },
      ],
    })
  })

  test('with a personal access token (Basic): the same account', async () => {
    const response = await browser.sandbox.app.request('/sandbox/pats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: NINA, name: 'conformance', scopes: ['accounts--my:ro'] }),
    })
    const { base64 } = (await response.json()) as { base64: string }
    await expectConforms(
      call('/v2/accounts/me', { headers: { Authorization: `Basic ${base64}` } }),
      documented,
    )
  })

  test('without accounts--my:ro: 403 access_denied / insufficient_scope, as documented', async () => {
    const token = mintToken(browser.sandbox.state, NINA, ['chats--access:rw']).token
    await expectConforms(call('/v2/accounts/me', { headers: bearer(token) }), {
      path: '/accounts/{account_id}',
      method: 'get',
      status: 403,
    })
  })
})

describe('GET /v2/organizations', () => {
  test('the list, `me` and the id itself: the documented organization', async () => {
    const token = mintToken(browser.sandbox.state, NINA, [...AGENT_SCOPES, ADMIN_SCOPE]).token
    const list = await expectConforms(call('/v2/organizations', { headers: bearer(token) }), {
      path: '/organizations',
      method: 'get',
      status: 200,
    })
    const id = (list as { organization_id: string }[])[0]?.organization_id
    for (const which of ['me', id])
      await expectConforms(call(`/v2/organizations/${which}`, { headers: bearer(token) }), {
        path: '/organizations/{organization_id}',
        method: 'get',
        status: 200,
      })
  })

  test('an account of two organizations: both listed, and `my` the token’s, in the documented shape', async () => {
    const token = mintToken(
      browser.sandbox.state,
      'maya@partner.test',
      [...AGENT_SCOPES],
      LABS,
    ).token
    const list = await expectConforms(call('/v2/organizations', { headers: bearer(token) }), {
      path: '/organizations',
      method: 'get',
      status: 200,
    })
    expect(list).toHaveLength(2)
    const mine = await expectConforms(call('/v2/organizations/my', { headers: bearer(token) }), {
      path: '/organizations/{organization_id}',
      method: 'get',
      status: 200,
    })
    expect(mine).toMatchObject({ organization_id: LABS })
  })

  test('another organization: 404 resource_not_found, as documented', async () => {
    const token = mintToken(browser.sandbox.state, NINA).token
    await expectConforms(call(`/v2/organizations/${OTHER_UUID}`, { headers: bearer(token) }), {
      path: '/organizations/{organization_id}',
      method: 'get',
      status: 404,
    })
  })
})

describe('/v2/sessions', () => {
  test('GET: the documented session list, this sign-in current, its app listed', async () => {
    const token = await implicitToken(browser, 'Nina Agent')
    const body = await expectConforms(call('/v2/sessions', { headers: bearer(token) }), {
      path: '/sessions',
      method: 'get',
      status: 200,
    })
    expect(body).toMatchObject([{ current: true, applications: [{ client_id: CLIENT_ID }] }])
  })

  test('DELETE of a session that is not there: 404, as documented', async () => {
    const token = await implicitToken(browser, 'Nina Agent')
    await expectConforms(
      call(`/v2/sessions/${OTHER_UUID}`, { method: 'DELETE', headers: bearer(token) }),
      {
        path: '/sessions/{session_id}',
        method: 'delete',
        status: 404,
      },
    )
  })

  test('without sessions--my:ro: 403, as documented', async () => {
    const token = mintToken(browser.sandbox.state, NINA, ['accounts--my:ro']).token
    await expectConforms(call('/v2/sessions', { headers: bearer(token) }), {
      path: '/sessions',
      method: 'get',
      status: 403,
    })
  })
})

describe('401: the one departure kept', () => {
  test.each([
    ['/v2/accounts/me', '/accounts/{account_id}'],
    ['/v2/sessions', '/sessions'],
    ['/v2/organizations', '/organizations'],
    ['/v2/organizations/me', '/organizations/{organization_id}'],
  ])(
    '%s without a valid token: error "unauthorized", the document\'s example but not in its enum',
    async (path, documentPath) => {
      const { status, body } = await call(path, { headers: bearer('dal:not-a-token') })
      expect(status).toBe(401)
      expect(body).toMatchObject({ error: 'unauthorized' })
      const departures = schemas.departures(documentPath, 'get', 401, body)
      expect(departures.map((d) => [d.instancePath, d.keyword])).toEqual([['/error', 'enum']])
    },
  )
})
