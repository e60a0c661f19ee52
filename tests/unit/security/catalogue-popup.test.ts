// security-catalogue.md §5 B #39 and D #66: concurrent popup sign-ins stay apart, and the auth
// provider going away mid-popup leaves nothing behind (livechat-auth-protocol.md §4.1–§4.3).
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuthError } from '../../../src/auth/errors/auth-error'
import { startPopupSignIn, type PopupSignIn } from '../../../src/auth/flows/popup-flow'
import { sandboxConfig } from '../../support/app-config'
import { renderApp } from '../../support/render-app'

interface FakePopup {
  closed: boolean
  close: () => void
  focus: () => void
}

function fakePopup(): FakePopup {
  const popup: FakePopup = {
    closed: false,
    close: vi.fn(() => {
      popup.closed = true
    }),
    focus: vi.fn(),
  }
  return popup
}

/**
 * Each sign-in opens a fresh blank window (`window.open('', name)`); the SDK then navigates the
 * window of that name, which in a browser is the same one.
 */
function stubWindowOpen(): FakePopup[] {
  const opened: FakePopup[] = []
  vi.spyOn(window, 'open').mockImplementation((url) => {
    if (url === '' || opened.length === 0) opened.push(fakePopup())
    return opened[opened.length - 1] as unknown as Window
  })
  return opened
}

/** `message` listeners currently attached to window, whoever attached them. */
let messageListeners: Set<unknown>

beforeEach(() => {
  messageListeners = new Set()
  const add = window.addEventListener.bind(window)
  const remove = window.removeEventListener.bind(window)
  vi.spyOn(window, 'addEventListener').mockImplementation((type, listener, options) => {
    if (type === 'message') messageListeners.add(listener)
    add(type, listener, options)
  })
  vi.spyOn(window, 'removeEventListener').mockImplementation((type, listener, options) => {
    if (type === 'message') messageListeners.delete(listener)
    remove(type, listener, options)
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  for (const cookie of document.cookie.split('; ')) {
    const name = cookie.split('=')[0]
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
})

function post(state: string, source: FakePopup) {
  const event = new MessageEvent('message', {
    origin: sandboxConfig.accountsUrl,
    data: {
      state,
      data: {
        access_token: 'dal:test_DQTRHGbZCFkAoss4Q',
        token_type: 'Bearer',
        expires_in: 28800,
        scopes: ['chats--access:rw'],
        client_id: sandboxConfig.clientId,
      },
    },
  })
  // jsdom only accepts real windows as `source`; the fake popup stands in for one.
  Object.defineProperty(event, 'source', { value: source })
  window.dispatchEvent(event)
}

function settled(signIn: PopupSignIn) {
  const outcome: { value: 'pending' | 'signed-in' | string } = { value: 'pending' }
  signIn.result.then(
    () => (outcome.value = 'signed-in'),
    (error: AuthError) => (outcome.value = error.kind),
  )
  return outcome
}

describe('two sign-ins at once (catalogue B)', () => {
  it('#39: two sign-ins at once each accept only their own answer', async () => {
    const opened = stubWindowOpen()
    const options = { responseType: 'token', popupFlow: 'auto', scopes: ['chats--access:rw'] }
    const a = startPopupSignIn(sandboxConfig, options as Parameters<typeof startPopupSignIn>[1])
    const b = startPopupSignIn(sandboxConfig, options as Parameters<typeof startPopupSignIn>[1])
    await Promise.all([a.ready, b.ready])
    const [windowA, windowB] = opened as [FakePopup, FakePopup]
    expect(a.state).not.toBe(b.state)
    const outcomeA = settled(a)
    const outcomeB = settled(b)

    // A's answer reaching B's flow (through B's window) completes nothing: B refuses it.
    post(a.state, windowB)
    await waitFor(() => expect(outcomeB.value).toBe('state_mismatch'))
    expect(outcomeA.value).toBe('pending')

    post(a.state, windowA)
    await waitFor(() => expect(outcomeA.value).toBe('signed-in'))
    expect(outcomeB.value).toBe('state_mismatch')
    expect(messageListeners.size).toBe(0)
  })
})

describe('the provider going away mid-popup (catalogue D)', () => {
  it('#66: unmounting the app during a pending popup closes it and leaves no listener; a remount starts clean', async () => {
    const opened = stubWindowOpen()

    const app = renderApp({ route: '/sign-in' })
    await userEvent.click(
      await screen.findByRole('button', { name: /popup/i }, { timeout: 10_000 }),
    )
    await waitFor(() => expect(messageListeners.size).toBe(1), { timeout: 10_000 })
    const first = opened[0] as FakePopup
    app.unmount()
    expect(first.close).toHaveBeenCalled()
    expect(messageListeners.size).toBe(0)

    renderApp({ route: '/sign-in' })
    await userEvent.click(
      await screen.findByRole('button', { name: /popup/i }, { timeout: 10_000 }),
    )
    await waitFor(() => expect(messageListeners.size).toBe(1), { timeout: 10_000 })
    expect(opened).toHaveLength(2)
    // A late answer to the first, abandoned flow signs nobody in.
    post('stale-state', first)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument()
    expect(messageListeners.size).toBe(1)
  })
})
