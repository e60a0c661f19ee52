// The silent iframe flow (docs/livechat-notes.md#the-sdk-iframe): our state and listener,
// "no session" as null, nothing left behind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuthorizeResult } from '../../../src/protocol/authorize-result'
import { trySilentSignIn } from '../../../src/flows/silent-flow'
import { sdkS256Challenge } from '../../../../sandbox/src/accounts/pkce'
import { sandboxConfig } from '../../support/sandbox-config'

const ORIGIN = sandboxConfig.accountsUrl

function silentFrames(): HTMLIFrameElement[] {
  return [...document.querySelectorAll('iframe')]
}

function lastFrame() {
  const frame = silentFrames().at(-1)
  if (!frame) throw new Error('no iframe')
  return {
    frame,
    state: new URL(frame.src).searchParams.get('state') ?? '',
    source: frame.contentWindow,
  }
}

function post(data: unknown, source: unknown, origin = ORIGIN) {
  const event = new MessageEvent('message', { data, origin })
  Object.defineProperty(event, 'source', { value: source })
  window.dispatchEvent(event)
}

function token(state: string) {
  return {
    state,
    data: {
      access_token: 'dal:silent',
      token_type: 'Bearer',
      expires_in: 28800,
      scopes: ['chats--access:rw'],
    },
  }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  for (const frame of silentFrames()) frame.remove()
})

describe('trySilentSignIn', () => {
  it('loads the authorize URL (flow=button, our state) in a hidden, labelled iframe', () => {
    const attempt = trySilentSignIn(sandboxConfig, { responseType: 'token' })
    const { frame, state } = lastFrame()
    const url = new URL(frame.src)
    expect(url.origin).toBe(ORIGIN)
    expect(url.searchParams.get('flow')).toBe('button')
    expect(url.searchParams.get('response_type')).toBe('token')
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(frame.getAttribute('aria-hidden')).toBe('true')
    expect(frame.title).not.toBe('')
    attempt.catch(() => undefined)
  })

  it('resolves the token posted by its own iframe with its state, then removes the iframe', async () => {
    const attempt = trySilentSignIn(sandboxConfig, { responseType: 'token' })
    const { state, source } = lastFrame()
    post(token(state), source)
    const expected: AuthorizeResult = {
      kind: 'token',
      accessToken: 'dal:silent',
      expiresIn: 28800,
      scopes: ['chats--access:rw'],
      state,
    }
    await expect(attempt).resolves.toEqual(expected)
    expect(silentFrames()).toHaveLength(0)
    expect(document.cookie).not.toContain('com.livechat.accounts')
  })

  it('code: sends the challenge the SDK would send, and resolves the code with its verifier', async () => {
    const attempt = trySilentSignIn(sandboxConfig, { responseType: 'code' })
    // The S256 challenge is hashed first (SubtleCrypto is asynchronous).
    await vi.waitUntil(() => silentFrames().length > 0)
    const { frame, state, source } = lastFrame()
    const url = new URL(frame.src)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    post({ state, data: { code: 'dal:silentcode' } }, source)
    const result = await attempt
    expect(result).toMatchObject({ kind: 'code', code: 'dal:silentcode', state })
    const verifier = result?.kind === 'code' ? result.codeVerifier : ''
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{86}$/)
    expect(url.searchParams.get('code_challenge')).toBe(sdkS256Challenge(verifier))
  })

  it('no LiveChat session (identity_exception unauthorized, posted without state) → null', async () => {
    const attempt = trySilentSignIn(sandboxConfig, { responseType: 'token' })
    post({ error: { identity_exception: 'unauthorized' } }, lastFrame().source)
    await expect(attempt).resolves.toBeNull()
    expect(silentFrames()).toHaveLength(0)
  })

  it('a silent server → null after the timeout, iframe removed', async () => {
    const attempt = trySilentSignIn(sandboxConfig, { responseType: 'token', timeoutMs: 5000 })
    let settled: unknown = 'pending'
    attempt.then((value) => (settled = value))
    await vi.advanceTimersByTimeAsync(4999)
    expect(settled).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toBeNull()
    expect(silentFrames()).toHaveLength(0)
  })

  it('a wrong state rejects with state_mismatch', async () => {
    const attempt = trySilentSignIn(sandboxConfig, { responseType: 'token' })
    post(token('someone-else'), lastFrame().source)
    await expect(attempt).rejects.toMatchObject({ kind: 'state_mismatch' })
  })

  it('other errors are real errors (e.g. invalid_scope)', async () => {
    const attempt = trySilentSignIn(sandboxConfig, { responseType: 'token' })
    const { state, source } = lastFrame()
    post({ state, error: { oauth_exception: 'invalid_scope' } }, source)
    await expect(attempt).rejects.toMatchObject({ kind: 'invalid_scope' })
  })

  it('ignores other windows and origins (a popup’s answer, a foreign page)', async () => {
    const attempt = trySilentSignIn(sandboxConfig, { responseType: 'token', timeoutMs: 1000 })
    const { state, source } = lastFrame()
    post(token(state), window)
    post(token(state), source, 'https://evil.example')
    let settled: unknown = 'pending'
    attempt.then((value) => (settled = value))
    await vi.advanceTimersByTimeAsync(10)
    expect(settled).toBe('pending')
    await vi.advanceTimersByTimeAsync(1000)
    expect(settled).toBeNull()
  })

  it('a later attempt’s iframe lives until its own timeout, whatever the earlier one did', async () => {
    const first = trySilentSignIn(sandboxConfig, { responseType: 'token' })
    post({ error: { identity_exception: 'unauthorized' } }, lastFrame().source)
    await first
    const second = trySilentSignIn(sandboxConfig, { responseType: 'token', timeoutMs: 9000 })
    const { frame } = lastFrame()
    await vi.advanceTimersByTimeAsync(6000)
    expect(frame.isConnected).toBe(true)
    await vi.advanceTimersByTimeAsync(3000)
    await expect(second).resolves.toBeNull()
    expect(frame.isConnected).toBe(false)
  })
})
