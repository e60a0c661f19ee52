// The SDK wrapper fixes each defect in docs/livechat-notes.md#the-accounts-sdk: no state, partial
// transaction/pkce options, redirect_uri from location, leftover cookies.
import AccountsSDK from '@livechat/accounts-sdk'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createSdk,
  sdkOptions,
  sweepSdkStorage,
  withoutSdkMessageListener,
} from '../../../src/sdk/accounts-sdk'
import { sandboxConfig } from '../../support/sandbox-config'

function clearCookies() {
  for (const cookie of document.cookie.split('; ')) {
    const name = cookie.split('=')[0]
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

afterEach(() => {
  clearCookies()
  window.history.replaceState(null, '', '/')
})

describe('sdkOptions', () => {
  it('always passes complete transaction and pkce objects (the misspelled key included)', () => {
    const options = sdkOptions(sandboxConfig, {
      responseType: 'code',
      state: 's',
      scopes: ['a:ro', 'b:rw'],
      codeVerifier: 'v',
    })
    expect(options).toMatchObject({
      client_id: sandboxConfig.clientId,
      server_url: sandboxConfig.accountsUrl,
      redirect_uri: sandboxConfig.redirectUri,
      response_type: 'code',
      state: 's',
      scope: 'a:ro,b:rw',
      popup_flow: 'auto',
      prompt: '',
      transaction: {
        namespace: 'com.livechat.accounts',
        key_length: 32,
        force_local_storage: false,
      },
      pkce: {
        enabled: true,
        code_verifier: 'v',
        code_verifier_length: 128,
        code_challange_method: 'S256',
      },
    })
    expect(options).not.toHaveProperty('organization_id')
  })

  it('pins organization_id when configured, and generates a verifier when none is given', () => {
    const options = sdkOptions(
      { ...sandboxConfig, organizationId: 'org-1' },
      { responseType: 'token', state: 's', scopes: [] },
    )
    expect(options.organization_id).toBe('org-1')
    expect(options.pkce?.code_verifier).toMatch(/^[A-Za-z0-9_-]{86}$/)
  })
})

describe('createSdk', () => {
  it('control: the bare SDK sends no state, and the docs’ partial pkce sends an empty challenge', () => {
    const bare = new AccountsSDK({ client_id: sandboxConfig.clientId })
    expect(new URL(bare.authorizeURL({}, 'button')).searchParams.get('state')).toBeNull()
    const partial = new AccountsSDK({
      client_id: sandboxConfig.clientId,
      response_type: 'code',
      pkce: { enabled: true } as never,
    })
    expect(new URL(partial.authorizeURL({}, 'button')).searchParams.get('code_challenge')).toBe('')
  })

  it('ours sends our state, a real challenge, the configured redirect_uri and server_url', () => {
    window.history.replaceState(null, '', '/chats?tab=2#frag')
    const sdk = createSdk(sandboxConfig, {
      responseType: 'code',
      state: 'our-state',
      scopes: ['a:ro'],
      codeVerifier: 'v'.repeat(64),
    })
    const url = new URL(sdk.authorizeURL({}, 'button'))
    expect(`${url.origin}${url.pathname}`).toBe(`${sandboxConfig.accountsUrl}/`)
    expect(url.searchParams.get('state')).toBe('our-state')
    expect(url.searchParams.get('redirect_uri')).toBe(sandboxConfig.redirectUri)
    expect(url.searchParams.get('code_challenge')?.length).toBeGreaterThan(43)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    // The transaction is namespaced as documented (a partial object would key it `undefined…`).
    expect(document.cookie).toContain('com.livechat.accountsour-state=')
  })
})

describe('sweepSdkStorage', () => {
  it('removes the transaction and redirect-params cookies of a state, and the `undefined` ones', () => {
    const sdk = createSdk(sandboxConfig, { responseType: 'code', state: 'sweep-me', scopes: [] })
    sdk.authorizeURL({}, 'button')
    document.cookie = 'com.livechat.accountsundefined=x; path=/'
    document.cookie = 'unrelated=keep; path=/'
    expect(document.cookie).toContain('com.livechat.accountssweep-me=')
    expect(document.cookie).toContain('com.livechat.accountsredirect_uri_paramssweep-me=')
    sweepSdkStorage('sweep-me')
    expect(document.cookie).not.toContain('com.livechat.accounts')
    expect(document.cookie).toContain('unrelated=keep')
  })
})

describe('withoutSdkMessageListener', () => {
  it('holds back message listeners added during the call, lets others through, and restores addEventListener', () => {
    const before = window.addEventListener
    const descriptor = Object.getOwnPropertyDescriptor(window, 'addEventListener')
    const other = () => undefined
    const held = () => undefined
    const { heldBack } = withoutSdkMessageListener(() => {
      window.addEventListener('message', held)
      window.addEventListener('resize', other)
      return Promise.resolve()
    })
    expect(heldBack).toEqual([held])
    expect(window.addEventListener).toBe(before)
    expect(Object.getOwnPropertyDescriptor(window, 'addEventListener')).toEqual(descriptor)
    window.removeEventListener('resize', other)
  })

  it('swallows the SDK promise’s rejection and survives a throwing start', async () => {
    const { settled } = withoutSdkMessageListener(() => Promise.reject(new Error('timeout')))
    await expect(settled).resolves.toBeUndefined()
    const thrown = withoutSdkMessageListener(() => {
      throw new Error('sync')
    })
    await expect(thrown.settled).resolves.toBeUndefined()
  })
})
