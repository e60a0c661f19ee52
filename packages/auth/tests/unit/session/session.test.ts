// GET /v2/info and regions (docs/livechat-notes.md#tokens-and-accounts, #regions); SECURITY.md
// #42, #43 (token injection, rejected tokens, network failures).
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { AuthErrorKind } from '../../../src/errors/auth-error'
import { regionOf } from '../../../src/protocol/credential'
import { sessionFromInfo, validateToken } from '../../../src/session/session'
import { sandboxConfig } from '../../support/sandbox-config'
import { SANDBOX_ORIGIN, server } from '../../../../../tests/support/sandbox-msw'

const TOKEN = 'dal:test_YTJQ6GDVgQf8kQDPw'
const INFO = {
  access_token: TOKEN,
  account_id: 'bbe8b147-d2e6-4d9f-9a2c-8c2c5d3b1a11',
  client_id: sandboxConfig.clientId,
  expires_in: 28725,
  organization_id: '390e44e6-f1e6-4368-a6dd-74914508c2e0',
  scope: 'chats--access:rw,agents--my:rw,chats--access:rw',
  token_type: 'Bearer',
}

function answerInfo(respond: (request: Request) => Response | Promise<Response>) {
  const seen: Request[] = []
  server.use(
    http.get(`${SANDBOX_ORIGIN}/v2/info`, ({ request }) => {
      seen.push(request)
      return respond(request)
    }),
  )
  return seen
}

async function kindOf(promise: Promise<unknown>): Promise<AuthErrorKind> {
  const error = await promise.then(
    () => {
      throw new Error('resolved')
    },
    (e: unknown) => e as { kind: AuthErrorKind },
  )
  return error.kind
}

describe('regionOf', () => {
  it.each([
    ['dal:abc', 'dal'],
    ['fra:abc', 'fra'],
    ['fra-a:abc', 'fra-a'],
    ['fra-b:abc', 'fra-b'],
    ['1/fFBGRNJru1FQd44AzqT3Zg', 'dal'],
    ['test_gfalskcakg2347o8326', 'dal'],
    [':abc', 'dal'],
    ['EVIL HOST:abc', 'dal'],
  ])('%s → %s', (token, region) => {
    expect(regionOf(token)).toBe(region)
  })
})

describe('validateToken (GET /v2/info)', () => {
  it('sends the token as a Bearer header and reads scopes, account and lifetime', async () => {
    const seen = answerInfo(() => HttpResponse.json(INFO))
    const info = await validateToken(sandboxConfig, TOKEN)
    expect(seen[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(new URL(seen[0]?.url ?? '').search).toBe('')
    expect(info).toEqual({
      accountId: INFO.account_id,
      organizationId: INFO.organization_id,
      clientId: sandboxConfig.clientId,
      scopes: ['chats--access:rw', 'agents--my:rw'],
      expiresIn: 28725,
    })
  })

  it('C.42: a token issued to another client is refused as wrong_client (token injection)', async () => {
    answerInfo(() => HttpResponse.json({ ...INFO, client_id: 'ffffffffffffffffffffffffffffffff' }))
    expect(await kindOf(validateToken(sandboxConfig, TOKEN))).toBe('wrong_client')
  })

  it('a pinned organization refuses tokens of any other', async () => {
    answerInfo(() => HttpResponse.json(INFO))
    const pinned = { ...sandboxConfig, organizationId: 'another-organization' }
    expect(await kindOf(validateToken(pinned, TOKEN))).toBe('wrong_organization')
    const same = { ...sandboxConfig, organizationId: INFO.organization_id }
    await expect(validateToken(same, TOKEN)).resolves.toMatchObject({
      organizationId: INFO.organization_id,
    })
  })

  it.each<[string, () => Response, AuthErrorKind]>([
    [
      '401 unauthorized (C.43)',
      () => HttpResponse.json({ error: 'unauthorized' }, { status: 401 }),
      'token_rejected',
    ],
    ['403', () => HttpResponse.json({ error: 'access_denied' }, { status: 403 }), 'token_rejected'],
    ['a network failure (C.43)', () => HttpResponse.error(), 'network'],
    ['500', () => HttpResponse.json({ error: 'server_error' }, { status: 500 }), 'server_error'],
    ['429', () => new HttpResponse(null, { status: 429 }), 'server_error'],
    [
      'an HTML page with 200',
      () => new HttpResponse('<html>oops</html>', { headers: { 'Content-Type': 'text/html' } }),
      'malformed_response',
    ],
    [
      'truncated JSON',
      () => new HttpResponse('{"client_id":', { headers: { 'Content-Type': 'application/json' } }),
      'malformed_response',
    ],
    ['an empty 200', () => new HttpResponse('', { status: 200 }), 'malformed_response'],
    ['an array', () => HttpResponse.json([INFO]), 'malformed_response'],
    [
      'no client_id',
      () => HttpResponse.json({ ...INFO, client_id: undefined }),
      'malformed_response',
    ],
    ['no account_id', () => HttpResponse.json({ ...INFO, account_id: '' }), 'malformed_response'],
    [
      'no organization_id',
      () => HttpResponse.json({ ...INFO, organization_id: null }),
      'malformed_response',
    ],
    [
      'expires_in as text',
      () => HttpResponse.json({ ...INFO, expires_in: 'soon' }),
      'malformed_response',
    ],
    [
      'a scope with a newline',
      () => HttpResponse.json({ ...INFO, scope: 'a:ro\nb:ro' }),
      'malformed_response',
    ],
    [
      'another token echoed back',
      () => HttpResponse.json({ ...INFO, access_token: 'dal:someone-else' }),
      'malformed_response',
    ],
    ['no lifetime left', () => HttpResponse.json({ ...INFO, expires_in: 0 }), 'expired'],
  ])('%s → %s', async (_name, respond, kind) => {
    answerInfo(respond)
    expect(await kindOf(validateToken(sandboxConfig, TOKEN))).toBe(kind)
  })

  it('never puts the token into the error it throws', async () => {
    answerInfo(() => new HttpResponse(`{"bad": "${TOKEN}"`, { status: 200 }))
    const error = (await validateToken(sandboxConfig, TOKEN).catch((e: unknown) => e)) as Error
    expect(error.message).not.toContain(TOKEN)
  })

  it('lets an abort through as an abort', async () => {
    answerInfo(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200))
      return HttpResponse.json(INFO)
    })
    const controller = new AbortController()
    const pending = validateToken(sandboxConfig, TOKEN, { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('#18: caps an absurd lifetime at 30 days', async () => {
    answerInfo(() => HttpResponse.json({ ...INFO, expires_in: 99_999_999_999 }))
    expect((await validateToken(sandboxConfig, TOKEN)).expiresIn).toBe(2_592_000)
  })
})

describe('sessionFromInfo', () => {
  it('builds the in-memory session with expiry, region and the flow that produced it', () => {
    const info = {
      accountId: 'acc',
      organizationId: 'org',
      clientId: sandboxConfig.clientId,
      scopes: ['chats--access:rw'],
      expiresIn: 100,
    }
    const session = sessionFromInfo(
      info,
      { accessToken: 'fra-a:xyz', refreshToken: 'test_refresh' },
      'popup',
      'code',
      1_000,
    )
    expect(session).toEqual({
      kind: 'oauth',
      credential: { scheme: 'Bearer', value: 'fra-a:xyz' },
      accessToken: 'fra-a:xyz',
      refreshToken: 'test_refresh',
      expiresAt: 101_000,
      obtainedAt: 1_000,
      scopes: ['chats--access:rw'],
      accountId: 'acc',
      organizationId: 'org',
      clientId: sandboxConfig.clientId,
      region: 'fra-a',
      flow: 'popup',
      responseType: 'code',
    })
    expect(Object.isFrozen(session.scopes)).toBe(true)
    expect(
      sessionFromInfo(info, { accessToken: 'dal:x' }, 'implicit', 'token', 0).refreshToken,
    ).toBeNull()
  })
})
