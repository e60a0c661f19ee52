// The hand-written implicit grant, no SDK (docs/livechat-notes.md#the-authorize-request), and its navigation guard
// (docs/livechat-notes.md#limits).
import { afterEach, describe, expect, it } from 'vitest'
import { buildImplicitAuthorizeUrl, startImplicitSignIn } from '../../../src/flows/implicit-flow'
import { PENDING_KEY, takePending } from '../../../src/flows/pending-redirect'
import { sandboxConfig } from '../../support/sandbox-config'

const NOW = 1_750_000_000_000

afterEach(() => sessionStorage.clear())

describe('buildImplicitAuthorizeUrl', () => {
  it('is the docs’ hand-written request, with redirect_uri encoded', () => {
    const url = buildImplicitAuthorizeUrl(
      {
        ...sandboxConfig,
        clientId: '9cbf3a968289727cb3cdfe83ab1d9836',
        redirectUri: 'https://my-application.com',
        accountsUrl: 'https://accounts.livechat.com',
      },
      { state: 'i8XNjC4b8KVok4uw5RftR38Wgp2BFwql', scopes: ['chats--access:rw', 'customers:ro'] },
    )
    expect(url).toBe(
      'https://accounts.livechat.com/?response_type=token&client_id=9cbf3a968289727cb3cdfe83ab1d9836' +
        '&redirect_uri=https%3A%2F%2Fmy-application.com&state=i8XNjC4b8KVok4uw5RftR38Wgp2BFwql' +
        '&scope=chats--access%3Arw%2Ccustomers%3Aro',
    )
  })

  it('adds prompt=consent and a pinned organization_id', () => {
    const url = new URL(
      buildImplicitAuthorizeUrl(
        { ...sandboxConfig, organizationId: 'org-1' },
        { state: 's', scopes: ['a:ro'], prompt: 'consent' },
      ),
    )
    expect(url.searchParams.get('prompt')).toBe('consent')
    expect(url.searchParams.get('organization_id')).toBe('org-1')
    expect(url.searchParams.get('flow')).toBeNull()
  })
})

describe('startImplicitSignIn', () => {
  it('saves the pending transaction (flow implicit, no token, no verifier) and navigates with its state', () => {
    const visited: string[] = []
    startImplicitSignIn(
      sandboxConfig,
      { returnTo: '/chats?tab=2', scopes: ['chats--access:rw'] },
      { now: NOW, navigate: (url) => visited.push(url) },
    )
    expect(visited).toHaveLength(1)
    const url = new URL(visited[0] ?? '')
    expect(`${url.origin}${url.pathname}`).toBe(`${sandboxConfig.accountsUrl}/`)
    expect(url.searchParams.get('response_type')).toBe('token')
    expect(url.searchParams.get('redirect_uri')).toBe(sandboxConfig.redirectUri)
    const pending = takePending(NOW)
    expect(pending).toEqual({
      state: url.searchParams.get('state'),
      flow: 'implicit',
      responseType: 'token',
      returnTo: '/chats?tab=2',
      scopes: ['chats--access:rw'],
      createdAt: NOW,
    })
    expect(pending?.state).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('sanitizes the return path before storing it (A.27)', () => {
    startImplicitSignIn(
      sandboxConfig,
      { returnTo: '//evil.example', scopes: [] },
      { now: NOW, navigate: () => undefined },
    )
    expect(takePending(NOW)?.returnTo).toBe('/')
  })

  it('refuses a third navigation within 30 s with too_many_redirects, before touching anything', () => {
    const visited: string[] = []
    const navigate = (url: string) => visited.push(url)
    startImplicitSignIn(sandboxConfig, { returnTo: '/', scopes: [] }, { now: NOW, navigate })
    startImplicitSignIn(sandboxConfig, { returnTo: '/', scopes: [] }, { now: NOW + 1000, navigate })
    const stored = sessionStorage.getItem(PENDING_KEY)
    expect(() =>
      startImplicitSignIn(
        sandboxConfig,
        { returnTo: '/', scopes: [] },
        { now: NOW + 2000, navigate },
      ),
    ).toThrow(expect.objectContaining({ kind: 'too_many_redirects' }))
    expect(visited).toHaveLength(2)
    expect(sessionStorage.getItem(PENDING_KEY)).toBe(stored)
  })
})
