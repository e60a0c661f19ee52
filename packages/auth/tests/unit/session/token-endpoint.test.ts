// The token endpoints (docs/livechat-notes.md#tokens-and-accounts): code exchange, refresh, revoke, sessions.
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { AuthErrorKind } from '../../../src/errors/auth-error'
import {
  endAllSessions,
  exchangeCode,
  refreshAccessToken,
  revokeToken,
} from '../../../src/session/token-endpoint'
import { sandboxConfig } from '../../support/sandbox-config'
import { SANDBOX_ORIGIN, server } from '../../../../../tests/support/sandbox-msw'

const GRANT = {
  access_token: 'dal:test_YTJQ6GDVgQf8kQDPw',
  account_id: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
  expires_in: 28800,
  organization_id: '390e44e6-f1e6-0368c-z6ddb-74g14508c2ex',
  refresh_token: 'test_gfalskcakg2347o8326',
  scope: 'chats--all:ro,chats--all:rw',
  token_type: 'Bearer',
}

function answerToken(respond: () => Response) {
  const bodies: { contentType: string | null; form: URLSearchParams }[] = []
  server.use(
    http.post(`${SANDBOX_ORIGIN}/v2/token`, async ({ request }) => {
      bodies.push({
        contentType: request.headers.get('content-type'),
        form: new URLSearchParams(await request.text()),
      })
      return respond()
    }),
  )
  return bodies
}

async function kindOf(promise: Promise<unknown>): Promise<AuthErrorKind> {
  return (
    (await promise.then(
      () => ({ kind: 'resolved' }),
      (e: unknown) => e,
    )) as { kind: AuthErrorKind }
  ).kind
}

describe('exchangeCode (POST /v2/token)', () => {
  it('posts a form-urlencoded authorization_code grant with our verifier and no secret', async () => {
    const bodies = answerToken(() => HttpResponse.json(GRANT))
    const grant = await exchangeCode(sandboxConfig, {
      code: 'dal:test_tnlRmy73mg9eaFESA',
      codeVerifier: 'v'.repeat(86),
      redirectUri: sandboxConfig.redirectUri,
    })
    expect(bodies[0]?.contentType).toMatch(/application\/x-www-form-urlencoded/)
    expect(Object.fromEntries(bodies[0]?.form ?? [])).toEqual({
      grant_type: 'authorization_code',
      code: 'dal:test_tnlRmy73mg9eaFESA',
      client_id: sandboxConfig.clientId,
      redirect_uri: sandboxConfig.redirectUri,
      code_verifier: 'v'.repeat(86),
    })
    expect(grant).toEqual({
      accessToken: GRANT.access_token,
      refreshToken: GRANT.refresh_token,
      expiresIn: 28800,
      scopes: ['chats--all:ro', 'chats--all:rw'],
      accountId: GRANT.account_id,
      organizationId: GRANT.organization_id,
    })
  })

  it.each<[string, () => Response, AuthErrorKind]>([
    [
      'a used or expired code: unauthorized_client',
      () => HttpResponse.json({ error: 'unauthorized_client' }, { status: 401 }),
      'token_rejected',
    ],
    [
      'a PKCE mismatch (code not documented)',
      () => HttpResponse.json({ error: 'invalid_grant' }, { status: 400 }),
      'token_rejected',
    ],
    [
      'invalid_scope',
      () => HttpResponse.json({ error: 'invalid_scope' }, { status: 403 }),
      'invalid_scope',
    ],
    [
      '429 temporarily_unavailable',
      () => HttpResponse.json({ error: 'temporarily_unavailable' }, { status: 429 }),
      'server_error',
    ],
    ['500', () => new HttpResponse('<html>', { status: 500 }), 'server_error'],
    ['network', () => HttpResponse.error(), 'network'],
    [
      'a token with a space',
      () => HttpResponse.json({ ...GRANT, access_token: 'dal:a b' }),
      'malformed_response',
    ],
    [
      'no lifetime',
      () => HttpResponse.json({ ...GRANT, expires_in: undefined }),
      'malformed_response',
    ],
    ['no account', () => HttpResponse.json({ ...GRANT, account_id: 7 }), 'malformed_response'],
  ])('%s → %s', async (_name, respond, kind) => {
    answerToken(respond)
    expect(
      await kindOf(
        exchangeCode(sandboxConfig, { code: 'dal:c', codeVerifier: 'v', redirectUri: 'x' }),
      ),
    ).toBe(kind)
  })
})

describe('refreshAccessToken (POST /v2/token)', () => {
  it('posts a refresh_token grant and returns the rotated pair', async () => {
    const bodies = answerToken(() => HttpResponse.json({ ...GRANT, refresh_token: 'test_rotated' }))
    const grant = await refreshAccessToken(sandboxConfig, 'test_old')
    expect(Object.fromEntries(bodies[0]?.form ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'test_old',
      client_id: sandboxConfig.clientId,
    })
    expect(grant.refreshToken).toBe('test_rotated')
  })

  it('a refused refresh token means the session is over (expired)', async () => {
    answerToken(() => HttpResponse.json({ error: 'invalid_grant' }, { status: 401 }))
    expect(await kindOf(refreshAccessToken(sandboxConfig, 'test_old'))).toBe('expired')
  })
})

describe('revokeToken (DELETE /v2/token)', () => {
  it('sends DELETE /v2/token with the token as Bearer', async () => {
    const seen: Request[] = []
    server.use(
      http.delete(`${SANDBOX_ORIGIN}/v2/token`, ({ request }) => {
        seen.push(request)
        return HttpResponse.json({})
      }),
    )
    await expect(revokeToken(sandboxConfig, 'dal:abc')).resolves.toBe(true)
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer dal:abc')
  })

  it('is best effort: a network failure or a 404 resolves false, never throws', async () => {
    server.use(http.delete(`${SANDBOX_ORIGIN}/v2/token`, () => HttpResponse.error()))
    await expect(revokeToken(sandboxConfig, 'dal:abc')).resolves.toBe(false)
    server.use(
      http.delete(`${SANDBOX_ORIGIN}/v2/token`, () =>
        HttpResponse.json({ error: 'resource_not_found' }, { status: 404 }),
      ),
    )
    await expect(revokeToken(sandboxConfig, 'dal:abc')).resolves.toBe(false)
  })
})

describe('endAllSessions (DELETE /v2/sessions)', () => {
  it('sends DELETE /v2/sessions with the token, and accepts an empty 200', async () => {
    const seen: Request[] = []
    server.use(
      http.delete(`${SANDBOX_ORIGIN}/v2/sessions`, ({ request }) => {
        seen.push(request)
        return new HttpResponse(null, { status: 200 })
      }),
    )
    await endAllSessions(sandboxConfig, 'dal:abc')
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer dal:abc')
  })

  it('throws when LiveChat refuses (no sessions--my:rw)', async () => {
    server.use(
      http.delete(`${SANDBOX_ORIGIN}/v2/sessions`, () =>
        HttpResponse.json(
          { error: 'access_denied', sub_error: 'insufficient_scope' },
          { status: 403 },
        ),
      ),
    )
    expect(await kindOf(endAllSessions(sandboxConfig, 'dal:abc'))).toBe('access_denied')
  })
})
