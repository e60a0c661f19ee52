// One RTM socket's life (docs/RTM.md): OPEN until `login`, then
// AUTHENTICATED until logout, `agent_disconnected` or a close. It owns the socket's timers (the
// login deadline, the idle timeout, the credential's expiry, the close after a disconnect push),
// its pending-request count and its push filter. Every timer is cleared on close and none keeps
// the process alive (unref).
import { randomUUID } from 'node:crypto'
import type { Caller } from '../credentials/caller'
import type { SandboxState } from '../state'
import type { DisconnectReason } from './disconnect-reasons'
import { pushFrame, type RequestId } from './frames'
import type { RtmSocket } from './rtm-socket'

export type ConnectionState = 'open' | 'authenticated' | 'closing' | 'closed'

export type MonitoringLevel = 'my' | 'chatting' | 'invited' | 'online' | 'highest_available'

type TimerName = 'login' | 'idle' | 'expiry' | 'close'

/** What the hub does for a connection; kept narrow so the connection never reaches into it. */
export interface ConnectionHost {
  readonly state: SandboxState
  /** Frames go through the host: it may hold them back until a response is out (U11). */
  transmit(connection: RtmConnection, text: string): void
  /** Sends what transmit held back for this connection, before it closes. */
  flush(connection: RtmConnection): void
  onText(connection: RtmConnection, text: string | null): void
  onClosed(connection: RtmConnection): void
}

// Node's timers can be unref'd; the jsdom/browser ones MSW tests run with cannot.
function unref(timer: ReturnType<typeof setTimeout>): void {
  ;(timer as { unref?: () => void }).unref?.()
}

export class RtmConnection {
  readonly id = randomUUID()
  /** When the socket opened, on the sandbox clock. */
  readonly since: number
  state: ConnectionState = 'open'
  caller: Caller | null = null
  /** Push names this socket wants (login `pushes` for 3.6); null = all. */
  pushFilter: Set<string> | null = null
  monitoringLevel: MonitoringLevel = 'my'
  /** set_away_status / login `away`: per connection (docs/RTM.md). */
  away = false
  pushesSent = 0
  pending = 0
  private readonly timers = new Map<TimerName, ReturnType<typeof setTimeout>>()
  /** One-off timers (a request waiting out the sandbox latency): cleared on close too. */
  private readonly scheduled = new Set<ReturnType<typeof setTimeout>>()

  constructor(
    private readonly host: ConnectionHost,
    private readonly socket: RtmSocket,
    /** `organization_id` from the URL, checked at login (U1). */
    readonly organizationId: string | null,
  ) {
    this.since = host.state.now()
    // docs/RTM.md: log in within 30 s of connecting, or the server closes the connection (U7).
    this.setTimer('login', host.state.options.rtmLoginTimeoutMs, () =>
      this.disconnect('connection_timeout'),
    )
  }

  get live(): boolean {
    return this.state === 'open' || this.state === 'authenticated'
  }

  /** A text frame, or null for a binary one (the transport decides). */
  receive(text: string | null): void {
    if (!this.live) return
    this.activity()
    this.host.onText(this, text)
  }

  /** Any sign of life: a frame, or a control-frame ping (PY SDK style; U7). */
  activity(): void {
    if (this.state !== 'authenticated') return
    this.setTimer('idle', this.host.state.options.rtmIdleTimeoutMs, () =>
      this.disconnect('connection_timeout'),
    )
  }

  /** Logged in (or the token replaced by update_session): idle and expiry timers start. */
  authenticated(caller: Caller): void {
    this.caller = caller
    this.state = 'authenticated'
    this.clearTimer('login')
    this.activity()
    this.armExpiry()
  }

  /** docs/RTM.md / U16: the socket ends when its credential's lifetime does. */
  armExpiry(): void {
    this.clearTimer('expiry')
    const expiresAt = this.caller?.expiresAt
    if (expiresAt === null || expiresAt === undefined) return
    const remaining = expiresAt - this.host.state.now()
    if (remaining <= 0) {
      this.disconnect('access_token_expired')
      return
    }
    // setTimeout caps at 2^31-1 ms (~24.8 days); re-arm from there.
    this.setTimer('expiry', Math.min(remaining, 2 ** 31 - 1), () => this.armExpiry())
  }

  /** Writes a frame now (the host calls it; a closing socket still gets what was queued). */
  send(text: string): void {
    if (this.state === 'closed') return
    this.socket.send(text)
    // A client that stops reading must not make the sandbox buffer without bound.
    if (this.socket.bufferedAmount() > this.host.state.options.rtmMaxBufferedBytes) this.drop()
  }

  /** A push to this socket; `requestId` only on the requester's copy (docs/RTM.md). */
  push(action: string, payload: unknown, requestId?: RequestId): void {
    if (!this.live) return
    this.pushesSent += 1
    this.host.transmit(this, pushFrame(action, payload, requestId))
  }

  /**
   * `agent_disconnected {reason, data?}`, then the close (U6): after `rtmDisconnectCloseDelayMs`
   * with `rtmDisconnectCloseCode` and the reason as the close reason.
   */
  disconnect(reason: DisconnectReason, data?: Record<string, unknown>, delayMs?: number): void {
    if (!this.live) return
    this.push('agent_disconnected', data === undefined ? { reason } : { reason, data })
    this.closeSoon(this.host.state.options.rtmDisconnectCloseCode, reason, delayMs)
  }

  /**
   * Closes after the configured delay. Always on a timer, even for 0 ms, so a response being
   * written right now (a refused login) still goes out before the close.
   */
  closeSoon(code: number, reason: string, delayMs?: number): void {
    if (!this.live) return
    this.state = 'closing'
    this.clearTimers()
    const delay = delayMs ?? this.host.state.options.rtmDisconnectCloseDelayMs
    this.setTimer('close', Math.max(0, delay), () => this.close(code, reason))
  }

  /** Runs `run` after `ms` unless the socket closes first. */
  schedule(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.scheduled.delete(timer)
      run()
    }, ms)
    unref(timer)
    this.scheduled.add(timer)
  }

  close(code: number, reason: string): void {
    if (this.state === 'closed') return
    this.host.flush(this)
    this.finish()
    this.socket.close(code, reason)
  }

  /** Without a close handshake: what a network failure looks like (POST /sandbox/rtm/drop). */
  drop(): void {
    if (this.state === 'closed') return
    this.finish()
    this.socket.drop()
  }

  /** The transport says the socket is gone (closed by the client, or after our close). */
  closed(): void {
    if (this.state === 'closed') return
    this.finish()
  }

  private finish(): void {
    this.state = 'closed'
    this.clearTimers()
    this.host.onClosed(this)
  }

  private setTimer(name: TimerName, ms: number, run: () => void): void {
    this.clearTimer(name)
    const timer = setTimeout(() => {
      this.timers.delete(name)
      run()
    }, ms)
    unref(timer)
    this.timers.set(name, timer)
  }

  private clearTimer(name: TimerName): void {
    const timer = this.timers.get(name)
    if (timer !== undefined) clearTimeout(timer)
    this.timers.delete(name)
  }

  private clearTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    for (const timer of this.scheduled) clearTimeout(timer)
    this.scheduled.clear()
  }
}
