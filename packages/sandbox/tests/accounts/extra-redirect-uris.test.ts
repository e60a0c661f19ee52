// Pointing your own app at the sandbox (issue 13): extra redirect URIs for the app's client
// through SANDBOX_REDIRECT_URIS (validated like LiveChat validates them, docs/ACCOUNTS.md
// docs/ACCOUNTS.md) and through the control API, and a malformed value refusing the start with a clear message.
import { afterEach, describe, expect, test } from 'vitest'
import { parseRedirectUriList } from '../../src/accounts/redirect-uri'
import { createSandbox } from '../../src/app'
import { CLIENT_ID } from '../../src/seed/clients'
import {
  authorizeQuery,
  bearer,
  Browser,
  completeAuthorize,
  fragmentParams,
} from '../harness/accounts-kit'
import { runUntilExit, startServer, type Started } from '../harness/spawn-sandbox'

const OWN_APP = 'http://localhost:3000'

describe('parseRedirectUriList (SANDBOX_REDIRECT_URIS)', () => {
  test('comma-separated, trimmed, duplicates dropped; empty means none', () => {
    expect(
      parseRedirectUriList('http://localhost:3000, https://app.test/cb ,http://localhost:3000'),
    ).toEqual(['http://localhost:3000', 'https://app.test/cb'])
    expect(parseRedirectUriList('')).toEqual([])
    expect(parseRedirectUriList('  ')).toEqual([])
  })

  test.each([
    ['localhost:3000', 'must start with http:// or https://'],
    ['ftp://files.test', 'must start with http:// or https://'],
    ['/callback', 'is not an absolute URL'],
    ['http://localhost:3000/?next=1', 'may not carry a query'],
    ['http://localhost:3000/#done', 'may not carry a query, a fragment'],
    ['http://user@localhost:3000', 'user info'],
    ['http://localhost:3000/a/../b', '".." segments'],
    ['http://localhost:3000,,http://localhost:4000', 'an empty entry'],
    ['http://local host:3000', 'contains whitespace'],
  ])('%s is refused: %s', (value, problem) => {
    expect(() => parseRedirectUriList(value)).toThrow(problem)
    expect(() => parseRedirectUriList(value)).toThrow(/^SANDBOX_REDIRECT_URIS: /)
  })
})

describe('an app on another port signs in (implicit grant, redirect mode)', () => {
  const query = authorizeQuery({ redirect_uri: `${OWN_APP}/` })

  test('without the extra URI the authorize request is refused with invalid_redirect_uri', async () => {
    const browser = new Browser(createSandbox())
    const response = await browser.get(`/?${query}`)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toContain('exception_details=invalid_redirect_uri')
  })

  test('with it, sign-in and consent deliver a token to that app, and the token works', async () => {
    const sandbox = createSandbox({}, { redirectUris: parseRedirectUriList(OWN_APP) })
    const browser = new Browser(sandbox)
    const done = await completeAuthorize(browser, query, 'Nina Agent')
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toMatch(/^http:\/\/localhost:3000\/#access_token=/)
    const token = fragmentParams(done).get('access_token') as string
    const info = await sandbox.app.request('/v2/info', { headers: bearer(token) })
    expect((await info.json()).client_id).toBe(CLIENT_ID)
    // A path under the configured URI matches too (docs/ACCOUNTS.md: the configured path is a prefix).
    const deeper = await browser.get(
      `/?${authorizeQuery({ redirect_uri: `${OWN_APP}/app/callback` })}`,
    )
    expect(deeper.headers.get('Location')).toMatch(/^http:\/\/localhost:3000\/app\/callback#/)
  })

  test('the start-up URIs outlive POST /sandbox/reset', async () => {
    const sandbox = createSandbox({}, { redirectUris: [OWN_APP] })
    await sandbox.app.request('/sandbox/reset', { method: 'POST' })
    const listed = await (await sandbox.app.request('/sandbox/redirect-uris')).json()
    expect(listed.redirect_uris).toContainEqual({ uri: OWN_APP, source: 'env' })
  })
})

describe('/sandbox/redirect-uris (the control page form)', () => {
  async function add(sandbox: ReturnType<typeof createSandbox>, uri: string) {
    const response = await sandbox.app.request('/sandbox/redirect-uris', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ uri }),
    })
    return { status: response.status, body: await response.json() }
  }

  test('lists the seed URIs; an added one is listed and accepted at authorize', async () => {
    const sandbox = createSandbox()
    const before = await (await sandbox.app.request('/sandbox/redirect-uris')).json()
    expect(before).toEqual({
      client_id: CLIENT_ID,
      redirect_uris: [
        { uri: 'http://localhost:5173', source: 'seed' },
        { uri: 'http://127.0.0.1:5173', source: 'seed' },
        { uri: 'http://localhost:4173', source: 'seed' },
        { uri: 'http://127.0.0.1:4173', source: 'seed' },
      ],
    })
    const added = await add(sandbox, 'http://localhost:8080/app')
    expect(added.status).toBe(200)
    expect(added.body.redirect_uris.at(-1)).toEqual({
      uri: 'http://localhost:8080/app',
      source: 'control',
    })
    const done = await completeAuthorize(
      new Browser(sandbox),
      authorizeQuery({ redirect_uri: 'http://localhost:8080/app' }),
      'Sam Support',
    )
    expect(done.headers.get('Location')).toMatch(/^http:\/\/localhost:8080\/app#access_token=/)
  })

  test('a malformed URI is 400 and not added; a reset forgets the added ones', async () => {
    const sandbox = createSandbox()
    const bad = await add(sandbox, 'http://localhost:3000/?x=1')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toContain('may not carry a query')
    await add(sandbox, OWN_APP)
    await sandbox.app.request('/sandbox/reset', { method: 'POST' })
    const listed = await (await sandbox.app.request('/sandbox/redirect-uris')).json()
    expect(listed.redirect_uris.map((e: { uri: string }) => e.uri)).not.toContain(OWN_APP)
  })

  test('DELETE removes an added URI; seed URIs cannot be removed', async () => {
    const sandbox = createSandbox()
    await add(sandbox, OWN_APP)
    const remove = (uri: string) =>
      sandbox.app.request('/sandbox/redirect-uris', {
        method: 'DELETE',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ uri }),
      })
    expect((await remove(OWN_APP)).status).toBe(200)
    expect((await remove('http://localhost:5173')).status).toBe(404)
    const response = await new Browser(sandbox).get(
      `/?${authorizeQuery({ redirect_uri: `${OWN_APP}/` })}`,
    )
    expect(response.headers.get('Location')).toContain('invalid_redirect_uri')
  })
})

describe('the command line reads SANDBOX_REDIRECT_URIS at start', () => {
  let server: Started | undefined
  afterEach(async () => {
    await server?.stop()
    server = undefined
  })

  test('a valid value: the server starts and its authorize endpoint accepts that app', async () => {
    server = await startServer({ SANDBOX_REDIRECT_URIS: `${OWN_APP},http://127.0.0.1:3000` })
    const response = await fetch(
      `${server.origin}/?${authorizeQuery({ redirect_uri: `${OWN_APP}/` })}`,
      { redirect: 'manual' },
    )
    // The sign-in page, where an unknown redirect URI would be a 302 to /ooops.
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<form method="post" action="/signin">')
    const listed = await (await fetch(`${server.origin}/sandbox/redirect-uris`)).json()
    expect(listed.redirect_uris).toContainEqual({ uri: 'http://127.0.0.1:3000', source: 'env' })
  }, 30_000)

  test('a malformed value: the server refuses to start and says which entry and why', async () => {
    const result = await runUntilExit({
      SANDBOX_REDIRECT_URIS: 'http://localhost:3000,localhost:4000',
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('LiveChat sandbox not started.')
    expect(result.stderr).toContain(
      'SANDBOX_REDIRECT_URIS: "localhost:4000" must start with http:// or https://',
    )
    expect(result.stdout).not.toContain('on http://localhost:')
  }, 30_000)
})
