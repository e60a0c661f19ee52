import { useQuery } from '@tanstack/react-query'
import { use, useCallback } from 'react'
import { LiveContext, type LiveValue } from './live-context'
import { useApiClient } from '../api/use-api-client'
import { typingQuery, type Typing } from './cache/typing'
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

/** The last typing signal in this chat (current for ~5 s: cache/typing.ts `typingNow`). */
export function useTyping(chatId: string): Typing | null {
  return useQuery(typingQuery(useApiClient(), chatId)).data ?? null
}
