// One RTM WebSocket and its request layer (livechat-rtm-api.md §1.3, §1.4, §11.7): a
// `request_id` → promise map, a client deadline per request, at most ten requests in flight
// (LiveChat answers the eleventh with `pending_requests_limit_reached`, so the rest wait here),
// and every pending promise rejected when the socket closes. It knows nothing of logins or
// reconnects: rtm-client.ts drives it.
import { ApiError } from '../api/api-error'
import { systemClock, type Clock, type TimerHandle } from './clock'
import { parseFrame, rtmError, type RtmPushFrame, type RtmRequestFrame } from './rtm-frames'

/** What the layer needs of a WebSocket: the browser's, jsdom's, or a test's fake. */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: string, listener: (event: Event) => void): void
  removeEventListener(type: string, listener: (event: Event) => void): void
}

export type WebSocketConstructor = new (url: string) => WebSocketLike

/** LiveChat's own threshold is 15 s (`request_timeout`, §1.4); we wait no longer for an answer. */
export const REQUEST_TIMEOUT_MS = 15_000
/** LiveChat's pending-request limit per connection (§1.4). */
export const MAX_IN_FLIGHT = 10

const OPEN = 1

export interface CloseInfo {
  code: number
  reason: string
  /** Whether this side asked for the close (sign-out, a dead heartbeat, a disconnect push). */
  byClient: boolean
  /** Whether the socket had opened at all (a refused handshake never does). */
  opened: boolean
}

export interface RtmConnectionOptions {
  WebSocket: WebSocketConstructor
  clock?: Clock
  requestTimeoutMs?: number
  maxInFlight?: number
  newRequestId?: () => string
  onOpen?: () => void
  onPush: (push: RtmPushFrame) => void
  onClose: (info: CloseInfo) => void
}

interface Outgoing {
  frame: RtmRequestFrame
  resolve: (payload: unknown) => void
  reject: (error: ApiError) => void
  deadline: TimerHandle | undefined
}

export class RtmConnection {
  private readonly socket: WebSocketLike
  private readonly clock: Clock
  private readonly options: RtmConnectionOptions
  private readonly maxInFlight: number
  private readonly requestTimeoutMs: number
  private readonly inFlight = new Map<string, Outgoing>()
  private readonly waiting: Outgoing[] = []
  private finished = false
  private opened = false
  private closingByClient = false

  constructor(url: string, options: RtmConnectionOptions) {
    this.options = options
    this.clock = options.clock ?? systemClock
    this.maxInFlight = options.maxInFlight ?? MAX_IN_FLIGHT
    this.requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS
    this.socket = new options.WebSocket(url)
    this.socket.addEventListener('open', this.handleOpen)
    this.socket.addEventListener('message', this.handleMessage)
    this.socket.addEventListener('close', this.handleClose)
    // An 'error' is always followed by 'close' (WHATWG WebSockets), which does the work.
  }

  get isOpen(): boolean {
    return !this.finished && this.socket.readyState === OPEN
  }

  /** Requests sent and not yet answered (at most `maxInFlight`), and those waiting for a slot. */
  get load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight.size, waiting: this.waiting.length }
  }

  /**
   * Sends `action` and resolves with the response's payload, or rejects with an ApiError: the
   * server's error, `timeout` after the deadline (from the call, queueing included), or
   * `network` when the socket closes first.
   */
  request<T>(action: string, payload: object = {}, { timeoutMs }: { timeoutMs?: number } = {}) {
    return new Promise<T>((resolve, reject) => {
      if (this.finished) {
        reject(new ApiError('network', 'The live connection is closed'))
        return
      }
      const id = this.options.newRequestId?.() ?? crypto.randomUUID()
      const outgoing: Outgoing = {
        frame: { request_id: id, action, payload },
        resolve: resolve as (payload: unknown) => void,
        reject,
        deadline: undefined,
      }
      outgoing.deadline = this.clock.setTimeout(() => {
        this.forget(outgoing)
        reject(new ApiError('timeout', `No answer to ${action} in time`))
        this.pump()
      }, timeoutMs ?? this.requestTimeoutMs)
      this.waiting.push(outgoing)
      this.pump()
    })
  }

  /** Closes the socket; every request still pending is rejected. */
  close(code = 1000, reason = ''): void {
    if (this.finished) return
    this.closingByClient = true
    try {
      this.socket.close(code, reason)
    } catch {
      // An invalid close code or an already closing socket: it ends all the same.
    }
    this.finish({ code, reason, byClient: true, opened: this.opened })
  }

  private readonly handleOpen = () => {
    if (this.finished) return
    this.opened = true
    this.options.onOpen?.()
    this.pump()
  }

  private readonly handleMessage = (event: Event) => {
    if (this.finished) return
    const frame = parseFrame((event as { data?: unknown }).data)
    if (!frame) return
    if (frame.type === 'push') {
      this.options.onPush(frame)
      return
    }
    // An answer nobody waits for (it came after its deadline) is dropped, as the SDK does (§7).
    const outgoing =
      frame.request_id === undefined ? undefined : this.inFlight.get(frame.request_id)
    if (!outgoing) return
    this.forget(outgoing)
    if (frame.success) outgoing.resolve(frame.payload)
    else outgoing.reject(rtmError(frame.payload))
    this.pump()
  }

  private readonly handleClose = (event: Event) => {
    const { code, reason } = event as { code?: number; reason?: string }
    this.finish({
      code: code ?? 1006,
      reason: reason ?? '',
      byClient: this.closingByClient,
      opened: this.opened,
    })
  }

  /** Sends waiting requests while the socket is open and fewer than `maxInFlight` are out. */
  private pump(): void {
    while (this.isOpen && this.inFlight.size < this.maxInFlight && this.waiting.length > 0) {
      const outgoing = this.waiting.shift() as Outgoing
      this.inFlight.set(outgoing.frame.request_id, outgoing)
      try {
        this.socket.send(JSON.stringify(outgoing.frame))
      } catch {
        // The socket is going away; its close event rejects this request with the others.
      }
    }
  }

  private forget(outgoing: Outgoing): void {
    this.clock.clearTimeout(outgoing.deadline)
    this.inFlight.delete(outgoing.frame.request_id)
    const index = this.waiting.indexOf(outgoing)
    if (index >= 0) this.waiting.splice(index, 1)
  }

  private finish(info: CloseInfo): void {
    if (this.finished) return
    this.finished = true
    this.socket.removeEventListener('open', this.handleOpen)
    this.socket.removeEventListener('message', this.handleMessage)
    this.socket.removeEventListener('close', this.handleClose)
    const abandoned = [...this.inFlight.values(), ...this.waiting]
    this.inFlight.clear()
    this.waiting.length = 0
    for (const outgoing of abandoned) {
      this.clock.clearTimeout(outgoing.deadline)
      outgoing.reject(new ApiError('network', 'The live connection closed'))
    }
    this.options.onClose(info)
  }
}
