// The MSW WebSocket adapter (tests/support/sandbox-msw.ts): a jsdom `WebSocket` to the sandbox's
// RTM URL talks to the real sandbox RTM core in-process, the same one `npm start` serves, and
// the same sandbox answers HTTP (docs/livechat/rtm.md#frames, #login-and-heartbeat, #pushes).
import { describe, expect, test } from 'vitest'
import { ORGANIZATION } from 'livechat-sandbox'
import { SANDBOX_ORIGIN, SANDBOX_RTM_URL, sandbox } from '../support/sandbox-msw'

type Frame = Record<string, unknown> & { payload?: Record<string, unknown> }

function open(
  url: string,
): Promise<{ socket: WebSocket; frames: Frame[]; next: (action: string) => Promise<Frame> }> {
  const socket = new WebSocket(url)
  const frames: Frame[] = []
  const waiters: { action: string; resolve: (f: Frame) => void }[] = []
  socket.addEventListener('message', (event) => {
    const frame = JSON.parse(String(event.data)) as Frame
    frames.push(frame)
    for (const waiter of waiters.filter((w) => w.action === frame.action)) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(frame)
    }
  })
  const next = (action: string) =>
    new Promise<Frame>((resolve) => {
      const seen = frames.find((f) => f.action === action)
      if (seen) resolve(seen)
      else waiters.push({ action, resolve })
    })
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve({ socket, frames, next }))
    socket.addEventListener('close', () => reject(new Error('closed before open')))
  })
}

async function mintToken(email: string): Promise<string> {
  const response = await fetch(`${SANDBOX_ORIGIN}/sandbox/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  })
  return ((await response.json()) as { access_token: string }).access_token
}

describe('the sandbox RTM through MSW in jsdom', () => {
  test('logs in over an intercepted WebSocket and receives a push caused over HTTP', async () => {
    const { socket, next } = await open(`${SANDBOX_RTM_URL}?organization_id=${ORGANIZATION.id}`)
    socket.send(
      JSON.stringify({
        request_id: 'login-1',
        action: 'login',
        payload: { token: `Bearer ${await mintToken('nina@acme.test')}` },
      }),
    )
    const login = await next('login')
    expect(login).toMatchObject({ request_id: 'login-1', type: 'response', success: true })
    expect(login.payload?.my_profile).toMatchObject({ id: 'nina@acme.test' })
    expect(sandbox.rtm.describe()).toEqual([
      expect.objectContaining({ email: 'nina@acme.test', logged_in: true }),
    ])

    await fetch(`${SANDBOX_ORIGIN}/sandbox/customer/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ group_id: 1, text: 'Hello from a unit test' }),
    })
    const incoming = await next('incoming_chat')
    expect(incoming).toMatchObject({ version: '3.6', type: 'push' })
    socket.close()
  })

  test('a sandbox reset (every unit test starts with one) ends the socket with agent_disconnected', async () => {
    const { socket, next } = await open(SANDBOX_RTM_URL)
    socket.send(
      JSON.stringify({
        action: 'login',
        payload: { token: `Bearer ${await mintToken('sam@acme.test')}` },
      }),
    )
    await next('login')
    const closed = new Promise<CloseEvent>((resolve) => socket.addEventListener('close', resolve))
    sandbox.state.reset()
    expect((await next('agent_disconnected')).payload).toEqual({
      reason: 'agent_disconnected_by_server',
    })
    expect((await closed).code).toBe(1000)
  })

  test('another version of the path is refused like a failed handshake (1006)', async () => {
    const socket = new WebSocket('ws://localhost:4010/v3.5/agent/rtm/ws')
    const closed = await new Promise<CloseEvent>((resolve) =>
      socket.addEventListener('close', resolve),
    )
    expect(closed.code).toBe(1006)
  })
})
