// The SDK redirect flow (docs/livechat-notes.md#the-sdk-redirect): our state, our verifier, complete
// transaction/pkce options, the SDK's cookies swept, the loop breaker (docs/livechat-notes.md#limits).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PENDING_KEY, takePending } from '../../../src/flows/pending-redirect'
import { startRedirectSignIn } from '../../../src/flows/redirect-flow'
import { sandboxConfig } from '../../support/sandbox-config'

// jsdom cannot navigate: the real SDK builds the URL (and writes its cookies) as usual, and the
// navigation is recorded instead of performed.
const navigations = vi.hoisted(() => [] as string[])
vi.mock('@livechat/accounts-sdk', async (importOriginal) => {
  const { default: Real } = await importOriginal<typeof import('@livechat/accounts-sdk')>()
  class RecordingSdk extends Real {
    override redirect(options = {}) {
      const flow = super.redirect(options)
      const localOptions = (flow as unknown as { options: object }).options
      return {
        authorize: () => {
          navigations.push(this.authorizeURL(localOptions))
        },
        authorizeData: () => flow.authorizeData(),
      }
    }
  }
  return { default: RecordingSdk }
})

const NOW = 1_750_000_000_000

afterEach(() => {
  navigations.length = 0
  sessionStorage.clear()
})

describe('startRedirectSignIn', () => {
  it('token: sends our state and explicit redirect_uri, and keeps the transaction in sessionStorage', () => {
    startRedirectSignIn(
      sandboxConfig,
      { responseType: 'token', returnTo: '/team', scopes: ['agents--all:ro'] },
      NOW,
    )
    const url = new URL(navigations[0] ?? '')
    const pending = takePending(NOW)
    expect(url.searchParams.get('state')).toBe(pending?.state)
    expect(url.searchParams.get('response_type')).toBe('token')
    expect(url.searchParams.get('redirect_uri')).toBe(sandboxConfig.redirectUri)
    expect(url.searchParams.get('scope')).toBe('agents--all:ro')
    expect(url.searchParams.get('flow')).toBe('')
    expect(url.searchParams.get('code_challenge')).toBeNull()
    expect(pending).toMatchObject({
      flow: 'redirect',
      responseType: 'token',
      returnTo: '/team',
      createdAt: NOW,
    })
    expect(pending).not.toHaveProperty('codeVerifier')
  })

  it('code: the challenge is the SDK’s S256 of the verifier we keep (not an empty one)', async () => {
    startRedirectSignIn(
      sandboxConfig,
      { responseType: 'code', returnTo: '/', scopes: ['a:ro'] },
      NOW,
    )
    const url = new URL(navigations[0] ?? '')
    const pending = takePending(NOW)
    expect(pending?.codeVerifier).toMatch(/^[A-Za-z0-9_-]{86}$/)
    const { createHash } = await import('node:crypto')
    const digest = createHash('sha256')
      .update(pending?.codeVerifier ?? '')
      .digest()
    const words = Array.from({ length: 8 }, (_, i) => digest.readInt32BE(i * 4)).join(',')
    expect(url.searchParams.get('code_challenge')).toBe(Buffer.from(words).toString('base64url'))
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('code_verifier')).toBeNull()
  })

  it('an organization asked for goes out as organization_id and waits in the transaction', () => {
    const organizationId = '8e4c2a19-7b3d-4f5e-a1c6-0d9b8f7e6a5c'
    startRedirectSignIn(
      sandboxConfig,
      { responseType: 'token', returnTo: '/chats', scopes: ['a:ro'], organizationId },
      NOW,
    )
    expect(new URL(navigations[0] ?? '').searchParams.get('organization_id')).toBe(organizationId)
    expect(takePending(NOW)?.organizationId).toBe(organizationId)
    // Without one, neither.
    startRedirectSignIn(sandboxConfig, { responseType: 'token', returnTo: '/', scopes: [] }, NOW)
    expect(new URL(navigations[1] ?? '').searchParams.has('organization_id')).toBe(false)
    expect(takePending(NOW)).not.toHaveProperty('organizationId')
  })

  it('sweeps the SDK’s cookies (state and PKCE verifier) right after building the URL', () => {
    startRedirectSignIn(sandboxConfig, { responseType: 'code', returnTo: '/', scopes: [] }, NOW)
    expect(document.cookie).not.toContain('com.livechat.accounts')
  })

  it('refuses the third navigation in 30 s (too_many_redirects) without leaving the page', () => {
    startRedirectSignIn(sandboxConfig, { responseType: 'token', returnTo: '/', scopes: [] }, NOW)
    startRedirectSignIn(
      sandboxConfig,
      { responseType: 'token', returnTo: '/', scopes: [] },
      NOW + 10,
    )
    const stored = sessionStorage.getItem(PENDING_KEY)
    expect(() =>
      startRedirectSignIn(
        sandboxConfig,
        { responseType: 'token', returnTo: '/', scopes: [] },
        NOW + 20,
      ),
    ).toThrow(expect.objectContaining({ kind: 'too_many_redirects' }))
    expect(navigations).toHaveLength(2)
    expect(sessionStorage.getItem(PENDING_KEY)).toBe(stored)
  })
})
