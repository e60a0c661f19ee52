// The popup watchdog the SDK lacks (docs/livechat-notes.md#the-sdk-popup; SECURITY.md #28–#39).
import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import AccountsSDK from '@livechat/accounts-sdk'
import { AuthError, type AuthErrorKind } from '../../../src/errors/auth-error'
import {
  POPUP_NAME,
  startPopupSignIn,
  type AuthorizeResult,
  type PopupSignIn,
} from '../../../src/flows/popup-flow'
import { fakePopup, trackMessageListeners, type FakePopup } from '../../support/fake-popup'
import { sandboxConfig } from '../../support/sandbox-config'

const ORIGIN = sandboxConfig.accountsUrl

function clearCookies() {
  for (const cookie of document.cookie.split('; ')) {
    const name = cookie.split('=')[0]
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

let popup: FakePopup
let open: ReturnType<typeof vi.spyOn>
/** `message` listeners currently attached to window, whoever attached them. */
let messageListeners: Set<unknown>

function post(
  data: unknown,
  { origin = ORIGIN, source = popup as unknown }: { origin?: string; source?: unknown } = {},
) {
  const event = new MessageEvent('message', { data, origin })
  // jsdom only accepts real windows as `source`; the fake popup stands in for one.
  Object.defineProperty(event, 'source', { value: source })
  window.dispatchEvent(event)
}

function success(state: string, extra: Record<string, unknown> = {}) {
  return {
    state,
    data: {
      access_token: 'dal:test_DQTRHGbZCFkAoss4Q',
      token_type: 'Bearer',
      expires_in: 28800,
      scopes: ['chats--access:rw', 'agents--my:rw'],
      account_id: 'acc',
      organization_id: 'org',
      client_id: sandboxConfig.clientId,
      ...extra,
    },
  }
}

type Outcome = { result: AuthorizeResult } | { error: AuthError } | 'pending'

function watch(signIn: PopupSignIn) {
  const outcome: { current: Outcome; settlements: number } = { current: 'pending', settlements: 0 }
  signIn.result.then(
    (result) => {
      outcome.current = { result }
      outcome.settlements += 1
    },
    (error: AuthError) => {
      outcome.current = { error }
      outcome.settlements += 1
    },
  )
  return outcome
}

function kindOf(outcome: { current: Outcome }): AuthErrorKind | 'result' | 'pending' {
  if (outcome.current === 'pending') return 'pending'
  return 'result' in outcome.current ? 'result' : outcome.current.error.kind
}

async function flush() {
  await vi.advanceTimersByTimeAsync(0)
}

/** Starts a sign-in and waits until the lazily loaded SDK has been handed the window. */
async function start(overrides: Partial<Parameters<typeof startPopupSignIn>[1]> = {}) {
  const signIn = startPopupSignIn(sandboxConfig, {
    responseType: 'token',
    popupFlow: 'auto',
    scopes: sandboxConfig.scopes,
    ...overrides,
  })
  await signIn.ready
  return signIn
}

beforeEach(() => {
  vi.useFakeTimers()
  popup = fakePopup()
  open = vi.spyOn(window, 'open').mockImplementation(() => popup as unknown as Window)
  messageListeners = trackMessageListeners()
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  clearCookies()
})

describe('opening the window', () => {
  it('opens the named window synchronously, then lets the SDK navigate that same window to its URL', async () => {
    const signIn = await start()
    expect(open).toHaveBeenCalledTimes(2)
    expect(open.mock.calls[0]?.[0]).toBe('')
    expect(open.mock.calls[0]?.[1]).toBe(POPUP_NAME)
    const [url, name] = open.mock.calls[1] as [string, string]
    expect(name).toBe(POPUP_NAME)
    const authorize = new URL(url)
    expect(authorize.origin).toBe(ORIGIN)
    expect(authorize.searchParams.get('state')).toBe(signIn.state)
    expect(authorize.searchParams.get('flow')).toBe('button')
    expect(authorize.searchParams.get('redirect_uri')).toBe(sandboxConfig.redirectUri)
    expect(authorize.searchParams.get('scope')).toBe(sandboxConfig.scopes.join(','))
    expect(authorize.searchParams.get('response_type')).toBe('token')
    signIn.cancel()
    signIn.result.catch(() => undefined)
  })

  it('manual mode loads /signin, and prompt=consent is passed on', async () => {
    const signIn = await start({ popupFlow: 'manual', prompt: 'consent' })
    const authorize = new URL(open.mock.calls[1]?.[0] as string)
    expect(authorize.pathname).toBe('/signin')
    expect(authorize.searchParams.get('prompt')).toBe('consent')
    signIn.cancel()
    signIn.result.catch(() => undefined)
  })

  it('still reaches our window when the SDK waits for requestStorageAccess first', async () => {
    Object.defineProperty(document, 'requestStorageAccess', {
      value: () => Promise.resolve(),
      configurable: true,
    })
    try {
      const signIn = await start()
      await flush()
      expect(open).toHaveBeenCalledTimes(2)
      expect(open.mock.calls[1]?.[1]).toBe(POPUP_NAME)
      signIn.cancel()
      signIn.result.catch(() => undefined)
    } finally {
      delete (document as { requestStorageAccess?: unknown }).requestStorageAccess
    }
  })

  it('B.35: a blocked popup (window.open → null) rejects at once with popup_blocked', async () => {
    open.mockImplementation(() => null)
    const outcome = watch(await start())
    await flush()
    expect(kindOf(outcome)).toBe('popup_blocked')
    expect(messageListeners.size).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a window.open that throws counts as blocked', async () => {
    open.mockImplementation(() => {
      throw new Error('sandboxed')
    })
    const outcome = watch(await start())
    await flush()
    expect(kindOf(outcome)).toBe('popup_blocked')
  })
})

describe('the answer', () => {
  it('resolves a token answer from our window with our state', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    post(success(signIn.state))
    await flush()
    expect(outcome.current).toEqual({
      result: {
        kind: 'token',
        accessToken: 'dal:test_DQTRHGbZCFkAoss4Q',
        expiresIn: 28800,
        scopes: ['chats--access:rw', 'agents--my:rw'],
        state: signIn.state,
      },
    })
    expect(popup.close).toHaveBeenCalled()
  })

  it('accepts the state echoed inside data only (where LiveChat puts it is not documented)', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    const message = success(signIn.state, { state: signIn.state }) as { state?: string }
    delete message.state
    post(message)
    await flush()
    expect(kindOf(outcome)).toBe('result')
  })

  it('a code answer carries our PKCE verifier, the one the SDK derived its challenge from', async () => {
    const signIn = await start({ responseType: 'code' })
    const outcome = watch(signIn)
    const authorize = new URL(open.mock.calls[1]?.[0] as string)
    post({ state: signIn.state, data: { code: 'dal:test_tnlRmy73mg9eaFESA' } })
    await flush()
    expect(outcome.current).not.toBe('pending')
    const result = (outcome.current as { result: AuthorizeResult }).result
    expect(result.kind).toBe('code')
    if (result.kind !== 'code') return
    expect(result.code).toBe('dal:test_tnlRmy73mg9eaFESA')
    expect(result.codeVerifier).toMatch(/^[A-Za-z0-9_-]{86}$/)
    // The SDK's S256: base64url of the digest's eight big-endian int32 words joined by commas.
    const digest = createHash('sha256').update(result.codeVerifier).digest()
    const words = Array.from({ length: 8 }, (_, i) => digest.readInt32BE(i * 4)).join(',')
    expect(authorize.searchParams.get('code_challenge')).toBe(
      Buffer.from(words).toString('base64url'),
    )
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
  })

  it('B.32: an error from our window ends the flow with its kind, no automatic retry', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    post({ state: signIn.state, error: { oauth_exception: 'access_denied' } })
    await flush()
    expect(kindOf(outcome)).toBe('access_denied')
    expect(open).toHaveBeenCalledTimes(2)
  })

  it('invalid_scope (a normal agent asking for admin scopes) keeps its kind', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    post({ state: signIn.state, error: { oauth_exception: 'invalid_scope' } })
    await flush()
    expect(kindOf(outcome)).toBe('invalid_scope')
  })

  it('an error without a state from our own window is believed (it can only stop the flow)', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    post({ error: { oauth_exception: 'invalid_request' } })
    await flush()
    expect(kindOf(outcome)).toBe('domain_not_allowed')
  })

  it('B.31: a wrong state ends the flow with state_mismatch, closes the window, removes the listener', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    post(success(`${signIn.state.slice(0, -1)}x`))
    await flush()
    expect(kindOf(outcome)).toBe('state_mismatch')
    expect(popup.close).toHaveBeenCalled()
    expect(messageListeners.size).toBe(0)
  })

  it.each([
    ['no state at all', (state: string) => ({ data: success(state).data })],
    ['different outer and inner states', (state: string) => success(state, { state: 'other' })],
    [
      'an error with another state',
      () => ({ state: 'other', error: { oauth_exception: 'access_denied' } }),
    ],
  ])('%s → state_mismatch', async (_name, build) => {
    const signIn = await start()
    const outcome = watch(signIn)
    post(build(signIn.state))
    await flush()
    expect(kindOf(outcome)).toBe('state_mismatch')
  })

  it.each([
    ['a token with a space', { access_token: 'dal:a b' }],
    ['expires_in of 0', { expires_in: 0 }],
    ['expires_in of "abc"', { expires_in: 'abc' }],
    ['token_type mac', { token_type: 'mac' }],
    ['scopes with a newline', { scopes: ['a:ro\nb:ro'] }],
  ])('our window and state but %s → malformed_response', async (_name, extra) => {
    const signIn = await start()
    const outcome = watch(signIn)
    post(success(signIn.state, extra))
    await flush()
    expect(kindOf(outcome)).toBe('malformed_response')
  })

  it('B.28: a success message from each wrong origin is ignored and the flow stays pending', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    for (const origin of [
      'https://evil.example',
      'http://localhost:4010.evil.example',
      'http://evillocalhost:4010',
      'https://localhost:4010',
      'http://localhost:4011',
      'http://127.0.0.1:4010',
      'null',
      `${ORIGIN}/`,
    ]) {
      post(success(signIn.state), { origin })
    }
    await flush()
    expect(kindOf(outcome)).toBe('pending')
    // The real answer still gets through afterwards.
    post(success(signIn.state))
    await flush()
    expect(kindOf(outcome)).toBe('result')
  })

  it('B.29: the right origin from a window that is not our popup is ignored', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    post(success(signIn.state), { source: window })
    post(success(signIn.state), { source: null })
    post(success(signIn.state), { source: fakePopup() })
    await flush()
    expect(kindOf(outcome)).toBe('pending')
    signIn.cancel()
  })

  it('B.30: malformed data is ignored without throwing, and the flow stays pending', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    const throwing = Object.defineProperty({}, 'data', {
      get() {
        throw new Error('getter')
      },
    })
    const throwingInner = {
      state: signIn.state,
      data: Object.defineProperty({}, 'access_token', {
        get() {
          throw new Error('getter')
        },
      }),
    }
    const huge = { state: signIn.state, data: { blob: 'x'.repeat(5 * 1024 * 1024) } }
    const errors: unknown[] = []
    const onError = (event: ErrorEvent) => errors.push(event.error)
    window.addEventListener('error', onError)
    for (const data of [
      null,
      undefined,
      'string',
      JSON.stringify(success(signIn.state)),
      42,
      [],
      {},
      { data: 'x' },
      { data: { access_token: 123 } },
      { error: {} },
      { error: 'access_denied' },
      { data: null, error: null },
      huge,
      throwing,
      throwingInner,
    ]) {
      expect(() => post(data)).not.toThrow()
    }
    window.removeEventListener('error', onError)
    await flush()
    expect(errors).toEqual([])
    expect(kindOf(outcome)).toBe('pending')
    signIn.cancel()
  })

  it('B.33: the same success posted twice settles once; the second is ignored', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    post(success(signIn.state))
    post(success(signIn.state, { access_token: 'dal:second' }))
    await flush()
    expect(outcome.settlements).toBe(1)
    expect((outcome.current as { result: { accessToken: string } }).result.accessToken).toBe(
      'dal:test_DQTRHGbZCFkAoss4Q',
    )
  })
})

describe('the watchdog', () => {
  it('B.36: closing the popup rejects with popup_closed within about a second, and cleans up', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    await vi.advanceTimersByTimeAsync(3000)
    expect(kindOf(outcome)).toBe('pending')
    popup.closed = true
    await vi.advanceTimersByTimeAsync(1000)
    expect(kindOf(outcome)).toBe('popup_closed')
    expect(messageListeners.size).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    void signIn
  })

  it('an answer posted just before the window closed still wins over popup_closed', async () => {
    const signIn = await start({ closedPollMs: 100 })
    const outcome = watch(signIn)
    popup.closed = true
    await vi.advanceTimersByTimeAsync(100)
    post(success(signIn.state))
    await vi.advanceTimersByTimeAsync(1000)
    expect(kindOf(outcome)).toBe('result')
  })

  it('B.37: no answer → timeout, and the popup is closed', async () => {
    const signIn = await start({ timeoutMs: 120_000 })
    const outcome = watch(signIn)
    await vi.advanceTimersByTimeAsync(119_000)
    expect(kindOf(outcome)).toBe('pending')
    await vi.advanceTimersByTimeAsync(1_000)
    expect(kindOf(outcome)).toBe('timeout')
    expect(popup.close).toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
    expect(messageListeners.size).toBe(0)
    void signIn
  })

  it('B.34: a success arriving after cancel is ignored; the result stays the cancellation', async () => {
    const signIn = await start()
    const outcome = watch(signIn)
    signIn.cancel()
    post(success(signIn.state))
    await flush()
    expect(kindOf(outcome)).toBe('popup_closed')
    expect(outcome.settlements).toBe(1)
    expect(popup.close).toHaveBeenCalled()
    expect(messageListeners.size).toBe(0)
  })

  it('B.34: a success arriving after the timeout is ignored', async () => {
    const signIn = await start({ timeoutMs: 1000 })
    const outcome = watch(signIn)
    await vi.advanceTimersByTimeAsync(1000)
    post(success(signIn.state))
    await flush()
    expect(kindOf(outcome)).toBe('timeout')
    expect(outcome.settlements).toBe(1)
  })

  it('focus() brings the open window to the front (B.38 second click)', async () => {
    const signIn = await start()
    signIn.focus()
    expect(popup.focus).toHaveBeenCalledTimes(1)
    signIn.cancel()
    signIn.result.catch(() => undefined)
  })
})

describe("the SDK's own listener (it leaks)", () => {
  it('control: the raw SDK popup leaves a message listener behind when nothing answers', () => {
    const sdk = new AccountsSDK({
      client_id: sandboxConfig.clientId,
      server_url: ORIGIN,
      state: 'x',
    })
    void sdk.popup().authorize()
    expect(messageListeners.size).toBe(1)
  })

  it('#66: ours attaches exactly one listener (never the SDK’s) and removes it on every outcome', async () => {
    const signIn = await start()
    expect(messageListeners.size).toBe(1)
    const outcome = watch(signIn)
    post(success(signIn.state))
    await flush()
    expect(kindOf(outcome)).toBe('result')
    expect(messageListeners.size).toBe(0)

    const blocked = await start()
    blocked.cancel()
    blocked.result.catch(() => undefined)
    expect(messageListeners.size).toBe(0)
  })

  it('#30: a null-data message from the accounts origin throws nowhere (the SDK’s listener would)', async () => {
    const signIn = await start()
    const errors: unknown[] = []
    const onError = (event: ErrorEvent) => errors.push(event.error)
    window.addEventListener('error', onError)
    post(null)
    window.removeEventListener('error', onError)
    expect(errors).toEqual([])
    signIn.cancel()
    signIn.result.catch(() => undefined)
  })

  it('window.addEventListener is back to normal after the flow started', async () => {
    const before = window.addEventListener
    const signIn = await start()
    expect(window.addEventListener).toBe(before)
    signIn.cancel()
    signIn.result.catch(() => undefined)
  })
})

describe('cleanup', () => {
  it('control: the raw SDK leaves its transaction and redirect-params cookies behind', () => {
    const sdk = new AccountsSDK({
      client_id: sandboxConfig.clientId,
      server_url: ORIGIN,
      state: 'control-state',
    })
    void sdk.popup().authorize()
    expect(document.cookie).toContain('com.livechat.accountscontrol-state=')
    expect(document.cookie).toContain('com.livechat.accountsredirect_uri_paramscontrol-state=')
  })

  it('leaves none of the SDK’s cookies behind, while pending and after the answer', async () => {
    const signIn = await start({ responseType: 'code' })
    expect(document.cookie).not.toContain('com.livechat.accounts')
    post({ state: signIn.state, data: { code: 'dal:c' } })
    await flush()
    expect(document.cookie).not.toContain('com.livechat.accounts')
  })

  it('each sign-in has its own 43-character state', async () => {
    const a = await start()
    const b = await start()
    expect(a.state).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(a.state).not.toBe(b.state)
    for (const s of [a, b]) {
      s.cancel()
      s.result.catch(() => undefined)
    }
  })
})

describe('two sign-ins at once', () => {
  it('#39: two sign-ins at once each accept only their own answer', async () => {
    // Each sign-in opens a fresh blank window; the SDK then navigates the window of that name.
    const windows: FakePopup[] = []
    open.mockImplementation((url?: string | URL) => {
      if (url === '' || windows.length === 0) windows.push(fakePopup())
      return windows[windows.length - 1] as unknown as Window
    })
    const options = { responseType: 'token', popupFlow: 'auto', scopes: ['chats--access:rw'] }
    const a = startPopupSignIn(sandboxConfig, options as Parameters<typeof startPopupSignIn>[1])
    const b = startPopupSignIn(sandboxConfig, options as Parameters<typeof startPopupSignIn>[1])
    await Promise.all([a.ready, b.ready])
    const [windowA, windowB] = windows as [FakePopup, FakePopup]
    expect(a.state).not.toBe(b.state)
    const outcomeA = watch(a)
    const outcomeB = watch(b)

    // A's answer reaching B's flow (through B's window) completes nothing: B refuses it.
    post(success(a.state), { source: windowB })
    await flush()
    expect(kindOf(outcomeB)).toBe('state_mismatch')
    expect(kindOf(outcomeA)).toBe('pending')

    post(success(a.state), { source: windowA })
    await flush()
    expect(kindOf(outcomeA)).toBe('result')
    expect(kindOf(outcomeB)).toBe('state_mismatch')
    expect(messageListeners.size).toBe(0)
  })
})
