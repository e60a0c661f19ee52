import { createContext } from 'react'
import type { LiveStatus } from './socket/rtm-client'
import type { RtmPushFrame } from './socket/rtm-frames'

export interface LiveValue {
  status: LiveStatus
  /** "Reconnect here" / "Try now": a fresh attempt at once. */
  reconnectNow(): void
  /** A request on the live socket (e.g. `mark_events_as_seen`); rejects when not live. */
  request<T>(action: string, payload?: object): Promise<T>
  /** Every push, once it is in the cache (attention, issue 24). Returns the unsubscribe. */
  subscribe(listener: (push: RtmPushFrame) => void): () => void
}

export const LiveContext = createContext<LiveValue | null>(null)
LiveContext.displayName = 'LiveContext'
