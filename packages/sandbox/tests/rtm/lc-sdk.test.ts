// LiveChat's own JS SDK as an independent RTM client (docs/RTM.md):
// `@livechat/lc-sdk-js` 4.0.2, used only here. It speaks API 3.4 and takes its WebSocket class
// from `isomorphic-ws` with `wss://api.livechatinc.com` hard-coded, so the test replaces that
// module with a `ws` subclass that rewrites the origin and version to this sandbox's
// `ws://127.0.0.1:<port>/v3.6/…`.
//
// The SDK is CommonJS loaded by Node's own `require`, which `vi.mock` cannot reach (it only
// sees modules Vite transforms), so the replacement goes into Node's module registry
// (`require.cache`) before the SDK is first required: the same effect, one level down.
import Module, { createRequire } from 'node:module'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import WebSocket from 'ws'
import { RtmServer, sleep } from '../harness/rtm-kit'

const NINA = 'nina@acme.test'

const require = createRequire(import.meta.url)
const sdkEntry = require.resolve('@livechat/lc-sdk-js')
const isomorphicWs = createRequire(sdkEntry).resolve('isomorphic-ws')

let target = 'ws://127.0.0.1:0'
/** Every frame the SDK sent, as text: tests count its heartbeat pings. */
const sent: string[] = []

class SandboxWebSocket extends WebSocket {
  constructor(url: string) {
    super(url.replace(/^wss:\/\/[^/]+\/v[\d.]+\//, `${target}/v3.6/`))
  }

  override send(data: unknown, ...rest: unknown[]): void {
    sent.push(String(data))
    ;(super.send as (...args: unknown[]) => void)(data, ...rest)
  }
}

interface SdkRtm {
  connect(): Promise<void>
  login(token: string): Promise<Record<string, unknown>>
  on(push: string, handler: (payload: unknown) => void): () => void
  sendEvent(chatId: string, event: unknown): Promise<{ event_id: string }>
  getChat(chatId: string): Promise<unknown>
  listChats(opts?: unknown): Promise<{ chats_summary: unknown[] }>
  socket?: WebSocket
}

let Agent: { RTM: new () => SdkRtm }
let originalEntry: NodeJS.Module | undefined

beforeAll(() => {
  originalEntry = require.cache[isomorphicWs]
  const replacement = new Module(isomorphicWs)
  replacement.filename = isomorphicWs
  replacement.loaded = true
  replacement.exports = SandboxWebSocket
  require.cache[isomorphicWs] = replacement
  ;({ Agent } = require('@livechat/lc-sdk-js') as { Agent: typeof Agent })
})

afterAll(() => {
  if (originalEntry) require.cache[isomorphicWs] = originalEntry
  else delete require.cache[isomorphicWs]
})

let server: RtmServer
let rtm: SdkRtm | undefined
afterEach(async () => {
  vi.useRealTimers()
  rtm?.socket?.terminate()
  rtm = undefined
  sent.length = 0
  await server?.close()
})

async function connectedSdk(options: Parameters<typeof RtmServer.start>[0] = {}) {
  server = await RtmServer.start(options)
  target = server.wsOrigin
  rtm = new Agent.RTM()
  await rtm.connect()
  return rtm
}

function chatOfNina() {
  const chat = server.sandbox.state.world.chats.find(
    (c) =>
      c.threads.at(-1)?.active &&
      c.users.some((u) => u.id === NINA && u.present && u.visibility !== 'agents'),
  )
  if (!chat) throw new Error('no chat')
  return chat
}

describe('@livechat/lc-sdk-js 4.0.2 against the sandbox', () => {
  test('connects through the rewritten URL and logs in with "Bearer <token>"', async () => {
    const sdk = await connectedSdk()
    const response = await sdk.login(`Bearer ${server.token(NINA)}`)
    expect(response).toMatchObject({ my_profile: { id: NINA }, license: { id: '104130623' } })
    expect(sdk.socket?.url).toBe(`${server.wsOrigin}/v3.6/agent/rtm/ws`)
  })

  test('on("incoming_event") receives a simulated customer message', async () => {
    const sdk = await connectedSdk()
    await sdk.login(`Bearer ${server.token(NINA)}`)
    const chat = chatOfNina()
    const received = new Promise<{ chat_id: string; event: { text: string } }>((resolve) =>
      sdk.on('incoming_event', (payload) =>
        resolve(payload as { chat_id: string; event: { text: string } }),
      ),
    )
    await server.post('/sandbox/customer/message', {
      chat_id: chat.id,
      text: 'Hello from the customer',
    })
    const payload = await received
    expect(payload.chat_id).toBe(chat.id)
    expect(payload.event.text).toBe('Hello from the customer')
  })

  test('sendEvent resolves with {event_id} and the event is in the chat', async () => {
    const sdk = await connectedSdk()
    await sdk.login(`Bearer ${server.token(NINA)}`)
    const chat = chatOfNina()
    const result = await sdk.sendEvent(chat.id, { type: 'message', text: 'Sent by the SDK' })
    expect(result.event_id).toMatch(/^[A-Z0-9]{10}_\d+$/)
    expect(chat.threads.at(-1)?.events.at(-1)).toMatchObject({
      id: result.event_id,
      text: 'Sent by the SDK',
    })
  })

  test('a rejected call rejects with LiveChat’s error shape {error:{type, message}}', async () => {
    const sdk = await connectedSdk()
    await sdk.login(`Bearer ${server.token(NINA)}`)
    await expect(sdk.getChat('ZZZZZZZZZZ')).rejects.toEqual({
      error: { type: 'not_found', message: 'Chat not found' },
    })
    // A refused login too.
    const other = new Agent.RTM()
    rtm = other
    await other.connect()
    await expect(other.login('Bearer dal:wrong')).rejects.toEqual({
      error: { type: 'authentication', message: 'Invalid access token' },
    })
  })

  test('its heartbeat (a ping every 10 s from right after connecting) keeps the socket past the idle timeout', async () => {
    // Only the SDK uses setInterval; the sandbox's timers are real setTimeouts, shortened.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const sdk = await connectedSdk({ rtmIdleTimeoutMs: 400 })
    const pings = () => sent.filter((frame) => JSON.parse(frame).action === 'ping').length
    // The first tick comes before login: answered with success, so the heartbeat survives (docs/RTM.md).
    vi.advanceTimersByTime(10_000)
    await sdk.login(`Bearer ${server.token(NINA)}`)
    for (let i = 0; i < 6; i++) {
      await sleep(150)
      vi.advanceTimersByTime(10_000)
    }
    await sleep(50)
    expect(pings()).toBe(7)
    expect(sdk.socket?.readyState).toBe(WebSocket.OPEN)
    expect((await sdk.listChats()).chats_summary.length).toBeGreaterThan(0)
    // Control: with the heartbeat stopped, the same socket is closed for idleness.
    const closed = new Promise<number>((resolve) =>
      sdk.socket?.once('close', (code) => resolve(code)),
    )
    expect(await closed).toBe(1000)
  })
})
