// Tells other tabs of this app that the agent signed out. The message carries an event name
// only, never a token: each tab holds its own token and revokes it itself.

const CHANNEL = 'livechat-auth'
const GENERATION_KEY = 'livechat-auth:signed-out-generation'

export interface AuthChannel {
  announceSignOut(): void
  close(): void
}

/** Subscribes to sign-outs from other tabs; ignores any other message shape (SECURITY.md #62). */
export function openAuthChannel(onSignedOutElsewhere: () => void): AuthChannel {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null
  const onMessage = (event: MessageEvent<unknown>) => {
    const data = event.data
    if (
      typeof data === 'object' &&
      data !== null &&
      (data as { type?: unknown }).type === 'signed-out'
    ) {
      onSignedOutElsewhere()
    }
  }
  channel?.addEventListener('message', onMessage)

  // A tab restored from the back/forward cache missed the broadcast: a non-secret counter in
  // localStorage tells it a sign-out happened while it was frozen.
  let seenGeneration = readGeneration()
  const onPageShow = (event: PageTransitionEvent) => {
    const generation = readGeneration()
    if (event.persisted && generation !== seenGeneration) onSignedOutElsewhere()
    seenGeneration = generation
  }
  window.addEventListener('pageshow', onPageShow)

  return {
    announceSignOut() {
      seenGeneration = readGeneration() + 1
      try {
        localStorage.setItem(GENERATION_KEY, String(seenGeneration))
      } catch {
        // Storage can be disabled; the broadcast still reaches open tabs.
      }
      channel?.postMessage({ type: 'signed-out' })
    },
    close() {
      channel?.removeEventListener('message', onMessage)
      channel?.close()
      window.removeEventListener('pageshow', onPageShow)
    },
  }
}

function readGeneration(): number {
  try {
    return Number(localStorage.getItem(GENERATION_KEY) ?? '0') || 0
  } catch {
    return 0
  }
}
