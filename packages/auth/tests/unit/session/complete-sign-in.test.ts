// From an authorize answer to a validated session, and renewal: every token checked with
// GET /v2/info (docs/livechat-notes.md#tokens-and-accounts; SECURITY.md #42).
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { completeSignIn, renewSession } from '../../../src/session/complete-sign-in'
import type { OAuthSession } from '../../../src/session/session'
import { sandboxConfig } from '../../support/sandbox-config'
import { SANDBOX_ORIGIN, server } from '../../../../../tests/support/sandbox-msw'

const ACCOUNT = 'b7eff798-f8df-4364-8059-649c35c9ed0c'
const ORG = '390e44e6-f1e6-4368-a6dd-74914508c2e0'
const NOW = 1_750_000_000_000

interface Seen {
  info: string[]
  token: URLSearchParams[]
  revoked: string[]
}

/** A tiny accounts server: every token is valid for our client unless listed otherwise. */
interface AccountsOptions {
  accountFor?: (token: string) => string
  clientFor?: (token: string) => string
  grant?: Record<string, unknown>
}

function accounts({
  accountFor = () => ACCOUNT,
  clientFor = () => sandboxConfig.clientId,
  grant = {},
}: AccountsOptions = {}) {
  const seen: Seen = { info: [], token: [], revoked: [] }
  server.use(
    http.get(`${SANDBOX_ORIGIN}/v2/info`, ({ request }) => {
      const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '')
      seen.info.push(token)
      return HttpResponse.json({
        access_token: token,
        account_id: accountFor(token),
        client_id: clientFor(token),
        organization_id: ORG,
        expires_in: 3600,
        scope: 'chats--access:rw,customers:ro',
        token_type: 'Bearer',
      })
    }),
    http.post(`${SANDBOX_ORIGIN}/v2/token`, async ({ request }) => {
      seen.token.push(new URLSearchParams(await request.text()))
      return HttpResponse.json({
        access_token: 'fra:exchanged',
        refresh_token: 'test_refresh_2',
        expires_in: 28800,
        scope: 'chats--access:rw,customers:ro',
        account_id: ACCOUNT,
        organization_id: ORG,
        token_type: 'Bearer',
        ...grant,
      })
    }),
    http.delete(`${SANDBOX_ORIGIN}/v2/token`, ({ request }) => {
      seen.revoked.push((request.headers.get('authorization') ?? '').replace(/^Bearer /, ''))
      return HttpResponse.json({})
    }),
  )
  return seen
}

afterEach(() => {
  for (const frame of document.querySelectorAll('iframe')) frame.remove()
})

describe('completeSignIn', () => {
  it('token: validates with /v2/info and builds the session from what LiveChat says', async () => {
    const seen = accounts()
    const session = await completeSignIn(
      sandboxConfig,
      {
        kind: 'token',
        accessToken: 'dal:popup',
        expiresIn: 28800,
        scopes: ['made-up:rw'],
        state: 's',
      },
      'popup',
      { now: () => NOW },
    )
    expect(seen.info).toEqual(['dal:popup'])
    expect(session).toEqual<OAuthSession>({
      kind: 'oauth',
      credential: { scheme: 'Bearer', value: 'dal:popup' },
      accessToken: 'dal:popup',
      refreshToken: null,
      expiresAt: NOW + 3600 * 1000,
      obtainedAt: NOW,
      scopes: ['chats--access:rw', 'customers:ro'],
      accountId: ACCOUNT,
      organizationId: ORG,
      clientId: sandboxConfig.clientId,
      region: 'dal',
      flow: 'popup',
      responseType: 'token',
    })
  })

  it('hears the token as a credential before /v2/info answers, in either flow (for the first data)', async () => {
    const seen = accounts()
    const heard: { credential: unknown; infoCallsSoFar: number }[] = []
    const onToken = (credential: unknown) =>
      heard.push({ credential, infoCallsSoFar: seen.info.length })
    await completeSignIn(
      sandboxConfig,
      { kind: 'token', accessToken: 'dal:popup', expiresIn: 28800, scopes: null, state: 's' },
      'popup',
      { onToken },
    )
    await completeSignIn(
      sandboxConfig,
      { kind: 'code', code: 'dal:code', codeVerifier: 'v'.repeat(86), state: 's' },
      'redirect',
      { onToken },
    )
    expect(heard).toEqual([
      { credential: { scheme: 'Bearer', value: 'dal:popup' }, infoCallsSoFar: 0 },
      // The code's token, once exchanged, before its own /v2/info.
      { credential: { scheme: 'Bearer', value: 'fra:exchanged' }, infoCallsSoFar: 1 },
    ])
  })

  it('code: exchanges the code with our verifier and redirect_uri, then validates the new token', async () => {
    const seen = accounts()
    const session = await completeSignIn(
      sandboxConfig,
      { kind: 'code', code: 'dal:code', codeVerifier: 'v'.repeat(86), state: 's' },
      'redirect',
      { now: () => NOW },
    )
    expect(Object.fromEntries(seen.token[0] ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      code: 'dal:code',
      code_verifier: 'v'.repeat(86),
      redirect_uri: sandboxConfig.redirectUri,
      client_id: sandboxConfig.clientId,
    })
    expect(seen.info).toEqual(['fra:exchanged'])
    expect(session).toMatchObject({
      accessToken: 'fra:exchanged',
      refreshToken: 'test_refresh_2',
      region: 'fra',
      flow: 'redirect',
      responseType: 'code',
    })
  })

  it('C.42: a token issued to another app never becomes a session', async () => {
    accounts({ clientFor: () => 'ffffffffffffffffffffffffffffffff' })
    await expect(
      completeSignIn(
        sandboxConfig,
        { kind: 'token', accessToken: 'dal:injected', expiresIn: 1, scopes: null, state: 's' },
        'implicit',
      ),
    ).rejects.toMatchObject({ kind: 'wrong_client' })
  })
})

function session(overrides: Partial<OAuthSession> = {}): OAuthSession {
  return {
    kind: 'oauth',
    credential: { scheme: 'Bearer', value: 'dal:old' },
    accessToken: 'dal:old',
    refreshToken: null,
    expiresAt: NOW,
    obtainedAt: NOW - 1000,
    scopes: ['chats--access:rw'],
    accountId: ACCOUNT,
    organizationId: ORG,
    clientId: sandboxConfig.clientId,
    region: 'dal',
    flow: 'popup',
    responseType: 'token',
    ...overrides,
  }
}

describe('renewSession', () => {
  it('code sessions: refresh grant with the current refresh token, rotated pair kept', async () => {
    const seen = accounts()
    const renewed = await renewSession(
      sandboxConfig,
      session({ responseType: 'code', refreshToken: 'test_refresh_1' }),
      {
        now: () => NOW,
      },
    )
    expect(Object.fromEntries(seen.token[0] ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'test_refresh_1',
      client_id: sandboxConfig.clientId,
    })
    expect(renewed).toMatchObject({
      accessToken: 'fra:exchanged',
      refreshToken: 'test_refresh_2',
      responseType: 'code',
      flow: 'popup',
    })
  })

  it('a refused refresh token → expired', async () => {
    accounts()
    server.use(
      http.post(`${SANDBOX_ORIGIN}/v2/token`, () =>
        HttpResponse.json({ error: 'invalid_grant' }, { status: 401 }),
      ),
    )
    await expect(
      renewSession(sandboxConfig, session({ refreshToken: 'test_dead' })),
    ).rejects.toMatchObject({ kind: 'expired' })
  })

  it('token sessions: the silent iframe brings a new token, validated like any other', async () => {
    const seen = accounts()
    const renewal = renewSession(
      sandboxConfig,
      session({ scopes: ['chats--access:rw', 'chats--all:ro'] }),
      {
        now: () => NOW,
      },
    )
    const frame = document.querySelector('iframe')
    const url = new URL(frame?.src ?? 'http://x')
    const state = url.searchParams.get('state')
    // It asks for the configured scopes plus any granted later, so nothing is lost.
    expect(url.searchParams.get('scope')).toBe([...sandboxConfig.scopes, 'chats--all:ro'].join(','))
    const event = new MessageEvent('message', {
      origin: sandboxConfig.accountsUrl,
      data: { state, data: { access_token: 'dal:new', token_type: 'Bearer', expires_in: 28800 } },
    })
    Object.defineProperty(event, 'source', { value: frame?.contentWindow })
    window.dispatchEvent(event)
    await expect(renewal).resolves.toMatchObject({
      accessToken: 'dal:new',
      flow: 'popup',
      responseType: 'token',
    })
    expect(seen.info).toEqual(['dal:new'])
  })

  it('token sessions: the silent renewal asks for the session’s organization, and holds to it', async () => {
    accounts()
    const renewal = renewSession(sandboxConfig, session({ organizationId: 'another-org' }))
    const frame = document.querySelector('iframe')
    const url = new URL(frame?.src ?? 'http://x')
    // An agent of several organizations stays in this tab's, whatever another tab switched to.
    expect(url.searchParams.get('organization_id')).toBe('another-org')
    const event = new MessageEvent('message', {
      origin: sandboxConfig.accountsUrl,
      data: {
        state: url.searchParams.get('state'),
        data: { access_token: 'dal:new', token_type: 'Bearer', expires_in: 28800 },
      },
    })
    Object.defineProperty(event, 'source', { value: frame?.contentWindow })
    window.dispatchEvent(event)
    // LiveChat answered with a token of ORG: not this session's organization.
    await expect(renewal).rejects.toMatchObject({ kind: 'wrong_organization' })
  })

  it('token sessions: no LiveChat session any more → expired', async () => {
    accounts()
    const renewal = renewSession(sandboxConfig, session())
    const frame = document.querySelector('iframe')
    const event = new MessageEvent('message', {
      origin: sandboxConfig.accountsUrl,
      data: { error: { identity_exception: 'unauthorized' } },
    })
    Object.defineProperty(event, 'source', { value: frame?.contentWindow })
    window.dispatchEvent(event)
    await expect(renewal).rejects.toMatchObject({ kind: 'expired' })
  })

  it('a renewal that answers for a different account is refused and its token given back', async () => {
    const seen = accounts({
      accountFor: (token) => (token === 'fra:exchanged' ? 'someone-else' : ACCOUNT),
    })
    await expect(
      renewSession(sandboxConfig, session({ refreshToken: 'test_refresh_1' })),
    ).rejects.toMatchObject({
      kind: 'identity_unknown',
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen.revoked).toEqual(['fra:exchanged'])
  })
})
