// security-catalogue.md §5 C #59 and D #62, #64: what other tabs, a sleeping laptop and the
// back/forward cache can and cannot do to a session. Real providers through render-app.
import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openAuthChannel } from '../../../src/auth/session/auth-channel'
import { renderApp } from '../../support/render-app'
import { sandbox } from '../../support/sandbox-msw'

// The channel's name is part of the contract between tabs of every deployed version.
const CHANNEL = 'livechat-auth'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('the sign-out channel between tabs (catalogue D)', () => {
  it('#62: messages of unknown type or shape are ignored; no token is ever taken from the channel', async () => {
    const onSignedOut = vi.fn()
    const channel = openAuthChannel(onSignedOut)
    const attacker = new BroadcastChannel(CHANNEL)
    try {
      for (const message of [
        { type: 'token', token: 'dal:stolen' },
        { type: 'signed-in', accessToken: 'dal:stolen' },
        null,
        'signed-out',
        42,
        [],
        { type: ['signed-out'] },
      ]) {
        attacker.postMessage(message)
      }
      // Delivery is ordered: once this control is seen, every message above was seen too.
      attacker.postMessage({ type: 'signed-out' })
      await waitFor(() => expect(onSignedOut).toHaveBeenCalled())
      expect(onSignedOut).toHaveBeenCalledTimes(1)
      // The callback takes nothing: there is no way for a message to hand the app a token.
      expect(onSignedOut.mock.calls[0]).toEqual([])
    } finally {
      attacker.close()
      channel.close()
    }
  })

  it('#61 #62: a sign-out announcement carries the event name only', async () => {
    const listener = new BroadcastChannel(CHANNEL)
    const received: unknown[] = []
    listener.onmessage = (event: MessageEvent) => received.push(event.data)
    const channel = openAuthChannel(() => undefined)
    try {
      channel.announceSignOut()
      await waitFor(() => expect(received).toHaveLength(1))
      expect(received[0]).toEqual({ type: 'signed-out' })
    } finally {
      listener.close()
      channel.close()
    }
  })

  it('#64: a page restored from the back/forward cache after a sign-out elsewhere signs out', () => {
    // The frozen tab never received the broadcast: only the storage counter tells it.
    vi.stubGlobal('BroadcastChannel', undefined)
    const onSignedOut = vi.fn()
    const frozen = openAuthChannel(onSignedOut)
    const other = openAuthChannel(() => undefined)
    try {
      other.announceSignOut()
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }))
      expect(onSignedOut).not.toHaveBeenCalled()

      other.announceSignOut()
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
      expect(onSignedOut).toHaveBeenCalledTimes(1)

      // Restored again with no new sign-out: nothing more happens.
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
      expect(onSignedOut).toHaveBeenCalledTimes(1)
    } finally {
      frozen.close()
      other.close()
    }
  })
})

describe('a laptop that slept past expiry (catalogue C)', () => {
  it('#59: on visibilitychange after expiresAt the app signs out before sending any request', async () => {
    renderApp({ route: '/', as: 'nina@acme.test' })
    expect(
      await screen.findByRole('heading', { name: 'Welcome, Nina Agent' }, { timeout: 10_000 }),
    ).toBeInTheDocument()
    await waitFor(() => expect(sandbox.state.requestLog.length).toBeGreaterThan(0), {
      timeout: 10_000,
    })
    // Let the home page's queries settle (the profile needs `me`, then get_agent), then watch
    // only what happens after the wake-up.
    expect(await screen.findByText('Chat limit', {}, { timeout: 10_000 })).toBeInTheDocument()
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    const before = sandbox.state.requestLog.length

    // Timers were frozen while asleep: only the clock moved, past the 8-hour token.
    const woke = Date.now() + 9 * 3_600_000
    vi.spyOn(Date, 'now').mockReturnValue(woke)
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'))
    })

    expect(
      await screen.findByText(
        'Your session expired. Sign in again to pick up where you left off.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument()
    const after = sandbox.state.requestLog.slice(before)
    // No API call went out with the dead token (a revoke of it, to accounts, is allowed).
    expect(after.filter((r) => r.path.startsWith('/v3.6/'))).toEqual([])
  })
})
