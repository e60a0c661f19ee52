// The customer simulator's HTTP contract (issue 11's table: POST /sandbox/customer/chat,
// /message, /typing, /leave) and the autopilot (off by default; POST /sandbox/options). The
// pushes each action causes are in rtm-pushes.test.ts; here: answers, errors and what the
// world then holds, read back through the agent API (docs/RTM.md).
import { afterEach, describe, expect, test } from 'vitest'
import { ApiKit, NINA, OLIVIA, SAM } from '../harness/api-kit'
import { RtmServer, sleep } from '../harness/rtm-kit'

async function post(kit: ApiKit, path: string, body: unknown) {
  const response = await kit.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

describe('POST /sandbox/customer/chat', () => {
  test('a new customer’s chat, queued in the group: {chat_id, thread_id, event_id, customer_id}', async () => {
    const kit = new ApiKit()
    const result = await post(kit, '/sandbox/customer/chat', {
      group_id: 2,
      text: 'Printer on fire',
      customer_name: 'Pat',
    })
    expect(result.status).toBe(200)
    expect(result.body).toEqual({
      chat_id: expect.stringMatching(/^[A-Z0-9]{10}$/),
      thread_id: expect.stringMatching(/^[A-Z0-9]{10}$/),
      event_id: `${result.body.thread_id}_1`,
      customer_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    const chat = await kit.call(kit.token(SAM), 'get_chat', { chat_id: result.body.chat_id })
    expect(chat.body.access).toEqual({ group_ids: [2] })
    expect(chat.body.thread).toMatchObject({
      active: true,
      queue: { position: expect.any(Number) },
    })
    expect(chat.body.thread.events[0]).toMatchObject({
      text: 'Printer on fire',
      author_id: result.body.customer_id,
    })
    const customer = await kit.call(kit.token(SAM), 'get_customer', { id: result.body.customer_id })
    expect(customer.body).toMatchObject({ name: 'Pat', chat_ids: [result.body.chat_id] })
    // Nina (General + Sales) cannot reach a Support chat.
    expect(
      (await kit.call(kit.token(NINA), 'get_chat', { chat_id: result.body.chat_id })).status,
    ).toBe(403)
  })

  test('the customer comes with a visit: where they are and the pages they opened', async () => {
    const kit = new ApiKit()
    const result = await post(kit, '/sandbox/customer/chat', { group_id: 2, text: 'Hello' })
    const chat = await kit.call(kit.token(SAM), 'get_chat', { chat_id: result.body.chat_id })
    const customer = chat.body.users.find((u: { type: string }) => u.type === 'customer')
    expect(customer.visit).toMatchObject({
      geolocation: { country: expect.any(String), city: expect.any(String) },
      last_pages: [
        expect.objectContaining({ url: expect.stringMatching(/^https:\/\//) }),
        expect.anything(),
      ],
    })
    // The thread keeps where the customer was when it began (v3.6 `customer_visit`).
    expect(chat.body.thread.customer_visit.geolocation).toEqual(customer.visit.geolocation)
  })

  test('group_id defaults to 0 and a name is made up', async () => {
    const kit = new ApiKit()
    const result = await post(kit, '/sandbox/customer/chat', { text: 'Hi' })
    const chat = kit.state.world.chats.find((c) => c.id === result.body.chat_id)
    expect(chat?.access.group_ids).toEqual([0])
    expect(kit.state.world.customers.find((c) => c.id === result.body.customer_id)?.name).toEqual(
      expect.any(String),
    )
  })

  test.each([
    [{ group_id: 0 }, 400],
    [{ group_id: 0, text: '   ' }, 400],
    [{ group_id: 9, text: 'Hi' }, 400],
    [{ group_id: -1, text: 'Hi' }, 400],
  ])('%j is refused with %i', async (body, status) => {
    const kit = new ApiKit()
    const before = kit.state.world.chats.length
    expect((await post(kit, '/sandbox/customer/chat', body)).status).toBe(status)
    expect(kit.state.world.chats).toHaveLength(before)
  })
})

describe('POST /sandbox/customer/message, /typing, /leave', () => {
  test('message appends to the open thread: {chat_id, thread_id, event_id}', async () => {
    const kit = new ApiKit()
    const started = await post(kit, '/sandbox/customer/chat', { group_id: 1, text: 'First' })
    const result = await post(kit, '/sandbox/customer/message', {
      chat_id: started.body.chat_id,
      text: 'Second',
    })
    expect(result.body).toEqual({
      chat_id: started.body.chat_id,
      thread_id: started.body.thread_id,
      event_id: `${started.body.thread_id}_2`,
    })
  })

  test('leave closes the chat; a message afterwards opens a new thread', async () => {
    const kit = new ApiKit()
    const started = await post(kit, '/sandbox/customer/chat', { group_id: 1, text: 'Bye soon' })
    const left = await post(kit, '/sandbox/customer/leave', { chat_id: started.body.chat_id })
    expect(left.body).toEqual({ chat_id: started.body.chat_id, thread_id: started.body.thread_id })
    const chat = kit.state.world.chats.find((c) => c.id === started.body.chat_id)
    expect(chat?.threads.at(-1)).toMatchObject({ active: false })
    expect(chat?.threads.at(-1)?.events.at(-1)).toMatchObject({
      type: 'system_message',
      system_message_type: 'manual_archived_customer',
    })
    const again = await post(kit, '/sandbox/customer/message', {
      chat_id: started.body.chat_id,
      text: 'Me again',
    })
    expect(again.body.thread_id).not.toBe(started.body.thread_id)
    expect(chat?.threads).toHaveLength(2)
    expect(chat?.threads.at(-1)).toMatchObject({ active: true, queue: expect.any(Object) })
  })

  test('typing answers {chat_id, thread_id}; it needs an active chat and a boolean is_typing', async () => {
    const kit = new ApiKit()
    const started = await post(kit, '/sandbox/customer/chat', { group_id: 1, text: 'Typing…' })
    const chatId = started.body.chat_id
    expect(
      (
        await post(kit, '/sandbox/customer/typing', {
          chat_id: chatId,
          is_typing: true,
          text: 'I…',
        })
      ).status,
    ).toBe(200)
    expect(
      (await post(kit, '/sandbox/customer/typing', { chat_id: chatId, is_typing: 'yes' })).status,
    ).toBe(400)
    await post(kit, '/sandbox/customer/leave', { chat_id: chatId })
    expect(
      (await post(kit, '/sandbox/customer/typing', { chat_id: chatId, is_typing: true })).status,
    ).toBe(409)
    expect((await post(kit, '/sandbox/customer/leave', { chat_id: chatId })).status).toBe(409)
  })

  test('an unknown chat is 404; a chat without a customer is 400', async () => {
    const kit = new ApiKit()
    expect(
      (await post(kit, '/sandbox/customer/message', { chat_id: 'ZZZZZZZZZZ', text: 'x' })).status,
    ).toBe(404)
    const started = await kit.call(kit.token(NINA), 'start_chat', {})
    expect(
      (await post(kit, '/sandbox/customer/message', { chat_id: started.body.chat_id, text: 'x' }))
        .status,
    ).toBe(400)
  })

  test('the control page’s forms post here and come back with a status message', async () => {
    const kit = new ApiKit()
    const response = await kit.app.request('/sandbox/customer/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ group_id: '1', text: 'From the form' }).toString(),
    })
    expect(response.status).toBe(303)
    expect(decodeURIComponent(response.headers.get('Location') ?? '')).toMatch(
      /message=Customer started chat [A-Z0-9]{10}/,
    )
  })
})

describe('autopilot', () => {
  let server: RtmServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  test('off by default: an agent’s message gets no answer and no chat arrives by itself', async () => {
    server = await RtmServer.start({ autopilotReplyDelayMs: 30, autopilotNewChatEveryMs: 50 })
    expect(server.sandbox.state.options.autopilot).toBe(false)
    const { client } = await server.login({ email: NINA })
    const started = await server.post('/sandbox/customer/chat', { group_id: 1, text: 'Hi' })
    await client.request('add_user_to_chat', {
      chat_id: started.body.chat_id,
      user_id: NINA,
      user_type: 'agent',
      ignore_requester_presence: true,
    })
    await client.request('send_event', {
      chat_id: started.body.chat_id,
      event: { type: 'message', text: 'Hello!' },
    })
    await sleep(200)
    await client.sync()
    expect(client.pushes('incoming_event').map((f) => f.payload.event.author_id)).toEqual([NINA])
    expect(client.pushes('incoming_chat')).toHaveLength(1)
  })

  test('switched on: the customer types, then answers; internal notes get no answer; new chats arrive; reset stops it', async () => {
    server = await RtmServer.start({ autopilotReplyDelayMs: 60, autopilotNewChatEveryMs: 0 })
    const { client } = await server.login({ email: NINA })
    const started = await server.post('/sandbox/customer/chat', { group_id: 1, text: 'Hi' })
    const chatId = started.body.chat_id
    await client.request('add_user_to_chat', {
      chat_id: chatId,
      user_id: NINA,
      user_type: 'agent',
      ignore_requester_presence: true,
    })
    expect((await server.post('/sandbox/options', { autopilot: true })).body.autopilot).toBe(true)

    await client.request('send_event', {
      chat_id: chatId,
      event: { type: 'message', text: 'How can I help?' },
    })
    const reply = await client.push(
      'incoming_event',
      (f) => f.payload.event.author_id === started.body.customer_id,
    )
    expect(reply.payload.event.text).toEqual(expect.any(String))
    expect(client.pushes('incoming_sneak_peek')[0]?.payload.sneak_peek.text).toBe(
      reply.payload.event.text,
    )

    const before = client.pushes('incoming_event').length
    await client.request('send_event', {
      chat_id: chatId,
      event: { type: 'message', text: 'note', visibility: 'agents' },
    })
    await sleep(200)
    await client.sync()
    expect(client.pushes('incoming_event')).toHaveLength(before + 1)

    server.sandbox.state.setOptions({ autopilotNewChatEveryMs: 40 })
    await client.push('incoming_chat', (f) => f.payload.chat.id !== chatId, 2000)

    await server.post('/sandbox/reset', {})
    expect(server.sandbox.state.options.autopilot).toBe(false)
    const fresh = (await server.login({ email: NINA })).client
    await sleep(200)
    await fresh.sync()
    expect(fresh.pushes('incoming_chat')).toEqual([])
  })

  test('switched off again: the loop stops', async () => {
    server = await RtmServer.start({ autopilot: true, autopilotNewChatEveryMs: 40 })
    const { client } = await server.login({ email: OLIVIA })
    await client.push('incoming_chat', () => true, 2000)
    await server.post('/sandbox/options', { autopilot: false })
    await client.sync()
    const count = client.pushes('incoming_chat').length
    await sleep(200)
    await client.sync()
    expect(client.pushes('incoming_chat')).toHaveLength(count)
  })
})
