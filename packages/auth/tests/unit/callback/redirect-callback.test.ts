// Reading the redirect callback once per page load, before the app renders (SECURITY.md A.1–A.24,
// #21, #22, #65): the SDK's own parser puts the token back into the URL, so the reader strips it
// in the same task.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { savePending, PENDING_KEY, type Pending } from '../../../src/flows/pending-redirect'
import type { RedirectCallbackResult } from '../../../src/callback/callback-result'
import { sandboxConfig } from '../../support/sandbox-config'

const NOW = 1_750_000_000_000
const STATE = 'i8XNjC4b8KVok4uw5RftR38Wgp2BFwql'
const TOKEN = 'dal:test_DQTRHGbZCFkAoss4Q'
const FRAGMENT = `#access_token=${encodeURIComponent(TOKEN)}&token_type=Bearer&expires_in=28800&state=${STATE}`
const HISTORY_STATE = { usr: null, key: 'boot', idx: 0 }

function pending(overrides: Partial<Pending> = {}): Pending {
  return {
    state: STATE,
    flow: 'implicit',
    responseType: 'token',
    returnTo: '/chats',
    scopes: ['chats--access:rw'],
    createdAt: NOW,
    ...overrides,
  }
}

function visit(path: string) {
  window.history.replaceState(HISTORY_STATE, '', path)
}

/** A fresh module, as after a page load: the memo is per page. */
async function freshCallback() {
  vi.resetModules()
  return (await import('../../../src/callback/redirect-callback')).handleRedirectCallback
}

async function consume(now = NOW): Promise<RedirectCallbackResult> {
  return (await freshCallback())(sandboxConfig, now)
}

function kindOf(outcome: RedirectCallbackResult) {
  return outcome.kind === 'error' ? outcome.error.kind : outcome.kind
}

function expectNoAuthInUrl() {
  expect(window.location.href).not.toMatch(/access_token|expires_in|state=|code=|token_type/)
}

beforeEach(() => visit('/'))
afterEach(() => {
  sessionStorage.clear()
  visit('/')
})

describe('no auth answer in the URL', () => {
  it('A.1: a plain load → none, URL untouched', async () => {
    visit('/chats?tab=2')
    expect(await consume()).toEqual({ kind: 'none' })
    expect(window.location.pathname + window.location.search).toBe('/chats?tab=2')
  })

  it('A.2: an app route fragment (#/settings) is not an auth answer and is kept', async () => {
    visit('/#/settings')
    expect(await consume()).toEqual({ kind: 'none' })
    expect(window.location.hash).toBe('#/settings')
  })
})

describe('implicit answer (own parser)', () => {
  it('signs in with the token, strips the fragment from the address bar and history entry, keeps the query', async () => {
    savePending(pending())
    visit(`/app?tab=2${FRAGMENT}`)
    const replace = vi.spyOn(window.history, 'replaceState')
    const outcome = await consume()
    expect(outcome).toEqual({
      kind: 'authorized',
      flow: 'implicit',
      returnTo: '/chats',
      result: { kind: 'token', accessToken: TOKEN, expiresIn: 28800, scopes: null, state: STATE },
    })
    expect(window.location.pathname + window.location.search + window.location.hash).toBe(
      '/app?tab=2',
    )
    expect(replace).toHaveBeenCalledWith(HISTORY_STATE, '', '/app?tab=2')
    expect(window.history.state).toEqual(HISTORY_STATE)
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull()
    replace.mockRestore()
  })

  it('reads and strips in one task: nothing queued by the read sees the answer in the URL', async () => {
    savePending(pending())
    visit(`/${FRAGMENT}`)
    const handleRedirectCallback = await freshCallback()
    const seen: string[] = []
    const remove = Storage.prototype.removeItem
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(function (
      this: Storage,
      key: string,
    ) {
      // The transaction is taken as the answer is read: a microtask runs after that whole task.
      if (key === PENDING_KEY) queueMicrotask(() => seen.push(window.location.href))
      remove.call(this, key)
    })
    expect(kindOf(await handleRedirectCallback(sandboxConfig, NOW))).toBe('authorized')
    expect(seen.length).toBeGreaterThan(0)
    for (const href of seen) expect(href).not.toMatch(/access_token|state=/)
    vi.restoreAllMocks()
  })

  it.each<[string, string, () => void, string]>([
    [
      'A.3: no state',
      '#access_token=dal%3Ax&token_type=Bearer&expires_in=28800',
      () => savePending(pending()),
      'state_mismatch',
    ],
    ['A.4: no pending transaction (unsolicited link)', FRAGMENT, () => undefined, 'state_mismatch'],
    [
      'A.5: state differs by one character',
      FRAGMENT.replace(/.$/, 'X'),
      () => savePending(pending()),
      'state_mismatch',
    ],
    [
      'A.6: state=A&state=A',
      `${FRAGMENT}&state=${STATE}`,
      () => savePending(pending()),
      'malformed_response',
    ],
    [
      'A.8: state[]=A',
      FRAGMENT.replace('state=', 'state[]='),
      () => savePending(pending()),
      'malformed_response',
    ],
    [
      'A.9: state=__proto__',
      FRAGMENT.replace(STATE, '__proto__'),
      () => savePending(pending()),
      'state_mismatch',
    ],
    [
      'A.10: empty state, empty pending state',
      FRAGMENT.replace(STATE, ''),
      () => savePending(pending({ state: '' })),
      'state_mismatch',
    ],
    [
      'A.11: an error answer with our state',
      `#error=access_denied&error_description=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&state=${STATE}`,
      () => savePending(pending()),
      'access_denied',
    ],
    [
      'A.11: an error answer without state',
      '#error=access_denied',
      () => savePending(pending()),
      'state_mismatch',
    ],
    [
      'A.14: malformed percent-encoding',
      `${FRAGMENT}&x=%E0%A4%A`,
      () => savePending(pending()),
      'malformed_response',
    ],
    [
      'A.16: expires_in=1e3',
      FRAGMENT.replace('28800', '1e3'),
      () => savePending(pending()),
      'malformed_response',
    ],
    [
      'A.23: transaction older than 10 minutes',
      FRAGMENT,
      () => savePending(pending({ createdAt: NOW - 11 * 60_000 })),
      'timeout',
    ],
    [
      'a code flow answered with a fragment',
      FRAGMENT,
      () => savePending(pending({ responseType: 'code', flow: 'redirect', codeVerifier: 'v' })),
      'state_mismatch',
    ],
  ])('%s → %s, URL stripped, transaction gone', async (_name, hash, arrange, kind) => {
    arrange()
    visit(`/${hash}`)
    const outcome = await consume()
    expect(kindOf(outcome)).toBe(kind)
    expectNoAuthInUrl()
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull()
  })

  it('an error keeps the sanitized return path, so a retry can go back there', async () => {
    savePending(pending({ returnTo: '//evil.example' }))
    visit(`/${FRAGMENT.replace(/.$/, 'X')}`)
    expect(await consume()).toMatchObject({ kind: 'error', returnTo: '/' })
  })

  it('A.15: a huge fragment is refused quickly and stripped', async () => {
    // 256 KB: jsdom's own URL handling is slow with more; fragment.test.ts times 2 MB in the parser.
    savePending(pending())
    visit(
      `/#access_token=dal:${'a'.repeat(256 * 1024)}&token_type=Bearer&expires_in=1&state=${STATE}`,
    )
    const started = performance.now()
    const outcome = await consume()
    expect(performance.now() - started).toBeLessThan(500)
    expect(kindOf(outcome)).toBe('malformed_response')
    expectNoAuthInUrl()
  })

  it('A.9: prototype keys pollute nothing', async () => {
    savePending(pending())
    visit(`/${FRAGMENT}&__proto__[polluted]=1&constructor[prototype][polluted]=1`)
    await consume()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('SDK redirect answer', () => {
  it('token: the SDK parses, our state check decides, and the token the SDK wrote back is stripped again', async () => {
    savePending(pending({ flow: 'redirect' }))
    visit(`/app${FRAGMENT}`)
    const urls: string[] = []
    const replace = vi.spyOn(window.history, 'replaceState').mockImplementation(function (
      this: History,
      ...args
    ) {
      urls.push(String(args[2]))
      return History.prototype.replaceState.apply(this, args)
    })
    const outcome = await consume()
    expect(outcome).toMatchObject({
      kind: 'authorized',
      flow: 'redirect',
      result: { kind: 'token', accessToken: TOKEN },
    })
    // The SDK's retrieve() put the token back (first call); ours removed it (last call).
    expect(urls[0]).toContain('access_token=')
    expect(urls.at(-1)).toBe('/app')
    expectNoAuthInUrl()
    expect(window.history.state).toEqual(HISTORY_STATE)
    replace.mockRestore()
  })

  it('code: the code and our stored verifier come back; the app’s own query stays', async () => {
    savePending(pending({ flow: 'redirect', responseType: 'code', codeVerifier: 'v'.repeat(86) }))
    visit(`/?tab=1&code=dal%3Atest_tnlRmy73mg9eaFESA&state=${STATE}`)
    const outcome = await consume()
    expect(outcome).toEqual({
      kind: 'authorized',
      flow: 'redirect',
      returnTo: '/chats',
      result: {
        kind: 'code',
        code: 'dal:test_tnlRmy73mg9eaFESA',
        codeVerifier: 'v'.repeat(86),
        state: STATE,
      },
    })
    expect(window.location.pathname + window.location.search).toBe('/?tab=1')
    expect(window.location.hash).toBe('')
  })

  it('code: the docs’ empty state= is refused (never SDK verify(), which passes it)', async () => {
    savePending(pending({ flow: 'redirect', responseType: 'code', codeVerifier: 'v' }))
    visit('/?code=dal%3Ac&state=')
    expect(kindOf(await consume())).toBe('state_mismatch')
    expectNoAuthInUrl()
  })

  it('code: a duplicated code (which qs turns into an array) is refused', async () => {
    savePending(pending({ flow: 'redirect', responseType: 'code', codeVerifier: 'v' }))
    visit(`/?code=dal%3Aa&code=dal%3Ab&state=${STATE}`)
    expect(kindOf(await consume())).toBe('malformed_response')
    expectNoAuthInUrl()
  })

  it('leaves none of the SDK’s cookies behind', async () => {
    savePending(pending({ flow: 'redirect' }))
    document.cookie = `com.livechat.accountsredirect_uri_params${STATE}=${encodeURIComponent('{"query_params":{},"hash_params":{}}')}; path=/`
    visit(`/${FRAGMENT}`)
    await consume()
    expect(document.cookie).not.toContain('com.livechat.accounts')
  })
})

describe('the reader is loaded only with an answer (issue 7: nothing of it in the first bundle)', () => {
  it('an answer whose reader could not be loaded is refused, and the URL is stripped all the same', async () => {
    savePending(pending())
    visit(`/${FRAGMENT}`)
    vi.resetModules()
    vi.doMock('../../../src/callback/callback-reader', () => {
      throw new Error('offline')
    })
    const { handleRedirectCallback } = await import('../../../src/callback/redirect-callback')
    const outcome = await handleRedirectCallback(sandboxConfig, NOW)
    vi.doUnmock('../../../src/callback/callback-reader')
    expect(kindOf(outcome)).toBe('network')
    expectNoAuthInUrl()
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull()
  })
})

describe('an answer pasted into a running page (#21/#22)', () => {
  it('only the fragment changes, so nothing reads it: it is stripped from the address bar', async () => {
    visit('/team?tab=2')
    // Reading the (empty) callback at startup starts watching for late answers.
    expect(await consume()).toEqual({ kind: 'none' })
    window.location.hash = FRAGMENT.slice(1)
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expectNoAuthInUrl()
    expect(window.location.pathname + window.location.search).toBe('/team?tab=2')
  })
})

describe('exactly once (#65; A.21 replay)', () => {
  it('#65: a StrictMode-style second call returns the same promise and consumes the transaction once', async () => {
    savePending(pending())
    visit(`/${FRAGMENT}`)
    const handleRedirectCallback = await freshCallback()
    const reads = vi.spyOn(Storage.prototype, 'getItem')
    const first = handleRedirectCallback(sandboxConfig, NOW)
    const second = handleRedirectCallback(sandboxConfig, NOW)
    expect(second).toBe(first)
    expect(kindOf(await first)).toBe('authorized')
    expect(kindOf(await second)).toBe('authorized')
    expect(reads.mock.calls.filter(([key]) => key === PENDING_KEY)).toHaveLength(1)
    reads.mockRestore()
  })

  it('#21 #22: the same answer loaded again (Back, bookmark, shared link) is refused: the state was used', async () => {
    savePending(pending())
    visit(`/${FRAGMENT}`)
    expect(kindOf(await consume())).toBe('authorized')
    visit(`/${FRAGMENT}`)
    expect(kindOf(await consume())).toBe('state_mismatch')
    expectNoAuthInUrl()
  })
})
