import { use, useCallback, useSyncExternalStore } from 'react'
import { LiveContext, type LiveValue } from './live-context'
import type { Typing } from './cache/typing-store'
import type { LiveStatus } from './socket/rtm-client'

/** How often socket-fed lists refresh while the socket cannot (the offline fallback). */
export const OFFLINE_REFRESH_MS = 15_000

export function useLive(): LiveValue {
  const live = use(LiveContext)
  if (!live)
    throw new Error('useLive must be used inside <LiveProvider> (the signed-in workspace).')
  return live
}

export function useLiveStatus(): LiveStatus {
  return useLive().status
}

export function isLive(status: LiveStatus): boolean {
  return status.state === 'live'
}

/**
 * Query options for data the socket keeps fresh: never stale and never polled while live (the
 * pushes and the resync after each login keep it true); polled while the socket is down, and
 * only while the page is on screen.
 */
export function useLiveFreshness(): {
  staleTime: number
  refetchInterval: () => number | false
} {
  const live = isLive(useLiveStatus())
  const refetchInterval = useCallback(
    () => (!live && document.visibilityState === 'visible' ? OFFLINE_REFRESH_MS : false),
    [live],
  )
  return { staleTime: live ? Infinity : 30_000, refetchInterval }
}

/** Someone typing in this chat (and the sneak peek), for about 5 s after the last signal. */
export function useTyping(chatId: string): Typing | null {
  const { typing } = useLive()
  return useSyncExternalStore(typing.subscribe, () => typing.get(chatId))
}
