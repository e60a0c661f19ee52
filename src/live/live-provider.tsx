// The tab's one RTM connection, bound to the signed-in workspace: it opens with the workspace
// (after the session was validated), follows the session's credential (`update_session` on
// renewal), hands LiveChat's verdicts to the auth layer (renew, end the session) and writes
// every push into the query cache. It closes with the workspace — sign-out here or in another
// tab, or LiveChat ending the session — so no socket, timer or listener outlives it.
import { useQueryClient } from '@tanstack/react-query'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import { useApiClient } from '../api/use-api-client'
import { useAuth, useSession } from 'livechat-browser-auth/react'
import { applyPush } from './cache/push-to-cache'
import { resyncAfterLogin, seedUnread } from './cache/resync'
import { LiveContext, type LiveValue } from './live-context'
import type { Clock } from './socket/clock'
import { createRtmClient, type LiveStatus, type RtmClient } from './socket/rtm-client'
import type { WebSocketConstructor } from './socket/rtm-connection'
import type { RtmPushFrame } from './socket/rtm-frames'

interface LiveProviderProps {
  /** Defaults to the browser's WebSocket; tests may pass their own. */
  WebSocket?: WebSocketConstructor
  clock?: Clock
  children: ReactNode
}

export function LiveProvider({ WebSocket, clock, children }: LiveProviderProps) {
  const { config, reauthenticate, endSession } = useAuth()
  const { credential, organizationId } = useSession()
  const api = useApiClient()
  const client = useQueryClient()
  const [status, setStatus] = useState<LiveStatus>({ state: 'connecting' })

  // The latest of everything the socket's callbacks need, without reconnecting on a change.
  const latest = useRef({ credential, api, reauthenticate, endSession })
  useLayoutEffect(() => {
    latest.current = { credential, api, reauthenticate, endSession }
  })

  const rtmRef = useRef<RtmClient | null>(null)
  // False from the workspace's unmount on (a layout effect: it flips in the commit itself, not a
  // frame later): what LiveChat says about a session this tab already left (the revocation
  // that signing out causes, say) must not overwrite why it ended, nor touch a cache.
  const mounted = useRef(false)
  useLayoutEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  const pendingStop = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const pushListeners = useRef(new Set<(push: RtmPushFrame) => void>())

  useEffect(() => {
    // StrictMode unmounts and re-mounts once to rehearse: keep the socket if a re-mount follows.
    clearTimeout(pendingStop.current)
    const ctx = () => ({ client, api: latest.current.api })
    let rtm = rtmRef.current
    if (!rtm) {
      rtm = createRtmClient({
        url: config.rtmUrl,
        organizationId,
        credential: () => latest.current.credential,
        WebSocket: WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor),
        clock,
        renew: () => latest.current.reauthenticate().then((session) => session?.credential ?? null),
        endSession: (reason) => mounted.current && latest.current.endSession(reason),
        onLogin: (login) => mounted.current && resyncAfterLogin(ctx(), login, Date.now()),
        onPush: (push) => {
          if (!mounted.current) return
          applyPush(ctx(), push)
          for (const listener of pushListeners.current) listener(push)
        },
        onStatus: setStatus,
      })
      rtmRef.current = rtm
      rtm.start()
    }
    // A list or thread arriving: its unread events count.
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success')
        seedUnread(ctx(), event.query)
    })
    // The browser knows before the heartbeat does (up to two ping intervals).
    const current = rtm
    const onOffline = () => current.pauseOffline()
    const onOnline = () => current.resumeOnline()
    window.addEventListener('offline', onOffline)
    window.addEventListener('online', onOnline)
    return () => {
      unsubscribe()
      window.removeEventListener('offline', onOffline)
      window.removeEventListener('online', onOnline)
      pendingStop.current = setTimeout(() => {
        // Signed out (or another account): log out of LiveChat and close
        // (docs/livechat/rtm.md#token-renewal-and-logout).
        current.stop({ logout: true })
        if (rtmRef.current === current) rtmRef.current = null
      }, 0)
    }
  }, [client, config.rtmUrl, organizationId, WebSocket, clock])

  // A renewed token goes to the live socket without a reconnect (`update_session`:
  // docs/livechat/rtm.md#token-renewal-and-logout).
  useEffect(() => {
    rtmRef.current?.updateCredential(credential)
  }, [credential])

  // Stable across status changes: a listener stays subscribed through reconnects.
  const subscribe = useCallback((listener: (push: RtmPushFrame) => void) => {
    const listeners = pushListeners.current
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [])

  const value = useMemo<LiveValue>(
    () => ({
      status,
      reconnectNow: () => rtmRef.current?.reconnectNow(),
      request: <T,>(action: string, payload: object = {}) =>
        rtmRef.current
          ? rtmRef.current.request<T>(action, payload)
          : Promise.reject(new Error('Not connected')),
      subscribe,
    }),
    [status, subscribe],
  )

  return <LiveContext value={value}>{children}</LiveContext>
}
