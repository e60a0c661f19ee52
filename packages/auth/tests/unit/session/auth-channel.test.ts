// The sign-out channel between tabs (SECURITY.md #61, #62, #64): what other tabs and the
// back/forward cache can and cannot do to a session. The message carries an event name only.
import { waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openAuthChannel } from '../../../src/session/auth-channel'

// The channel's name is part of the contract between tabs of every deployed version.
const CHANNEL = 'livechat-auth'

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('the sign-out channel between tabs', () => {
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
