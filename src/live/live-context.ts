import { createContext } from 'react'
import type { LiveStatus } from './socket/rtm-client'

export interface LiveValue {
  status: LiveStatus
  /** "Reconnect here" / "Try now": a fresh attempt at once. */
  reconnectNow(): void
  /** A request on the live socket (e.g. `mark_events_as_seen`); rejects when not live. */
  request<T>(action: string, payload?: object): Promise<T>
}

export const LiveContext = createContext<LiveValue | null>(null)
LiveContext.displayName = 'LiveContext'
