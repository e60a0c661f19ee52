// One RTM WebSocket and its request layer (docs/livechat/rtm.md#requests): a
// `request_id` → promise map, a client deadline per request, at most ten requests in flight
// (LiveChat answers the eleventh with `pending_requests_limit_reached`, so the rest wait here),
// and every pending promise rejected when the socket closes. It knows nothing of logins or
// reconnects: rtm-client.ts drives it. (Closures rather than a class: the bundle is smaller.)
import { ApiError } from 'livechat-browser-auth'
import { systemClock, type Clock, type TimerHandle } from './clock'
import { parseFrame, rtmError, type RtmPushFrame } from './rtm-frames'

/** What the layer needs of a WebSocket: the browser's, jsdom's, or a test's fake. */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: string, listener: (event: Event) => void): void
  removeEventListener(type: string, listener: (event: Event) => void): void
}

export type WebSocketConstructor = new (url: string) => WebSocketLike

/** LiveChat's own threshold is 15 s (`request_timeout`, docs/livechat/rtm.md#limits); we wait no longer for an answer. */
export const REQUEST_TIMEOUT_MS = 15_000
/** LiveChat's pending-request limit per connection (docs/livechat/rtm.md#limits). */
export const MAX_IN_FLIGHT = 10

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
  onOpen?: () => void
  onPush: (push: RtmPushFrame) => void
  onClose: (info: CloseInfo) => void
}

export interface RtmConnection {
  readonly isOpen: boolean
  /**
   * Sends `action` and resolves with the response's payload, or rejects with an ApiError: the
   * server's error, `timeout` after the deadline (from the call, queueing included), or
   * `network` when the socket closes first.
   */
  request<T>(action: string, payload?: object, options?: { timeoutMs?: number }): Promise<T>
  /** Closes the socket; every request still pending is rejected. */
  close(code?: number, reason?: string): void
}

interface Outgoing {
  id: string
  text: string
  resolve: (payload: unknown) => void
  reject: (error: ApiError) => void
  deadline?: TimerHandle
}

export function openConnection(url: string, options: RtmConnectionOptions): RtmConnection {
  const clock = options.clock ?? systemClock
  const maxInFlight = options.maxInFlight ?? MAX_IN_FLIGHT
  const socket = new options.WebSocket(url)
  const inFlight = new Map<string, Outgoing>()
  const waiting: Outgoing[] = []
  let finished = false
  let opened = false
  let closingByClient = false
  const isOpen = () => !finished && socket.readyState === 1

  /** Sends waiting requests while the socket is open and fewer than `maxInFlight` are out. */
  const pump = () => {
    while (isOpen() && inFlight.size < maxInFlight && waiting.length > 0) {
      const outgoing = waiting.shift() as Outgoing
      inFlight.set(outgoing.id, outgoing)
      try {
        socket.send(outgoing.text)
      } catch {
        // The socket is going away; its close event rejects this request with the others.
      }
    }
  }

  const forget = (outgoing: Outgoing) => {
    clock.clearTimeout(outgoing.deadline)
    inFlight.delete(outgoing.id)
    const index = waiting.indexOf(outgoing)
    if (index >= 0) waiting.splice(index, 1)
  }

  const onOpen = () => {
    if (finished) return
    opened = true
    options.onOpen?.()
    pump()
  }

  const onMessage = (event: Event) => {
    if (finished) return
    const frame = parseFrame((event as { data?: unknown }).data)
    if (!frame) return
    if (frame.type === 'push') {
      options.onPush(frame)
      return
    }
    // An answer nobody waits for (it came after its deadline) is dropped, as the SDK does
    // (docs/livechat/rtm.md#what-the-official-sdk-does).
    const outgoing = frame.request_id === undefined ? undefined : inFlight.get(frame.request_id)
    if (!outgoing) return
    forget(outgoing)
    if (frame.success) outgoing.resolve(frame.payload)
    else outgoing.reject(rtmError(frame.payload))
    pump()
  }

  const finish = (code: number, reason: string) => {
    if (finished) return
    finished = true
    socket.removeEventListener('open', onOpen)
    socket.removeEventListener('message', onMessage)
    socket.removeEventListener('close', onClose)
    for (const outgoing of [...inFlight.values(), ...waiting]) {
      clock.clearTimeout(outgoing.deadline)
      outgoing.reject(new ApiError('network', 'The live connection closed'))
    }
    inFlight.clear()
    waiting.length = 0
    options.onClose({ code, reason, byClient: closingByClient, opened })
  }

  const onClose = (event: Event) => {
    const { code, reason } = event as { code?: number; reason?: string }
    finish(code ?? 1006, reason ?? '')
  }

  socket.addEventListener('open', onOpen)
  socket.addEventListener('message', onMessage)
  socket.addEventListener('close', onClose)
  // An 'error' is always followed by 'close' (WHATWG WebSockets), which does the work.

  return {
    get isOpen() {
      return isOpen()
    },
    request: <T>(
      action: string,
      payload: object = {},
      { timeoutMs }: { timeoutMs?: number } = {},
    ) =>
      new Promise<T>((resolve, reject) => {
        if (finished) {
          reject(new ApiError('network', 'The live connection is closed'))
          return
        }
        const id = crypto.randomUUID()
        const outgoing: Outgoing = {
          id,
          text: JSON.stringify({ request_id: id, action, payload }),
          resolve: resolve as (payload: unknown) => void,
          reject,
        }
        outgoing.deadline = clock.setTimeout(
          () => {
            forget(outgoing)
            reject(new ApiError('timeout', `No answer to ${action} in time`))
            pump()
          },
          timeoutMs ?? options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
        )
        waiting.push(outgoing)
        pump()
      }),
    close: (code = 1000, reason = '') => {
      if (finished) return
      closingByClient = true
      try {
        socket.close(code, reason)
      } catch {
        // An invalid close code or an already closing socket: it ends all the same.
      }
      finish(code, reason)
    },
  }
}
