// The chat-taking methods the Web API gained with RTM (one handler each, shared by both
// transports): start_chat, resume_chat, transfer_chat, add_user_to_chat, remove_user_from_chat,
// tag_thread, untag_thread, send_typing_indicator, update_chat_properties,
// list_agents_for_transfer. Conformance anchor: docs/RTM.md (payloads, scopes) and
// docs/AGENT-API.md (requester presence, active thread, events seen). Their pushes: rtm-pushes.test.ts.
import { describe, expect, test } from 'vitest'
import type { ChatRecord } from '../../src/seed/world-records'
import {
  ADAM,
  ApiKit,
  hasPresentAgent,
  inGroup,
  isActive,
  NINA,
  OLIVIA,
  SAM,
} from '../harness/api-kit'

const message = (text: string) => ({ type: 'message', text })
const latest = (chat: ChatRecord) => chat.threads[chat.threads.length - 1]
const queued = (chat: ChatRecord) => isActive(chat) && latest(chat)?.queue !== undefined
const closed = (chat: ChatRecord) => !isActive(chat)

describe('start_chat', () => {
  test('a new active chat with the requester present, a customer and a first message', async () => {
    const kit = new ApiKit()
    const customer = kit.state.world.customers[0]?.id as string
    const result = await kit.call(kit.token(NINA), 'start_chat', {
      chat: {
        users: [{ id: customer, type: 'customer' }],
        access: { group_ids: [1] },
        thread: { events: [message('Hello from Nina')] },
      },
    })
    expect(result.status).toBe(200)
    expect(result.body).toEqual({
      chat_id: expect.stringMatching(/^[A-Z0-9]{10}$/),
      thread_id: expect.stringMatching(/^[A-Z0-9]{10}$/),
      event_ids: [`${result.body.thread_id}_1`],
    })
    const read = await kit.call(kit.token(NINA), 'get_chat', { chat_id: result.body.chat_id })
    expect(read.body.thread).toMatchObject({ id: result.body.thread_id, active: true })
    expect(read.body.thread.events[0]).toMatchObject({ text: 'Hello from Nina', author_id: NINA })
    expect(read.body.access).toEqual({ group_ids: [1] })
    const me = read.body.users.find((u: { id: string }) => u.id === NINA)
    // docs/AGENT-API.md: starting a chat marks every event as seen for the requester.
    expect(me).toMatchObject({
      present: true,
      events_seen_up_to: read.body.thread.events[0].created_at,
    })
    expect(read.body.users.map((u: { id: string }) => u.id)).toContain(customer)
    // It is the newest chat in list_chats.
    const list = await kit.call(kit.token(NINA), 'list_chats')
    expect(list.body.chats_summary[0].id).toBe(result.body.chat_id)
  })

  test('without access the chat lands in the requester’s first group; no events → no event_ids', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(SAM), 'start_chat', {})
    expect(Object.keys(result.body).sort()).toEqual(['chat_id', 'thread_id'])
    const chat = kit.chat((c) => c.id === result.body.chat_id)
    expect(chat.access.group_ids).toEqual([2])
  })

  test('active:false starts an inactive thread', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'start_chat', { active: false })
    expect(latest(kit.chat((c) => c.id === result.body.chat_id))?.active).toBe(false)
  })

  test('a group outside the requester’s reach is 403 missing_access; an unknown group or customer is refused', async () => {
    const kit = new ApiKit()
    const support = await kit.call(kit.token(NINA), 'start_chat', {
      chat: { access: { group_ids: [2] } },
    })
    expect(support.status).toBe(403)
    expect(support.body.error.type).toBe('missing_access')
    const unknownGroup = await kit.call(kit.token(NINA), 'start_chat', {
      chat: { access: { group_ids: [99] } },
    })
    expect(unknownGroup.status).toBe(400)
    const unknownCustomer = await kit.call(kit.token(NINA), 'start_chat', {
      chat: { users: [{ id: 'nobody', type: 'customer' }] },
    })
    expect(unknownCustomer.status).toBe(404)
  })

  test('needs chats rw: chats--access:ro is 403 authorization', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA, ['chats--access:ro']), 'start_chat', {})
    expect(result.status).toBe(403)
    expect(result.body.error.type).toBe('authorization')
  })
})

describe('resume_chat', () => {
  test('opens a new thread in an inactive chat, with its customer and the requester present', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => closed(c) && inGroup(1)(c))
    const before = chat.threads.length
    const result = await kit.call(kit.token(NINA), 'resume_chat', {
      chat: { id: chat.id, thread: { events: [message('Following up')] } },
    })
    expect(result.status).toBe(200)
    expect(result.body.thread_id).toBe(latest(chat)?.id)
    expect(chat.threads).toHaveLength(before + 1)
    expect(latest(chat)).toMatchObject({ active: true })
    expect(latest(chat)?.events[0]).toMatchObject({ text: 'Following up' })
    const customer = chat.users.find((u) => u.type === 'customer')
    expect(customer?.present).toBe(true)
    expect(latest(chat)?.user_ids).toEqual(expect.arrayContaining([NINA, customer?.id]))
  })

  test('an active chat cannot be resumed (400); an unknown one is 404', async () => {
    const kit = new ApiKit()
    const active = kit.chat((c) => isActive(c) && inGroup(1)(c))
    expect(
      (await kit.call(kit.token(NINA), 'resume_chat', { chat: { id: active.id } })).status,
    ).toBe(400)
    expect(
      (await kit.call(kit.token(NINA), 'resume_chat', { chat: { id: 'ZZZZZZZZZZ' } })).status,
    ).toBe(404)
    expect((await kit.call(kit.token(NINA), 'resume_chat', {})).status).toBe(400)
  })
})

describe('transfer_chat', () => {
  test('to an agent: the serving agent leaves, the target serves, the queue is gone', async () => {
    const kit = new ApiKit()
    const chat = kit.chat(
      (c) => isActive(c) && hasPresentAgent(NINA)(c) && inGroup(1)(c) && !hasPresentAgent(ADAM)(c),
    )
    const result = await kit.call(kit.token(NINA), 'transfer_chat', {
      id: chat.id,
      target: { type: 'agent', ids: [ADAM] },
    })
    expect(result).toMatchObject({ status: 200, body: {} })
    expect(hasPresentAgent(NINA)(chat)).toBe(false)
    expect(hasPresentAgent(ADAM)(chat)).toBe(true)
    expect(latest(chat)?.user_ids).toContain(ADAM)
  })

  test('to a group: the chat moves there and waits in the queue', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c) && inGroup(1)(c))
    const result = await kit.call(kit.token(NINA), 'transfer_chat', {
      id: chat.id,
      target: { type: 'group', ids: [2] },
    })
    expect(result.status).toBe(200)
    expect(chat.access.group_ids).toEqual([2])
    expect(latest(chat)?.access.group_ids).toEqual([2])
    expect(latest(chat)?.queue).toMatchObject({ position: expect.any(Number), wait_time: 0 })
    expect(hasPresentAgent(NINA)(chat)).toBe(false)
    // Nina (no Support access) no longer sees it; Sam (Support) does.
    expect((await kit.call(kit.token(NINA), 'get_chat', { chat_id: chat.id })).status).toBe(403)
    expect((await kit.call(kit.token(SAM), 'get_chat', { chat_id: chat.id })).status).toBe(200)
  })

  test('the requester must be present unless ignore_requester_presence (how a queued chat is taken)', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => queued(c) && inGroup(0)(c))
    const refused = await kit.call(kit.token(NINA), 'transfer_chat', {
      id: chat.id,
      target: { type: 'agent', ids: [NINA] },
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error.type).toBe('missing_access')
    const taken = await kit.call(kit.token(NINA), 'transfer_chat', {
      id: chat.id,
      target: { type: 'agent', ids: [NINA] },
      ignore_requester_presence: true,
    })
    expect(taken.status).toBe(200)
    expect(hasPresentAgent(NINA)(chat)).toBe(true)
    expect(latest(chat)?.queue).toBeUndefined()
  })

  test('an inactive chat is 409 chat_inactive; an agent not accepting chats is agent_offline unless ignored', async () => {
    const kit = new ApiKit()
    const inactive = kit.chat((c) => closed(c) && inGroup(1)(c))
    const stale = await kit.call(kit.token(NINA), 'transfer_chat', {
      id: inactive.id,
      ignore_requester_presence: true,
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.type).toBe('chat_inactive')
    const chat = kit.chat(
      (c) => isActive(c) && hasPresentAgent(NINA)(c) && !hasPresentAgent(OLIVIA)(c),
    )
    const body = { id: chat.id, target: { type: 'agent', ids: [OLIVIA] } }
    const offline = await kit.call(kit.token(NINA), 'transfer_chat', body)
    expect(offline.body.error.type).toBe('agent_offline')
    const forced = await kit.call(kit.token(NINA), 'transfer_chat', {
      ...body,
      ignore_agents_availability: true,
    })
    expect(forced.status).toBe(200)
  })

  test('malformed targets are 400 validation', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    for (const target of [
      { type: 'bot', ids: ['x'] },
      { type: 'agent', ids: [] },
      { type: 'agent', ids: [SAM, ADAM] },
      { type: 'group', ids: ['1'] },
      { type: 'group', ids: [42] },
    ]) {
      const result = await kit.call(kit.token(NINA), 'transfer_chat', { id: chat.id, target })
      expect({ target, status: result.status }).toEqual({ target, status: 400 })
    }
  })
})

describe('add_user_to_chat / remove_user_from_chat', () => {
  test('taking a queued chat: add yourself with ignore_requester_presence; it leaves the queue', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => queued(c) && inGroup(0)(c))
    const result = await kit.call(kit.token(NINA), 'add_user_to_chat', {
      chat_id: chat.id,
      user_id: NINA,
      user_type: 'agent',
      visibility: 'all',
      ignore_requester_presence: true,
    })
    expect(result).toMatchObject({ status: 200, body: {} })
    expect(hasPresentAgent(NINA)(chat)).toBe(true)
    expect(latest(chat)?.queue).toBeUndefined()
    // Now a member, she can write.
    const sent = await kit.call(kit.token(NINA), 'send_event', {
      chat_id: chat.id,
      event: message('Hi!'),
    })
    expect(sent.status).toBe(200)
  })

  test('a supervisor joins with visibility agents; the chat stays queued', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => queued(c) && inGroup(0)(c))
    await kit.call(kit.token(ADAM), 'add_user_to_chat', {
      chat_id: chat.id,
      user_id: ADAM,
      user_type: 'agent',
      visibility: 'agents',
      ignore_requester_presence: true,
    })
    expect(chat.users.find((u) => u.id === ADAM)).toMatchObject({
      present: true,
      visibility: 'agents',
    })
    expect(latest(chat)?.queue).toBeDefined()
  })

  test('refusals: not present (403), already in (400), a second customer (400), unknown user (404), inactive (409)', async () => {
    const kit = new ApiKit()
    const chat = kit.chat(
      (c) => isActive(c) && hasPresentAgent(NINA)(c) && !hasPresentAgent(ADAM)(c) && inGroup(1)(c),
    )
    const add = (token: string, body: Record<string, unknown>) =>
      kit.call(token, 'add_user_to_chat', { chat_id: chat.id, user_type: 'agent', ...body })
    expect((await add(kit.token(OLIVIA), { user_id: ADAM })).status).toBe(403)
    expect((await add(kit.token(NINA), { user_id: NINA })).status).toBe(400)
    const other = kit.state.world.customers.find((c) => !chat.users.some((u) => u.id === c.id))
    expect((await add(kit.token(NINA), { user_id: other?.id, user_type: 'customer' })).status).toBe(
      400,
    )
    expect((await add(kit.token(NINA), { user_id: 'ghost@acme.test' })).status).toBe(404)
    const inactive = kit.chat((c) => closed(c) && inGroup(1)(c))
    const stale = await kit.call(kit.token(NINA), 'add_user_to_chat', {
      chat_id: inactive.id,
      user_id: NINA,
      user_type: 'agent',
      ignore_requester_presence: true,
    })
    expect(stale.body.error.type).toBe('chat_inactive')
  })

  test('remove_user_from_chat takes the agent out; a user not in the chat is 404', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c) && inGroup(1)(c))
    await kit.call(kit.token(NINA), 'add_user_to_chat', {
      chat_id: chat.id,
      user_id: ADAM,
      user_type: 'agent',
    })
    const removed = await kit.call(kit.token(NINA), 'remove_user_from_chat', {
      chat_id: chat.id,
      user_id: ADAM,
      user_type: 'agent',
    })
    expect(removed.status).toBe(200)
    expect(chat.users.some((u) => u.id === ADAM)).toBe(false)
    const again = await kit.call(kit.token(NINA), 'remove_user_from_chat', {
      chat_id: chat.id,
      user_id: ADAM,
      user_type: 'agent',
    })
    expect(again.status).toBe(404)
  })
})

describe('tag_thread / untag_thread', () => {
  test('tags a thread with a license tag (shown in get_chat) and untags it', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const thread = latest(chat)
    const body = { chat_id: chat.id, thread_id: thread?.id, tag: 'complaint' }
    expect((await kit.call(kit.token(NINA), 'tag_thread', body)).status).toBe(200)
    expect(
      (await kit.call(kit.token(NINA), 'get_chat', { chat_id: chat.id })).body.thread.tags,
    ).toContain('complaint')
    expect((await kit.call(kit.token(NINA), 'untag_thread', body)).status).toBe(200)
    expect(thread?.tags).not.toContain('complaint')
  })

  test('tags are case-sensitive: an unknown tag is 404; an unknown thread is 404', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const thread = latest(chat)?.id
    expect(
      (
        await kit.call(kit.token(NINA), 'tag_thread', {
          chat_id: chat.id,
          thread_id: thread,
          tag: 'Complaint',
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await kit.call(kit.token(NINA), 'tag_thread', {
          chat_id: chat.id,
          thread_id: 'ZZZZZZZZZZ',
          tag: 'spam',
        })
      ).status,
    ).toBe(404)
  })
})

describe('send_typing_indicator, update_chat_properties, list_agents_for_transfer', () => {
  test('send_typing_indicator needs a present requester in an active chat and is_typing', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    expect(
      (
        await kit.call(kit.token(NINA), 'send_typing_indicator', {
          chat_id: chat.id,
          is_typing: true,
        })
      ).body,
    ).toEqual({})
    expect(
      (await kit.call(kit.token(NINA), 'send_typing_indicator', { chat_id: chat.id })).status,
    ).toBe(400)
    const other = kit.chat((c) => isActive(c) && inGroup(1)(c) && !hasPresentAgent(NINA)(c))
    expect(
      (
        await kit.call(kit.token(NINA), 'send_typing_indicator', {
          chat_id: other.id,
          is_typing: true,
        })
      ).status,
    ).toBe(403)
  })

  test('update_chat_properties merges namespaces; malformed properties are 400', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const result = await kit.call(kit.token(NINA), 'update_chat_properties', {
      id: chat.id,
      properties: { routing: { idle: true }, custom: { color: 'blue' } },
    })
    expect(result.status).toBe(200)
    expect(chat.properties.routing).toMatchObject({ idle: true })
    expect(chat.properties.custom).toEqual({ color: 'blue' })
    expect(
      (
        await kit.call(kit.token(NINA), 'update_chat_properties', {
          id: chat.id,
          properties: { x: 1 },
        })
      ).status,
    ).toBe(400)
  })

  test('list_agents_for_transfer: online agents of the chat’s groups not serving it, fewest chats first', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c) && inGroup(1)(c))
    const result = await kit.call(kit.token(NINA), 'list_agents_for_transfer', { chat_id: chat.id })
    expect(result.status).toBe(200)
    const ids = result.body.map((row: { agent_id: string }) => row.agent_id)
    expect(ids).not.toContain(NINA)
    // Ben is offline; Sam is not in Sales.
    expect(ids).not.toContain('ben@acme.test')
    expect(ids).not.toContain(SAM)
    expect(ids).toContain(ADAM)
    const counts = result.body.map((row: { total_active_chats: number }) => row.total_active_chats)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
  })
})
