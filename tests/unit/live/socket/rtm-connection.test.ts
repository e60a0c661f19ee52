// The socket layer's request map (docs/livechat/rtm.md#requests, #limits) with a fake socket and
// fake timers: framing, deadlines, ten in flight, and nothing left pending after a close.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from 'livechat-browser-auth'
import {
  MAX_IN_FLIGHT,
  REQUEST_TIMEOUT_MS,
  openConnection,
  type CloseInfo,
} from '../../../../src/live/socket/rtm-connection'
import type { RtmPushFrame } from '../../../../src/live/socket/rtm-frames'
import { fakeSockets } from './fake-socket'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function connect() {
  const sockets = fakeSockets()
  const pushes: RtmPushFrame[] = []
  const closes: CloseInfo[] = []
  const connection = openConnection('ws://rtm.test/v3.6/agent/rtm/ws', {
    WebSocket: sockets.WebSocket,
    onPush: (push) => pushes.push(push),
    onClose: (info) => closes.push(info),
  })
  return { connection, socket: sockets.latest, pushes, closes }
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    return error as ApiError
  }
  throw new Error('expected a rejection')
}

describe('RtmConnection framing', () => {
  it('sends one JSON text frame per request (request_id, action, payload) once the socket opens', () => {
    const { connection, socket } = connect()
    void connection.request('list_chats', { limit: 5 })
    expect(socket.sent).toEqual([])
    socket.open()
    expect(socket.sent).toHaveLength(1)
    const frame = socket.frames()[0]
    expect(frame).toEqual({
      request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      action: 'list_chats',
      payload: { limit: 5 },
    })
  })

  it('gives every request its own request_id, and resolves each with its own response payload', async () => {
    const { connection, socket } = connect()
    socket.open()
    const a = connection.request('get_chat', { chat_id: 'A' })
    const b = connection.request('get_chat', { chat_id: 'B' })
    const [first, second] = socket.frames()
    expect(first?.request_id).not.toBe(second?.request_id)
    // Answered out of order.
    socket.receive({
      request_id: second?.request_id,
      action: 'get_chat',
      type: 'response',
      success: true,
      payload: { id: 'B' },
    })
    socket.receive({
      request_id: first?.request_id,
      action: 'get_chat',
      type: 'response',
      success: true,
      payload: { id: 'A' },
    })
    await expect(a).resolves.toEqual({ id: 'A' })
    await expect(b).resolves.toEqual({ id: 'B' })
  })

  it('rejects with LiveChat’s error type as an ApiError (words and retry rules of the Web API apply)', async () => {
    const { connection, socket } = connect()
    socket.open()
    const request = connection.request('send_event', { chat_id: 'X' })
    socket.fail('send_event', 'chat_inactive')
    const error = await rejection(request)
    expect(error.kind).toBe('chat_inactive')
    expect(error.type).toBe('chat_inactive')
  })

  it('maps pending_requests_limit_reached and misdirected_request (with its data) to kinds', async () => {
    const { connection, socket } = connect()
    socket.open()
    const limited = connection.request('ping')
    socket.fail('ping', 'pending_requests_limit_reached')
    expect((await rejection(limited)).kind).toBe('too_many_requests')
    const misdirected = connection.request('login', { token: 'Bearer x' })
    socket.fail('login', 'misdirected_request', { region: 'fra' })
    const error = await rejection(misdirected)
    expect(error.kind).toBe('misdirected_request')
    expect(error.data).toEqual({ region: 'fra' })
  })

  it('hands pushes on, with the request_id of the requester’s copy', () => {
    const { socket, pushes } = connect()
    socket.open()
    socket.push('incoming_event', { chat_id: 'C' }, 'req-1')
    socket.push('routing_status_set', { agent_id: 'a', status: 'accepting_chats' })
    expect(pushes).toEqual([
      { type: 'push', action: 'incoming_event', request_id: 'req-1', payload: { chat_id: 'C' } },
      {
        type: 'push',
        action: 'routing_status_set',
        request_id: undefined,
        payload: { agent_id: 'a', status: 'accepting_chats' },
      },
    ])
  })

  it('ignores what is not an RTM frame: bad JSON, binary data, unknown types, unknown request ids', async () => {
    const { connection, socket, pushes } = connect()
    socket.open()
    const request = connection.request('ping')
    socket.receiveRaw('{not json')
    socket.receiveRaw(new ArrayBuffer(4))
    socket.receive({ action: 'ping', type: 'something' })
    socket.receive({
      request_id: 'nobody',
      action: 'ping',
      type: 'response',
      success: true,
      payload: {},
    })
    socket.receive([1, 2, 3])
    expect(pushes).toEqual([])
    expect(connection.isOpen).toBe(true)
    socket.answer('ping', { ok: 1 })
    await expect(request).resolves.toEqual({ ok: 1 })
  })
})

describe('RtmConnection deadlines and limits', () => {
  it(`rejects a request unanswered after ${REQUEST_TIMEOUT_MS / 1000} s with \`timeout\`, and drops its late answer`, async () => {
    const { connection, socket } = connect()
    socket.open()
    const settled = vi.fn()
    const request = rejection(connection.request('get_chat', { chat_id: 'A' }).finally(settled))
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1)
    expect(settled).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect((await request).kind).toBe('timeout')
    // The answer arriving now lands nowhere, and nothing breaks.
    socket.answer('get_chat', { id: 'A' })
    // Its slot is free again: ten more go out at once.
    for (let i = 0; i < MAX_IN_FLIGHT; i++) void connection.request('ping').catch(() => undefined)
    expect(socket.sent).toHaveLength(1 + MAX_IN_FLIGHT)
  })

  it('takes a shorter deadline per request (the heartbeat’s)', async () => {
    const { connection, socket } = connect()
    socket.open()
    const ping = rejection(connection.request('ping', {}, { timeoutMs: 2000 }))
    await vi.advanceTimersByTimeAsync(2000)
    expect((await ping).kind).toBe('timeout')
  })

  it(`keeps at most ${MAX_IN_FLIGHT} requests in flight and queues the rest, in order`, async () => {
    const { connection, socket } = connect()
    socket.open()
    const requests = Array.from({ length: MAX_IN_FLIGHT + 3 }, (_, i) =>
      connection.request('get_chat', { chat_id: `C${i}` }),
    )
    const settled = Promise.allSettled(requests)
    expect(socket.sent).toHaveLength(MAX_IN_FLIGHT)
    const first = socket.frames()[0]
    socket.receive({
      request_id: first?.request_id,
      action: 'get_chat',
      type: 'response',
      success: true,
      payload: {},
    })
    await requests[0]
    expect(socket.sent).toHaveLength(MAX_IN_FLIGHT + 1)
    expect(socket.frames().at(-1)?.payload).toEqual({ chat_id: `C${MAX_IN_FLIGHT}` })
    // A timed-out request frees its slot too.
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS)
    await settled
    // Every slot is free again.
    const more = Array.from({ length: MAX_IN_FLIGHT }, () =>
      connection.request('ping').catch(() => undefined),
    )
    expect(socket.sent).toHaveLength(MAX_IN_FLIGHT + 3 + MAX_IN_FLIGHT)
    void more
  })

  it('rejects everything pending and queued with `network` when the socket closes, and reports the close once', async () => {
    const { connection, socket, closes } = connect()
    socket.open()
    const requests = Array.from({ length: MAX_IN_FLIGHT + 2 }, () => connection.request('ping'))
    const rejections = Promise.all(requests.map(rejection))
    socket.drop(1006)
    const errors = await rejections
    expect(errors.map((e) => e.kind)).toEqual(Array(MAX_IN_FLIGHT + 2).fill('network'))
    expect(closes).toEqual([{ code: 1006, reason: '', byClient: false, opened: true }])
    // Later requests fail at once; no timer is left behind.
    expect((await rejection(connection.request('ping'))).kind).toBe('network')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a refused handshake (closed before open) rejects what waited for it', async () => {
    const { connection, socket, closes } = connect()
    const request = connection.request('login', { token: 'Bearer t' })
    socket.drop(1006)
    expect((await rejection(request)).kind).toBe('network')
    expect(closes[0]).toMatchObject({ opened: false, byClient: false })
    expect(socket.sent).toEqual([])
  })

  it('closing it ourselves says so (byClient) and rejects what is pending', async () => {
    const { connection, socket, closes } = connect()
    socket.open()
    const request = connection.request('ping')
    connection.close(1000, 'logout')
    expect((await rejection(request)).kind).toBe('network')
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'logout' })
    expect(closes).toEqual([{ code: 1000, reason: 'logout', byClient: true, opened: true }])
  })
})
