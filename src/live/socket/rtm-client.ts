// The one live connection of a signed-in tab (docs/livechat/rtm.md): open, `login` with
// the session's credential, a heartbeat, reconnects with backoff and full jitter, the
// disconnect reasons, `update_session` when the token is renewed, `logout` on sign-out. Plain
// TypeScript with injected WebSocket and clock; live-provider.tsx binds it to React and auth.
import { ApiError } from 'livechat-browser-auth'
import { retryDelay } from 'livechat-browser-auth'
import { authorizationOf, type Credential } from 'livechat-browser-auth'
import { systemClock, type Clock, type TimerHandle } from './clock'
import {
  actionFor,
  loginFailureAction,
  type DisconnectAction,
  type StopReason,
} from './disconnect-reasons'
import { openConnection, type RtmConnection, type WebSocketConstructor } from './rtm-connection'
import type { RtmPushFrame } from './rtm-frames'
import type { LoginResponse } from './rtm-types'
import { rtmUrlFor } from './rtm-url'

/** A ping at most this long after the last (every 15 s, the SDK's 10 s stays well under: docs/livechat/rtm.md#login-and-heartbeat). */
export const PING_INTERVAL_MS = 10_000
/** A ping unanswered this long means a dead socket (10–15 s: docs/livechat/rtm.md#login-and-heartbeat). */
export const PING_TIMEOUT_MS = 10_000
/** Logged in this long without trouble, the backoff starts from the bottom again (docs/livechat/rtm.md#reconnects). */
export const STABLE_AFTER_MS = 10_000

export type LiveStatus =
  /** The first connection of this workspace is being opened and logged in. */
  | { state: 'connecting' }
  | { state: 'live' }
  /** Lost: the next attempt starts at `retryAt` (epoch ms), or is under way when null. */
  | { state: 'reconnecting'; attempt: number; retryAt: number | null }
  /** Not reconnecting by itself until the agent asks (or the browser is back online). */
  | { state: 'offline'; reason: StopReason | 'browser_offline' }
  /** Stopped by the app: signed out, or the session ended. */
  | { state: 'closed' }

export interface RtmClientOptions {
  /** The configured RTM endpoint, without a query (config.rtmUrl). */
  url: string
  organizationId: string
  /** The session's credential now: read at every login, so a renewed token is used. */
  credential: () => Credential
  WebSocket: WebSocketConstructor
  clock?: Clock
  /** The auth layer's one shared renewal; null when the agent must sign in again. */
  renew: () => Promise<Credential | null>
  /** LiveChat ended the session (docs/livechat/rtm.md#disconnect-reasons): end it in this tab with this reason. */
  endSession: (reason: 'revoked' | 'remote-logout') => void
  onLogin: (login: LoginResponse, info: { first: boolean }) => void
  onPush: (push: RtmPushFrame) => void
  onStatus: (status: LiveStatus) => void
}

export interface RtmClient {
  readonly status: LiveStatus
  start(): void
  /**
   * Ends the connection for good. On sign-out (`logout: true`) the agent is logged out of LiveChat
   * first (docs/livechat/rtm.md#token-renewal-and-logout), while the socket is still there to carry
   * it.
   */
  stop(options?: { logout?: boolean }): void
  /** "Reconnect here" / "Try now": a fresh attempt at once, whatever stopped or delayed it. */
  reconnectNow(): void
  /** The browser lost its network: say so at once, and wait for it instead of burning attempts. */
  pauseOffline(): void
  /** The browser is online again: reconnect at once if waiting (a stopped reason stays). */
  resumeOnline(): void
  /**
   * A renewed token (`update_session`, docs/livechat/rtm.md#token-renewal-and-logout): the live
   * socket switches to it without a reconnect. If LiveChat refuses the switch, a fresh login with
   * the new token follows.
   */
  updateCredential(credential: Credential): void
  /** A request on the live socket; rejects with ApiError `network` when not logged in. */
  request<T>(action: string, payload?: object): Promise<T>
}

export function createRtmClient(options: RtmClientOptions): RtmClient {
  const clock = options.clock ?? systemClock
  let connection: RtmConnection | null = null
  let current: LiveStatus = { state: 'connecting' }
  /** Failed attempts since the last stable login: the backoff's exponent. */
  let failures = 0
  let everLoggedIn = false
  /** The region LiveChat sent us to, tried once per misdirection (docs/livechat/rtm.md#region). */
  let region: string | null = null
  let regionTried = false
  // The token LiveChat holds for this socket (confirmed by login or update_session), and the
  // last one handed to it (each is sent once): a revocation of an older one is not ours.
  let tokenOnSocket: string | null = null
  let tokenSent: string | null = null
  let timers: TimerHandle[] = []
  let stopped = false

  const setStatus = (status: LiveStatus) => {
    current = status
    options.onStatus(status)
  }
  const later = (callback: () => void, ms: number) => {
    const timer = clock.setTimeout(() => {
      timers = timers.filter((t) => t !== timer)
      callback()
    }, ms)
    timers.push(timer)
  }
  const clearTimers = () => {
    for (const timer of timers) clock.clearTimeout(timer)
    timers = []
  }
  /** Lets go of the current socket (closing it ourselves) and of its timers. */
  const drop = (reason: string, code = 1000) => {
    connection?.close(code, reason)
    connection = null
    clearTimers()
  }

  const scheduleReconnect = () => {
    if (stopped) return
    // Exponential backoff with full jitter (docs/livechat/rtm.md#reconnects): a random wait up to
    // 1 s · 2ⁿ, capped at 30 s.
    const delay = retryDelay(failures, null, () => clock.random())
    failures += 1
    setStatus({ state: 'reconnecting', attempt: failures, retryAt: clock.now() + delay })
    later(connect, delay)
  }

  const connect = () => {
    if (stopped) return
    setStatus(
      everLoggedIn || failures > 0
        ? { state: 'reconnecting', attempt: failures, retryAt: null }
        : { state: 'connecting' },
    )
    const socket: RtmConnection = openConnection(
      rtmUrlFor(options.url, options.organizationId, region),
      {
        WebSocket: options.WebSocket,
        clock,
        onOpen: () => void login(socket),
        onPush: (push) => {
          if (socket !== connection) return
          if (push.action !== 'agent_disconnected') return options.onPush(push)
          const { reason, data } = (push.payload ?? {}) as { reason?: unknown; data?: unknown }
          apply(actionFor(typeof reason === 'string' ? reason : '', data))
        },
        onClose: (info) => {
          if (socket !== connection || info.byClient) return
          drop('closed')
          scheduleReconnect()
        },
      },
    )
    connection = socket
  }

  /** The first frame, within LiveChat's 30 s login deadline (docs/livechat/rtm.md#login-and-heartbeat): the only place a token goes. */
  const login = async (socket: RtmConnection) => {
    const token = authorizationOf(options.credential())
    let response: LoginResponse
    try {
      response = await socket.request<LoginResponse>('login', {
        token,
        // Back to the agent's last status rather than the default after a drop (`reconnect: true`,
        // docs/livechat/rtm.md#reconnects).
        ...(everLoggedIn ? { reconnect: true } : {}),
      })
    } catch (error) {
      // A closed socket reconnects through onClose; a refused login says what to do.
      if (socket !== connection || (error instanceof ApiError && error.kind === 'network')) return
      apply(
        error instanceof ApiError && error.type !== null
          ? loginFailureAction(error.type, error.data)
          : { kind: 'reconnect' },
      )
      return
    }
    if (socket !== connection) return
    const first = !everLoggedIn
    everLoggedIn = true
    tokenOnSocket = token
    tokenSent = token
    setStatus({ state: 'live' })
    beat(socket)
    later(() => {
      failures = 0
      regionTried = false
    }, STABLE_AFTER_MS)
    options.onLogin(response, { first })
    // Renewed while the login was on its way: hand the socket the new token now.
    client.updateCredential(options.credential())
  }

  /** The heartbeat (docs/livechat/rtm.md#login-and-heartbeat): a ping per interval; one unanswered in time is a dead socket. */
  const beat = (socket: RtmConnection) =>
    later(() => {
      if (socket !== connection) return
      socket.request('ping', {}, { timeoutMs: PING_TIMEOUT_MS }).catch((error: unknown) => {
        if (socket !== connection || !(error instanceof ApiError) || error.kind !== 'timeout')
          return
        // Our own close code (4000–4999 are private) for a socket we gave up on.
        drop('ping timeout', 4000)
        scheduleReconnect()
      })
      beat(socket)
    }, PING_INTERVAL_MS)

  /** Carries out what a disconnect reason or a refused login calls for (disconnect-reasons.ts). */
  const apply = (action: DisconnectAction) => {
    // LiveChat closes the socket itself after the push (docs/livechat/rtm.md#disconnect-reasons);
    // closing first keeps it ours.
    drop('disconnected')
    switch (action.kind) {
      case 'reconnect':
        return scheduleReconnect()
      case 'renew':
        return void renewThenConnect()
      case 'end-session':
        // A revoked token this tab has already replaced (a new sign-in retires the old token,
        // and the push may beat the update_session): log in with the current one instead.
        if (action.reason === 'revoked' && authorizationOf(options.credential()) !== tokenOnSocket)
          return connect()
        client.stop()
        return options.endSession(action.reason)
      case 'region':
        if (action.region !== null && !regionTried) {
          regionTried = true
          region = action.region
          return connect()
        }
        return setStatus({ state: 'offline', reason: 'misdirected_connection' })
      case 'stop':
        return setStatus({ state: 'offline', reason: action.reason })
    }
  }

  /** `access_token_expired`, or `authentication` at login: a fresh token first (docs/livechat/rtm.md#token-renewal-and-logout). */
  const renewThenConnect = async () => {
    setStatus({ state: 'reconnecting', attempt: failures, retryAt: null })
    const renewed = await options.renew()
    // No token: the auth layer has signed the agent out, and the workspace is going away.
    if (stopped || connection || !renewed) return
    failures += 1
    connect()
  }

  const client: RtmClient = {
    get status() {
      return current
    },
    start: () => {
      if (!stopped && !connection) connect()
    },
    stop: ({ logout = false } = {}) => {
      if (stopped) return
      stopped = true
      // Sent before the close frame, so LiveChat reads it (RFC 6455 keeps the order).
      if (logout && current.state === 'live') connection?.request('logout').catch(() => undefined)
      drop(logout ? 'logout' : 'closed')
      setStatus({ state: 'closed' })
    },
    reconnectNow: () => {
      if (stopped || current.state === 'live') return
      drop('reconnect')
      regionTried = false
      connect()
    },
    pauseOffline: () => {
      if (stopped || current.state === 'offline') return
      drop('offline')
      setStatus({ state: 'offline', reason: 'browser_offline' })
    },
    resumeOnline: () => {
      if (
        current.state === 'reconnecting' ||
        (current.state === 'offline' && current.reason === 'browser_offline')
      )
        client.reconnectNow()
    },
    updateCredential: (credential) => {
      const socket = connection
      const token = authorizationOf(credential)
      if (stopped || !socket || current.state !== 'live' || token === tokenSent) return
      tokenSent = token
      socket.request('update_session', { token }).then(
        () => {
          if (socket === connection) tokenOnSocket = token
        },
        (error: unknown) => {
          if (socket !== connection || (error instanceof ApiError && error.kind === 'network'))
            return
          drop('relogin')
          connect()
        },
      )
    },
    request: <T>(action: string, payload: object = {}) =>
      current.state === 'live' && connection
        ? connection.request<T>(action, payload)
        : Promise.reject(new ApiError('network', 'Not connected to LiveChat')),
  }
  return client
}
