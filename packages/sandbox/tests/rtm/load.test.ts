// Load (issue 11): 100 sockets × 50 pushes each, over loopback, delivered in order with none
// lost, and memory that stays bounded — the hub keeps no per-push history, and a client that
// stops reading is cut off instead of buffered without limit (`rtmMaxBufferedBytes`). The loop
// is bounded (50 customer messages) and stops by itself.
import { afterEach, expect, test } from 'vitest'
import type { RtmSocket } from '../../src/rtm/rtm-socket'
import { RtmServer, type RtmClient } from '../harness/rtm-kit'

const OLIVIA = 'olivia@acme.test'
const SOCKETS = 100
const PUSHES = 50

let server: RtmServer
afterEach(async () => server?.close())

test(`${SOCKETS} sockets × ${PUSHES} pushes: all delivered, in order, memory bounded`, async () => {
  server = await RtmServer.start({ rtmMaxConnectionsPerAgent: SOCKETS })
  const chat = server.sandbox.state.world.chats.find(
    (c) => c.threads.at(-1)?.active && c.users.some((u) => u.id === OLIVIA && u.present),
  )
  if (!chat) throw new Error('no chat with Olivia')
  const token = server.token(OLIVIA, ['chats--access:ro'])
  const clients: RtmClient[] = []
  for (let i = 0; i < SOCKETS; i++)
    clients.push((await server.login({ token: `Bearer ${token}` })).client)

  const heapBefore = process.memoryUsage().heapUsed
  const started = Date.now()
  for (let i = 0; i < PUSHES; i++) {
    const sent = await server.post('/sandbox/customer/message', {
      chat_id: chat.id,
      text: `load ${i}`,
    })
    expect(sent.status).toBe(200)
  }
  // Everything sent before the pings' answers has arrived.
  await Promise.all(clients.map((client) => client.sync()))
  const elapsed = Date.now() - started

  for (const client of clients) {
    const texts = client.pushes('incoming_event').map((f) => f.payload.event.text)
    expect(texts).toEqual(Array.from({ length: PUSHES }, (_, i) => `load ${i}`))
  }
  const described = server.sandbox.rtm.describe()
  expect(described).toHaveLength(SOCKETS)
  expect(described.every((c) => c.pushes_sent === PUSHES)).toBe(true)
  // 5,000 small frames must not cost more than a few tens of MB, and not take long.
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024)
  expect(elapsed).toBeLessThan(10_000)
}, 30_000)

test('a client that stops reading is dropped once its unsent output passes rtmMaxBufferedBytes', async () => {
  server = await RtmServer.start({ rtmMaxBufferedBytes: 4096 })
  const chat = server.sandbox.state.world.chats.find(
    (c) => c.threads.at(-1)?.active && c.users.some((u) => u.id === OLIVIA && u.present),
  )
  // A transport whose network never drains: every frame stays buffered.
  let buffered = 0
  let dropped = false
  const stuck: RtmSocket = {
    send: (text) => (buffered += Buffer.byteLength(text)),
    close: () => undefined,
    drop: () => (dropped = true),
    bufferedAmount: () => buffered,
  }
  const connection = server.sandbox.rtm.accept(stuck, null)
  connection.receive(
    JSON.stringify({ action: 'login', payload: { token: `Bearer ${server.token(OLIVIA)}` } }),
  )
  for (let i = 0; i < 20 && !dropped; i++) {
    await server.post('/sandbox/customer/message', { chat_id: chat?.id, text: 'x'.repeat(1000) })
  }
  expect(dropped).toBe(true)
  expect(server.sandbox.rtm.describe().map((c) => c.id)).not.toContain(connection.id)
})
