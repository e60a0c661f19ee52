// Token endpoints: docs/ACCOUNTS.md (code exchange), docs/ACCOUNTS.md (refresh), docs/ACCOUNTS.md
// (/v2/info), docs/ACCOUNTS.md (revoke), docs/ACCOUNTS.md (PKCE).
import { afterEach, describe, expect, test, vi } from 'vitest'
import { rfcS256Challenge, sdkS256Challenge } from '../../src/accounts/pkce'
import { CLIENT_ID } from '../../src/seed/clients'
import {
  APP_ORIGIN,
  accountIdOf,
  authorizeQuery,
  bearer,
  codeFor,
  completeAuthorize,
  exchange,
  implicitToken,
  newSandbox,
  PKCE_VERIFIER,
  postToken,
  queryParams,
  type Browser,
} from '../harness/accounts-kit'

const VERIFIER = PKCE_VERIFIER
const REDIRECT = `${APP_ORIGIN}/`

function info(browser: Browser, token: string) {
  return browser.sandbox.app.request('/v2/info', { headers: bearer(token) })
}

describe('code exchange with PKCE', () => {
  test('the SDK S256 challenge: 200 with the shape, scope a comma string, a refresh token without prefix', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, {
      code_challenge: sdkS256Challenge(VERIFIER),
      code_challenge_method: 'S256',
    })
    const response = await exchange(browser, code)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toEqual({
      access_token: expect.stringMatching(/^dal:/),
      account_id: accountIdOf('Nina Agent'),
      expires_in: 28800,
      organization_id: '7a1e4c52-3b8d-4f6a-9c2e-5d0b8f1a2c3e',
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      scope:
        'accounts--my:ro,sessions--my:rw,agents--my:rw,agents--all:ro,groups--all:ro,chats--access:rw,chats.conversation--access:rw,customers:ro,tags--groups:ro',
      token_type: 'Bearer',
    })
    expect((await info(browser, String(body.access_token))).status).toBe(200)
  })

  test('the RFC 7636 S256 challenge, as JSON (the SDK docs example) and with grant_type=code (the SPEC)', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, {
      code_challenge: rfcS256Challenge(VERIFIER),
      code_challenge_method: 's256',
    })
    const response = await postToken(
      browser,
      {
        grant_type: 'code',
        client_id: CLIENT_ID,
        code,
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
      },
      'json',
    )
    expect(response.status).toBe(200)
  })

  test('plain: the verifier equals the challenge (and `plain` is the default method)', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, { code_challenge: VERIFIER })
    expect((await exchange(browser, code)).status).toBe(200)
  })

  test('a verifier mismatch fails, and burns the code', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, {
      code_challenge: sdkS256Challenge(VERIFIER),
      code_challenge_method: 'S256',
    })
    const wrong = await exchange(browser, code, `${VERIFIER}x`)
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.any(String),
    })
    const retry = await exchange(browser, code)
    expect(retry.status).toBe(401)
    expect(await retry.json()).toMatchObject({ error: 'unauthorized_client' })
  })

  test('a missing verifier is a missing parameter (422 invalid_request)', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, { code_challenge: VERIFIER })
    const response = await postToken(browser, {
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code,
      redirect_uri: REDIRECT,
    })
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({ error: 'invalid_request' })
  })

  test('TRBL: a reused code → unauthorized_client, and the token it bought is revoked', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, { code_challenge: VERIFIER })
    const first = (await (await exchange(browser, code)).json()) as {
      access_token: string
      refresh_token: string
    }
    const again = await exchange(browser, code)
    expect(again.status).toBe(401)
    expect(await again.json()).toMatchObject({ error: 'unauthorized_client' })
    expect((await info(browser, first.access_token)).status).toBe(401)
    const refresh = await postToken(browser, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: first.refresh_token,
    })
    expect(refresh.status).toBe(401)
  })

  test('TRBL: an expired code (past codeLifetime on the sandbox clock) → unauthorized_client', async () => {
    const { sandbox, browser } = newSandbox({ codeLifetime: 60 })
    const code = await codeFor(browser, { code_challenge: VERIFIER })
    sandbox.state.clockOffsetMs += 61_000
    const response = await exchange(browser, code)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({
      error: 'unauthorized_client',
      sub_error: 'code_expired',
    })
  })

  test('redirect_uri must equal the one sent at authorize time', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, { code_challenge: VERIFIER })
    const response = await exchange(browser, code, VERIFIER, { redirect_uri: APP_ORIGIN })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({
      error: 'invalid_request',
      sub_error: 'invalid_redirect_uri',
    })
  })

  test('a code exchanged by another client or an unknown client is refused', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, { code_challenge: VERIFIER })
    const other = await exchange(browser, code, VERIFIER, {
      client_id: 'fedcba9876543210fedcba9876543210',
    })
    expect(await other.json()).toMatchObject({ error: 'unauthorized_client' })
    const unknown = await exchange(browser, code, VERIFIER, { client_id: 'nope' })
    expect(await unknown.json()).toMatchObject({
      error: 'unauthorized_client',
      sub_error: 'client_id_not_found',
    })
  })

  test('malformed requests: no grant_type, an unknown grant type, a body that is neither form nor JSON', async () => {
    const { browser } = newSandbox()
    const none = await postToken(browser, { client_id: CLIENT_ID })
    expect(none.status).toBe(422)
    expect(await none.json()).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('missing'),
    })
    const password = await postToken(browser, { grant_type: 'password', client_id: CLIENT_ID })
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' })
    const text = await browser.sandbox.app.request('/v2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    })
    expect(text.status).toBe(422)
    const badJson = await browser.sandbox.app.request('/v2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    })
    expect(badJson.status).toBe(422)
  })
})

describe('RFC 9700 §2.1.1 PKCE downgrade', () => {
  test('a code_verifier for a code issued without a challenge is refused', async () => {
    const { browser } = newSandbox()
    const server = 'abcdefabcdefabcdefabcdefabcdef01'
    const authorize = await completeAuthorize(
      browser,
      authorizeQuery({ client_id: server, response_type: 'code', scope: 'accounts--my:ro' }),
      'Sam Support',
    )
    const response = await postToken(browser, {
      grant_type: 'authorization_code',
      client_id: server,
      client_secret: 'sandbox-server-side-secret',
      code: queryParams(authorize).get('code') ?? '',
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({
      error: 'invalid_grant',
      sub_error: 'code_verifier_unexpected',
    })
  })
})

describe('refresh and rotation', () => {
  test('a web client rotates: a new pair each time, the old refresh token is rejected afterwards', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, { code_challenge: VERIFIER })
    const first = (await (await exchange(browser, code)).json()) as {
      access_token: string
      refresh_token: string
    }
    const refresh = (token: string) =>
      postToken(browser, {
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        refresh_token: token,
      })

    const second = await refresh(first.refresh_token)
    expect(second.status).toBe(200)
    const body = (await second.json()) as {
      access_token: string
      refresh_token: string
      scope: string
    }
    expect(body.access_token).not.toBe(first.access_token)
    expect(body.refresh_token).not.toBe(first.refresh_token)
    expect(body.scope).toContain('accounts--my:ro,')

    const replay = await refresh(first.refresh_token)
    expect(replay.status).toBe(401)
    expect(await replay.json()).toMatchObject({ error: 'unauthorized_client' })
    expect((await refresh(body.refresh_token)).status).toBe(200)
    // /v2/info of a refreshed token names its (new) refresh token.
    expect(await (await info(browser, body.access_token)).json()).toMatchObject({
      refresh_token: body.refresh_token,
    })
  })

  test('a server-side client (with its secret) keeps its refresh token', async () => {
    const { browser } = newSandbox()
    const server = 'abcdefabcdefabcdefabcdefabcdef01'
    const authorize = await completeAuthorize(
      browser,
      authorizeQuery({ client_id: server, response_type: 'code', scope: 'accounts--my:ro' }),
      'Sam Support',
    )
    const code = queryParams(authorize).get('code') ?? ''
    const secret = 'sandbox-server-side-secret'
    const noSecret = await postToken(browser, {
      grant_type: 'authorization_code',
      client_id: server,
      code,
      redirect_uri: REDIRECT,
    })
    expect(await noSecret.json()).toMatchObject({
      error: 'unauthorized_client',
      sub_error: 'invalid_client_secret',
    })

    const authorize2 = await completeAuthorize(
      browser,
      authorizeQuery({ client_id: server, response_type: 'code', scope: 'accounts--my:ro' }),
      'Sam Support',
    )
    const code2 = queryParams(authorize2).get('code') ?? ''
    const tokens = (await (
      await postToken(browser, {
        grant_type: 'authorization_code',
        client_id: server,
        client_secret: secret,
        code: code2,
        redirect_uri: REDIRECT,
      })
    ).json()) as { refresh_token: string }
    const refresh = () =>
      postToken(browser, {
        grant_type: 'refresh_token',
        client_id: server,
        client_secret: secret,
        refresh_token: tokens.refresh_token,
      })
    const a = (await (await refresh()).json()) as { refresh_token: string }
    const b = await refresh()
    expect(a.refresh_token).toBe(tokens.refresh_token)
    expect(b.status).toBe(200)
  })

  test('TRBL: a refresh token used with another client id → invalid_client', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, { code_challenge: VERIFIER })
    const { refresh_token } = (await (await exchange(browser, code)).json()) as {
      refresh_token: string
    }
    const response = await postToken(browser, {
      grant_type: 'refresh_token',
      client_id: 'fedcba9876543210fedcba9876543210',
      refresh_token,
    })
    expect(await response.json()).toMatchObject({ error: 'invalid_client' })
  })
})

describe('GET /v2/info', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  test('Bearer or ?code=; remaining expires_in; no refresh_token for implicit tokens', async () => {
    // Freeze the real clock so only the sandbox clock moves.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-02T10:00:00Z') })
    const { sandbox, browser } = newSandbox()
    const token = await implicitToken(browser, 'Nina Agent', {
      scope: 'accounts--my:ro,agents--my:rw',
    })
    sandbox.state.clockOffsetMs += 75_000
    const response = await info(browser, token)
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toEqual({
      access_token: token,
      account_id: accountIdOf('Nina Agent'),
      client_id: CLIENT_ID,
      expires_in: 28800 - 75,
      organization_id: '7a1e4c52-3b8d-4f6a-9c2e-5d0b8f1a2c3e',
      scope: 'accounts--my:ro,agents--my:rw',
      token_type: 'Bearer',
    })
    const byQuery = await sandbox.app.request(`/v2/info?code=${encodeURIComponent(token)}`)
    expect(await byQuery.json()).toEqual(body)
  })

  test('expired, unknown and still-%3A-encoded tokens → 401 unauthorized', async () => {
    const { sandbox, browser } = newSandbox()
    const token = await implicitToken(browser, 'Nina Agent')
    const encoded = await info(browser, encodeURIComponent(token))
    expect(encoded.status).toBe(401)
    expect(await encoded.json()).toEqual({
      error: 'unauthorized',
      error_description: 'The account is not authorized.',
    })
    expect((await info(browser, 'dal:unknown')).status).toBe(401)
    sandbox.state.clockOffsetMs += 28_800_000
    expect((await info(browser, token)).status).toBe(401)
  })
})

describe('DELETE /v2/token', () => {
  test('revokes the access token and its paired refresh token; 200 {}', async () => {
    const { browser } = newSandbox()
    const code = await codeFor(browser, { code_challenge: VERIFIER })
    const pair = (await (await exchange(browser, code)).json()) as {
      access_token: string
      refresh_token: string
    }
    const response = await browser.sandbox.app.request('/v2/token', {
      method: 'DELETE',
      headers: bearer(pair.access_token),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({})
    expect((await info(browser, pair.access_token)).status).toBe(401)
    const refresh = await postToken(browser, {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: pair.refresh_token,
    })
    expect(refresh.status).toBe(401)
  })

  test('?code= works too, a refresh token can be revoked, and an unknown token is 404 resource_not_found', async () => {
    const { browser } = newSandbox()
    const token = await implicitToken(browser, 'Sam Support')
    const byQuery = await browser.sandbox.app.request(
      `/v2/token?code=${encodeURIComponent(token)}`,
      { method: 'DELETE' },
    )
    expect(byQuery.status).toBe(200)
    expect((await info(browser, token)).status).toBe(401)

    const code = await codeFor(browser, { code_challenge: VERIFIER }, 'Sam Support')
    const pair = (await (await exchange(browser, code)).json()) as {
      access_token: string
      refresh_token: string
    }
    const byRefresh = await browser.sandbox.app.request('/v2/token', {
      method: 'DELETE',
      headers: bearer(pair.refresh_token),
    })
    expect(byRefresh.status).toBe(200)
    expect((await info(browser, pair.access_token)).status).toBe(401)

    const unknown = await browser.sandbox.app.request('/v2/token', {
      method: 'DELETE',
      headers: bearer('dal:nope'),
    })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: 'resource_not_found' })
  })
})

describe('CORS on the JSON endpoints', () => {
  test.each(['/v2/token', '/v2/info', '/v2/sessions'])(
    'a preflight to %s is answered for the SPA',
    async (path) => {
      const { sandbox } = newSandbox()
      const response = await sandbox.app.request(path, {
        method: 'OPTIONS',
        headers: {
          Origin: APP_ORIGIN,
          'Access-Control-Request-Method': path === '/v2/info' ? 'GET' : 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type',
        },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
      expect(response.headers.get('Access-Control-Allow-Methods')).toContain('DELETE')
      expect(response.headers.get('Access-Control-Allow-Headers')).toMatch(
        /Authorization.*Content-Type/,
      )
    },
  )

  test('the actual response echoes the Origin', async () => {
    const { browser } = newSandbox()
    const token = await implicitToken(browser, 'Nina Agent')
    const response = await browser.sandbox.app.request('/v2/info', {
      headers: { ...bearer(token), Origin: APP_ORIGIN },
    })
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
  })
})
