// Methods over RTM have the Web API's semantics, scopes and errors, because both call the same
// handler (docs/RTM.md errors, U9,
// U10, U12). Each test compares RTM with the Web API or checks an RTM-only rule.
import { afterEach, describe, expect, test } from 'vitest'
import type { ChatRecord } from '../../src/seed/world-records'
import { RtmServer, type RtmClient } from '../harness/rtm-kit'

const NINA = 'nina@acme.test'
const SAM = 'sam@acme.test'

let server: RtmServer
afterEach(async () => server?.close())

const isActive = (c: ChatRecord) => c.threads.at(-1)?.active === true
const present = (email: string) => (c: ChatRecord) =>
  c.users.some((u) => u.id === email && u.present && u.visibility !== 'agents')

/** Page ids are minted per call; everything else must match. */
function withoutPageIds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) => (key.endsWith('page_id') ? '<page>' : v))
}

async function both(
  token: string,
  client: RtmClient,
  method: string,
  body: Record<string, unknown>,
) {
  const web = await server.web(token, method, body)
  const rtm = await client.request(method, body)
  return { web, rtm }
}

describe('reads: the RTM payload is the Web API’s', () => {
  test.each([
    ['list_chats', () => ({ limit: 5 })],
    ['get_chat', () => ({ chat_id: server.sandbox.state.world.chats.find(present(NINA))?.id })],
    ['list_threads', () => ({ chat_id: server.sandbox.state.world.chats.find(present(NINA))?.id })],
    ['list_archives', () => ({ limit: 3 })],
    ['list_routing_statuses', () => ({})],
    ['get_customer', () => ({ id: server.sandbox.state.world.customers[0]?.id })],
  ])('%s', async (method, body) => {
    server = await RtmServer.start()
    const token = server.token(NINA)
    const { client } = await server.login({ token: `Bearer ${token}` })
    const { web, rtm } = await both(token, client, method, body())
    expect(web.status).toBe(200)
    expect(rtm.success).toBe(true)
    expect(withoutPageIds(rtm.payload)).toEqual(withoutPageIds(web.body))
  })

  test('list_routing_statuses and list_agents_for_transfer answer with top-level arrays', async () => {
    server = await RtmServer.start()
    const { client } = await server.login({ email: NINA })
    expect(Array.isArray((await client.request('list_routing_statuses')).payload)).toBe(true)
    const chat = server.sandbox.state.world.chats.find((c) => isActive(c) && present(NINA)(c))
    expect(
      Array.isArray(
        (await client.request('list_agents_for_transfer', { chat_id: chat?.id })).payload,
      ),
    ).toBe(true)
  })
})

describe('errors: the Web API’s ApiFailure becomes the RTM error payload', () => {
  test.each([
    ['a missing scope', ['agents--my:rw'], 'list_chats', {}, 'authorization'],
    ['an unknown chat', undefined, 'get_chat', { chat_id: 'ZZZZZZZZZZ' }, 'not_found'],
    [
      'a chat out of reach',
      undefined,
      'get_chat',
      () => ({
        chat_id: server.sandbox.state.world.chats.find(
          (c) => c.access.group_ids.includes(2) && !c.users.some((u) => u.id === NINA),
        )?.id,
      }),
      'missing_access',
    ],
    ['a bad parameter', undefined, 'list_chats', { limit: 500 }, 'validation'],
    [
      'an inactive chat',
      undefined,
      'send_event',
      () => ({
        chat_id: server.sandbox.state.world.chats.find(
          (c) => !isActive(c) && c.access.group_ids.includes(1),
        )?.id,
        event: { type: 'message', text: 'x' },
      }),
      'chat_inactive',
    ],
  ] as const)('%s', async (_label, scopes, method, body, type) => {
    server = await RtmServer.start()
    const token = server.token(NINA, scopes)
    const { client } = await server.login({ token: `Bearer ${token}` })
    const payload = typeof body === 'function' ? body() : body
    const { web, rtm } = await both(token, client, method, payload)
    expect(rtm.success).toBe(false)
    expect(rtm.payload).toEqual(web.body)
    expect(rtm.payload.error.type).toBe(type)
  })

  test('U12 an unknown action, or a legacy one the SDKs still send, is validation "Unsupported action"', async () => {
    server = await RtmServer.start()
    const { client } = await server.login({ email: NINA })
    for (const action of ['no_such_action', 'change_push_notifications', 'create_customer']) {
      const response = await client.request(action, {})
      expect(response.payload.error).toEqual({ type: 'validation', message: 'Unsupported action' })
    }
  })

  test('U13 a top-level author_id is ignored', async () => {
    server = await RtmServer.start()
    const { client } = await server.login({ email: NINA })
    const chat = server.sandbox.state.world.chats.find((c) => isActive(c) && present(NINA)(c))
    const response = await client.request(
      'send_event',
      { chat_id: chat?.id, event: { type: 'message', text: 'As me' } },
      { author_id: SAM },
    )
    expect(response.success).toBe(true)
    expect(chat?.threads.at(-1)?.events.at(-1)).toMatchObject({ author_id: NINA })
  })
})

describe('writes over RTM', () => {
  test('every chat-taking method is reachable over RTM and changes the same world', async () => {
    server = await RtmServer.start()
    const { client } = await server.login({ email: NINA })
    const started = await client.request('start_chat', { chat: { access: { group_ids: [1] } } })
    expect(started.success).toBe(true)
    const chatId = started.payload.chat_id
    const threadId = started.payload.thread_id
    const steps: [string, Record<string, unknown>][] = [
      ['send_event', { chat_id: chatId, event: { type: 'message', text: 'hello' } }],
      ['send_typing_indicator', { chat_id: chatId, is_typing: true }],
      ['tag_thread', { chat_id: chatId, thread_id: threadId, tag: 'sales' }],
      ['untag_thread', { chat_id: chatId, thread_id: threadId, tag: 'sales' }],
      ['update_chat_properties', { id: chatId, properties: { custom: { x: 1 } } }],
      ['add_user_to_chat', { chat_id: chatId, user_id: 'adam@acme.test', user_type: 'agent' }],
      ['remove_user_from_chat', { chat_id: chatId, user_id: 'adam@acme.test', user_type: 'agent' }],
      ['mark_events_as_seen', { chat_id: chatId, seen_up_to: '2099-01-01T00:00:00Z' }],
      ['transfer_chat', { id: chatId, target: { type: 'agent', ids: ['adam@acme.test'] } }],
    ]
    for (const [action, payload] of steps) {
      const response = await client.request(action, payload)
      // Everything answers {} except send_event's {event_id}.
      const expected = action === 'send_event' ? { event_id: `${threadId}_1` } : {}
      expect({ action, success: response.success, payload: response.payload }).toEqual({
        action,
        success: true,
        payload: expected,
      })
    }
    const chat = server.sandbox.state.world.chats.find((c) => c.id === chatId)
    expect(chat?.users.some((u) => u.id === 'adam@acme.test' && u.present)).toBe(true)
    expect(chat?.properties.custom).toEqual({ x: 1 })
    const closed = await server.web(server.token('adam@acme.test'), 'deactivate_chat', {
      id: chatId,
    })
    expect(closed.status).toBe(200)
    const resumed = await client.request('resume_chat', { chat: { id: chatId } })
    expect(resumed.payload.thread_id).toEqual(expect.any(String))
  })

  test('U10 the Web API’s rate limiter counts RTM calls of the same credential too', async () => {
    server = await RtmServer.start({ apiRateLimit: 2 })
    const token = server.token(NINA)
    const { client } = await server.login({ token: `Bearer ${token}` })
    expect((await server.web(token, 'list_chats')).status).toBe(200)
    expect((await client.request('list_chats')).success).toBe(true)
    const limited = await client.request('list_chats')
    expect(limited.payload.error.type).toBe('too_many_requests')
    // Ping is not a method: never limited.
    expect((await client.request('ping')).success).toBe(true)
  })

  test('the sandbox latency (POST /sandbox/latency) applies to RTM requests', async () => {
    server = await RtmServer.start()
    const { client } = await server.login({ email: NINA })
    await server.post('/sandbox/latency', { ms: 150 })
    const started = Date.now()
    await client.request('list_chats')
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })
})
