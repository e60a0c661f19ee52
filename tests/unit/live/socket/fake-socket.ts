// A WebSocket double for the socket layer's unit tests: the test opens it, reads what the app
// sent, answers requests by their request_id, pushes, and drops the connection.
import type { WebSocketLike } from '../../../../src/live/socket/rtm-connection'

export interface SentFrame {
  request_id: string
  action: string
  payload: Record<string, unknown>
}

export class FakeSocket extends EventTarget implements WebSocketLike {
  readyState = 0
  readonly sent: string[] = []
  closedWith: { code?: number; reason?: string } | null = null

  constructor(readonly url: string) {
    super()
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('InvalidStateError: not open')
    this.sent.push(data)
  }

  close(code?: number, reason?: string): void {
    if (this.readyState >= 2) return
    this.readyState = 3
    this.closedWith = { code, reason }
    this.dispatchEvent(Object.assign(new Event('close'), { code: code ?? 1005, reason }))
  }

  // --- the test's side -------------------------------------------------------------------

  open(): void {
    this.readyState = 1
    this.dispatchEvent(new Event('open'))
  }

  /** The server closes (or the network drops) the connection. */
  drop(code = 1006, reason = ''): void {
    if (this.readyState >= 2) return
    this.readyState = 3
    this.dispatchEvent(Object.assign(new Event('close'), { code, reason }))
  }

  receiveRaw(data: unknown): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data }))
  }

  receive(frame: object): void {
    this.receiveRaw(JSON.stringify(frame))
  }

  frames(): SentFrame[] {
    return this.sent.map((text) => JSON.parse(text) as SentFrame)
  }

  actions(): string[] {
    return this.frames().map((frame) => frame.action)
  }

  /** The last request of this action, or throws. */
  last(action: string): SentFrame {
    const frame = this.frames()
      .filter((f) => f.action === action)
      .at(-1)
    if (!frame) throw new Error(`no ${action} sent (sent: ${this.actions().join(', ')})`)
    return frame
  }

  /** Answers the last request of `action`. */
  answer(action: string, payload: unknown = {}, success = true): void {
    const frame = this.last(action)
    this.receive({
      request_id: frame.request_id,
      action,
      type: 'response',
      success,
      payload,
    })
  }

  fail(action: string, type: string, data?: object): void {
    this.answer(action, { error: { type, message: `${type} (test)`, data } }, false)
  }

  push(action: string, payload: unknown, requestId?: string): void {
    this.receive({ version: '3.6', action, type: 'push', payload, request_id: requestId })
  }
}

/** A WebSocket constructor that records every socket it makes. */
export function fakeSockets() {
  const all: FakeSocket[] = []
  class Constructor extends FakeSocket {
    constructor(url: string) {
      super(url)
      all.push(this)
    }
  }
  return {
    WebSocket: Constructor,
    all,
    /** The newest socket. */
    get latest(): FakeSocket {
      const socket = all.at(-1)
      if (!socket) throw new Error('no socket was opened')
      return socket
    },
  }
}
