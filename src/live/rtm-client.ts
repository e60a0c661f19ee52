// The one live connection of a signed-in tab (livechat-rtm-api.md §2, §11): open, `login` with
// the session's credential, a heartbeat, reconnects with backoff and full jitter, the §2.5
// disconnect reasons, `update_session` when the token is renewed, `logout` on sign-out. Plain
// TypeScript with injected WebSocket and clock; live-provider.tsx binds it to React and auth.
import { ApiError } from '../api/api-error'
import { retryDelay } from '../api/retry-policy'
import { authorizationOf, type Credential } from '../auth/credential'
import { systemClock, type Clock, type TimerHandle } from './clock'
import {
  actionFor,
  loginFailureAction,
  type DisconnectAction,
  type StopReason,
} from './disconnect-reasons'
import { RtmConnection, type WebSocketConstructor } from './rtm-connection'
import type { RtmPushFrame } from './rtm-frames'
import type { LoginResponse } from './rtm-types'
import { rtmUrlFor } from './rtm-url'

/** A ping at most this long after the last (§2.1: every 15 s; the SDK's 10 s stays well under). */
export const PING_INTERVAL_MS = 10_000
/** A ping unanswered this long means a dead socket (§11.2: 10–15 s). */
export const PING_TIMEOUT_MS = 10_000
/** Logged in this long without trouble, the backoff starts from the bottom again (§11.3). */
export const STABLE_AFTER_MS = 10_000
/** Our own close code for a socket we gave up on (a dead heartbeat); 4000–4999 are private. */
const DEAD_SOCKET = 4000

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
  /** LiveChat ended the session (§2.5): end it in this tab with this reason. */
  endSession: (reason: 'revoked' | 'remote-logout') => void
  onLogin: (login: LoginResponse, info: { first: boolean }) => void
  onPush: (push: RtmPushFrame) => void
  onStatus: (status: LiveStatus) => void
  application?: { name: string; version?: string }
}

export class RtmClient {
  private readonly options: RtmClientOptions
  private readonly clock: Clock
  private connection: RtmConnection | null = null
  private current: LiveStatus = { state: 'connecting' }
  /** Failed attempts since the last stable login: the backoff's exponent. */
  private failures = 0
  private everLoggedIn = false
  /** The region LiveChat sent us to, tried once per misdirection (§11.13). */
  private region: string | null = null
  private regionTried = false
  /** The token the live socket is logged in with, to send `update_session` only on a change. */
  private tokenOnSocket: string | null = null
  private retryTimer: TimerHandle | undefined
  private heartbeat: TimerHandle | undefined
  private stableTimer: TimerHandle | undefined
  private stopped = false

  constructor(options: RtmClientOptions) {
    this.options = options
    this.clock = options.clock ?? systemClock
  }

  get status(): LiveStatus {
    return this.current
  }

  start(): void {
    if (this.stopped || this.connection) return
    this.connect()
  }

  /**
   * Ends the connection for good. On sign-out (`logout: true`) the agent is logged out of
   * LiveChat first (§2.5), while the socket is still there to carry it.
   */
  stop({ logout = false }: { logout?: boolean } = {}): void {
    if (this.stopped) return
    this.stopped = true
    this.clearTimers()
    const connection = this.connection
    this.connection = null
    if (connection) {
      if (logout && this.current.state === 'live') {
        // Sent before the close frame, so LiveChat reads it (RFC 6455 §5.5.1 keeps the order).
        connection.request('logout', {}).catch(() => undefined)
      }
      connection.close(1000, logout ? 'logout' : 'closed')
    }
    this.setStatus({ state: 'closed' })
  }

  /** "Reconnect here" / "Try now": a fresh attempt at once, whatever stopped or delayed it. */
  reconnectNow(): void {
    if (this.stopped || this.current.state === 'live') return
    this.clearTimers()
    this.connection?.close(1000, 'reconnect')
    this.connection = null
    this.regionTried = false
    this.connect()
  }

  /** The browser lost its network: say so, and wait for it instead of burning attempts. */
  pauseOffline(): void {
    if (this.stopped || this.current.state === 'offline') return
    this.clearTimers()
    this.connection?.close(1000, 'offline')
    this.connection = null
    this.setStatus({ state: 'offline', reason: 'browser_offline' })
  }

  /** The browser is online again: reconnect at once if waiting (a stopped reason stays). */
  resumeOnline(): void {
    if (this.stopped) return
    const { state } = this.current
    if (
      state === 'reconnecting' ||
      (state === 'offline' && this.current.reason === 'browser_offline')
    )
      this.reconnectNow()
  }

  /**
   * A renewed token (§2.5 `update_session`): the live socket switches to it without a
   * reconnect. If LiveChat refuses the switch, a fresh login with the new token follows.
   */
  updateCredential(credential: Credential): void {
    const connection = this.connection
    if (this.stopped || !connection || this.current.state !== 'live') return
    const token = authorizationOf(credential)
    if (token === this.tokenOnSocket) return
    this.tokenOnSocket = token
    connection.request('update_session', { token }).catch((error: unknown) => {
      if (connection !== this.connection) return
      if (error instanceof ApiError && error.kind === 'network') return // the close handles it
      connection.close(1000, 'relogin')
      this.connection = null
      this.connect()
    })
  }

  /** A request on the live socket; rejects with ApiError `network` when not logged in. */
  request<T>(action: string, payload: object = {}): Promise<T> {
    if (this.current.state !== 'live' || !this.connection)
      return Promise.reject(new ApiError('network', 'Not connected to LiveChat'))
    return this.connection.request<T>(action, payload)
  }

  private setStatus(status: LiveStatus): void {
    this.current = status
    this.options.onStatus(status)
  }

  private clearTimers(): void {
    this.clock.clearTimeout(this.retryTimer)
    this.clock.clearTimeout(this.heartbeat)
    this.clock.clearTimeout(this.stableTimer)
    this.retryTimer = this.heartbeat = this.stableTimer = undefined
  }

  private connect(): void {
    if (this.stopped) return
    this.setStatus(
      this.everLoggedIn || this.failures > 0
        ? { state: 'reconnecting', attempt: this.failures, retryAt: null }
        : { state: 'connecting' },
    )
    const url = rtmUrlFor(this.options.url, this.options.organizationId, this.region)
    const connection: RtmConnection = new RtmConnection(url, {
      WebSocket: this.options.WebSocket,
      clock: this.clock,
      onOpen: () => void this.login(connection),
      onPush: (push) => this.handlePush(connection, push),
      onClose: (info) => {
        if (connection !== this.connection || info.byClient) return
        this.connection = null
        this.clearTimers()
        this.scheduleReconnect()
      },
    })
    this.connection = connection
  }

  /** The first frame, within LiveChat's 30 s login deadline (§2.1): the only place a token goes. */
  private async login(connection: RtmConnection): Promise<void> {
    const token = authorizationOf(this.options.credential())
    let response: LoginResponse
    try {
      response = await connection.request<LoginResponse>('login', {
        token,
        // Back to the agent's last status rather than the default after a drop (§2.2, §11.5).
        ...(this.everLoggedIn ? { reconnect: true } : {}),
        ...(this.options.application ? { application: this.options.application } : {}),
      })
    } catch (error) {
      if (connection !== this.connection) return
      // A closed socket reconnects through onClose; a refused login says what to do.
      if (error instanceof ApiError && error.kind === 'network') return
      const action =
        error instanceof ApiError && error.type !== null
          ? loginFailureAction(error.type, error.data)
          : ({ kind: 'reconnect' } as const)
      this.apply(action, connection)
      return
    }
    if (connection !== this.connection) return
    const first = !this.everLoggedIn
    this.everLoggedIn = true
    this.tokenOnSocket = token
    this.setStatus({ state: 'live' })
    this.beat(connection)
    this.stableTimer = this.clock.setTimeout(() => {
      this.failures = 0
      this.regionTried = false
    }, STABLE_AFTER_MS)
    this.options.onLogin(response, { first })
    // Renewed while the login was on its way: hand the socket the new token now.
    this.updateCredential(this.options.credential())
  }

  /** The heartbeat (§2.1, §11.2): a ping per interval; one unanswered in time is a dead socket. */
  private beat(connection: RtmConnection): void {
    this.heartbeat = this.clock.setTimeout(() => {
      if (connection !== this.connection) return
      connection.request('ping', {}, { timeoutMs: PING_TIMEOUT_MS }).catch((error: unknown) => {
        if (connection !== this.connection) return
        if (error instanceof ApiError && error.kind === 'timeout') {
          connection.close(DEAD_SOCKET, 'ping timeout')
          this.connection = null
          this.clearTimers()
          this.scheduleReconnect()
        }
      })
      this.beat(connection)
    }, PING_INTERVAL_MS)
  }

  private handlePush(connection: RtmConnection, push: RtmPushFrame): void {
    if (connection !== this.connection) return
    if (push.action === 'agent_disconnected') {
      const { reason, data } = (push.payload ?? {}) as { reason?: unknown; data?: unknown }
      this.apply(actionFor(typeof reason === 'string' ? reason : '', data), connection)
      return
    }
    this.options.onPush(push)
  }

  /** Carries out what a disconnect reason or a refused login calls for (disconnect-reasons.ts). */
  private apply(action: DisconnectAction, connection: RtmConnection): void {
    // LiveChat closes the socket itself after the push (§2.5); closing first keeps it ours.
    connection.close(1000, 'disconnected')
    if (connection === this.connection) this.connection = null
    this.clearTimers()
    switch (action.kind) {
      case 'reconnect':
        this.scheduleReconnect()
        return
      case 'renew':
        void this.renewThenConnect()
        return
      case 'end-session':
        this.stop()
        this.options.endSession(action.reason)
        return
      case 'region':
        if (action.region !== null && !this.regionTried) {
          this.regionTried = true
          this.region = action.region
          this.connect()
        } else {
          this.setStatus({ state: 'offline', reason: 'misdirected_connection' })
        }
        return
      case 'stop':
        this.setStatus({ state: 'offline', reason: action.reason })
        return
    }
  }

  /** `access_token_expired`, or `authentication` at login: a fresh token first (§11.4). */
  private async renewThenConnect(): Promise<void> {
    this.setStatus({ state: 'reconnecting', attempt: this.failures, retryAt: null })
    const renewed = await this.options.renew()
    if (this.stopped || this.connection) return
    // No token: the auth layer has signed the agent out, and the workspace is going away.
    if (!renewed) return
    this.failures += 1
    this.connect()
  }

  private scheduleReconnect(): void {
    if (this.stopped) return
    // Exponential backoff with full jitter (§11.3): a random wait up to 1 s · 2ⁿ, capped at 30 s.
    const delay = retryDelay(this.failures, null, () => this.clock.random())
    this.failures += 1
    this.setStatus({
      state: 'reconnecting',
      attempt: this.failures,
      retryAt: this.clock.now() + delay,
    })
    this.retryTimer = this.clock.setTimeout(() => this.connect(), delay)
  }
}
