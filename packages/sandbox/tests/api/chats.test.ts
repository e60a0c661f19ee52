// Reading chats: docs/AGENT-API.md (list_chats, get_chat, list_threads, get_customer),
// docs/AGENT-API.md (payload shapes) and docs/AGENT-API.md (get_chat defaults to the latest thread; unknown customer).
import { describe, expect, test } from 'vitest'
import { RESTRICTED_ACCESS_TEXT } from '../../src/seed/chats'
import { ADAM, ApiKit, isActive, NINA, OLIVIA, SAM } from '../harness/api-kit'

describe('list_chats summaries (chat summary)', () => {
  test('each summary has the latest thread summary, users, last_event_per_type, access, is_followed', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'list_chats', { limit: 100 })
    for (const summary of result.body.chats_summary) {
      const chat = kit.state.world.chats.find((c) => c.id === summary.id)
      if (!chat) throw new Error('unknown chat in the list')
      const latest = chat.threads[chat.threads.length - 1]
      expect(summary.last_thread_summary.id).toBe(latest?.id)
      expect(summary.last_thread_summary.active).toBe(latest?.active)
      expect(summary.access).toEqual(chat.access)
      expect(summary.is_followed).toBe(false)
      expect(summary.users.some((u: { type: string }) => u.type === 'customer')).toBe(true)
      expect(summary.last_event_per_type.message.event.type).toBe('message')
    }
  })

  test('filters.active true / false split the chats; group_ids narrows them', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const active = await kit.call(token, 'list_chats', { filters: { active: true }, limit: 100 })
    const inactive = await kit.call(token, 'list_chats', { filters: { active: false }, limit: 100 })
    const both = await kit.call(token, 'list_chats', { filters: { active: null }, limit: 100 })
    expect(active.body.found_chats + inactive.body.found_chats).toBe(both.body.found_chats)
    expect(active.body.found_chats).toBe(kit.chats(isActive).length)
    const sales = await kit.call(token, 'list_chats', { filters: { group_ids: [1] }, limit: 100 })
    for (const c of sales.body.chats_summary) expect(c.access.group_ids).toContain(1)
    expect(sales.body.found_chats).toBe(kit.chats((c) => c.access.group_ids.includes(1)).length)
  })

  test('filters.properties: exists / values / exclude_values on chat properties', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const rated = await kit.call(token, 'list_chats', {
      filters: { properties: { rating: { score: { exists: true } } } },
    })
    expect(rated.body.found_chats).toBe(kit.chats((c) => c.properties.rating !== undefined).length)
    const good = await kit.call(token, 'list_chats', {
      filters: { properties: { rating: { score: { values: [1] } } } },
    })
    expect(good.body.found_chats).toBe(kit.chats((c) => c.properties.rating?.score === 1).length)
    const twoModes = await kit.call(token, 'list_chats', {
      filters: { properties: { rating: { score: { exists: true, values: [1] } } } },
    })
    expect(twoModes.status).toBe(400)
  })

  test.each([
    [{ filters: { active: 'yes' } }],
    [{ filters: { group_ids: ['1'] } }],
    [{ filters: { group_ids: Array.from({ length: 201 }, (_, i) => i) } }],
    [{ filters: { unknown: true } }],
    [{ filters: [] }],
    [{ sort_order: 'newest' }],
  ])('bad parameters %j: 400 validation', async (body) => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'list_chats', body)
    expect(result.status).toBe(400)
    expect(result.body.error.type).toBe('validation')
  })
})

describe('get_chat', () => {
  test('without thread_id it returns the latest thread, with thread links and users', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => c.threads.length >= 3 && c.access.group_ids.includes(1))
    const result = await kit.call(kit.token(NINA), 'get_chat', { chat_id: chat.id })
    expect(result.status).toBe(200)
    const latest = chat.threads[chat.threads.length - 1]
    expect(result.body.id).toBe(chat.id)
    expect(result.body.thread.id).toBe(latest?.id)
    expect(result.body.thread.previous_thread_id).toBe(chat.threads[chat.threads.length - 2]?.id)
    expect(result.body.thread.next_thread_id).toBeUndefined()
    expect(Object.keys(result.body).sort()).toEqual([
      'access',
      'id',
      'is_followed',
      'properties',
      'thread',
      'users',
    ])
    const agentUser = result.body.users.find((u: { type: string }) => u.type === 'agent')
    expect(agentUser).toMatchObject({ type: 'agent', email: agentUser.id })
    expect(typeof agentUser.name).toBe('string')
  })

  test('with thread_id it returns that thread; an unknown thread is 404 not_found', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => c.threads.length >= 3 && c.access.group_ids.includes(1))
    const first = chat.threads[0]
    const result = await kit.call(kit.token(NINA), 'get_chat', {
      chat_id: chat.id,
      thread_id: first?.id,
    })
    expect(result.body.thread.id).toBe(first?.id)
    expect(result.body.thread.previous_thread_id).toBeUndefined()
    expect(result.body.thread.next_thread_id).toBe(chat.threads[1]?.id)
    const unknown = await kit.call(kit.token(NINA), 'get_chat', {
      chat_id: chat.id,
      thread_id: 'ZZZZZZZZZZ',
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.type).toBe('not_found')
  })

  test('chat_id is required', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'get_chat', {})
    expect(result.status).toBe(400)
    expect(result.body.error.type).toBe('validation')
  })

  test('a restricted thread has restricted_access and no events', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => c.threads.some((t) => t.restricted_access !== undefined))
    const thread = chat.threads.find((t) => t.restricted_access !== undefined)
    const result = await kit.call(kit.token(OLIVIA), 'get_chat', {
      chat_id: chat.id,
      thread_id: thread?.id,
    })
    expect(result.body.thread.restricted_access).toBe(RESTRICTED_ACCESS_TEXT)
    expect(result.body.thread).not.toHaveProperty('events')
  })

  test('the queued thread carries its queue object; nobody but the customer is in it', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => c.threads.some((t) => t.queue !== undefined))
    const result = await kit.call(kit.token(OLIVIA), 'get_chat', { chat_id: chat.id })
    expect(result.body.thread.queue).toMatchObject({ position: 1 })
    expect(result.body.thread.queue.wait_time).toBeGreaterThan(0)
    expect(result.body.users.map((u: { type: string }) => u.type)).toEqual(['customer'])
  })

  test('deleted events: normal agents get the redacted shape, administrators the content flagged deleted', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) =>
      c.threads.some((t) => t.events.some((e) => e.type !== 'system_message' && e.deleted)),
    )
    const thread = chat.threads.find((t) =>
      t.events.some((e) => e.type !== 'system_message' && e.deleted),
    )
    const deleted = thread?.events.find((e) => e.type !== 'system_message' && e.deleted)
    const who = chat.access.group_ids.includes(2) ? SAM : NINA
    const asAgent = await kit.call(kit.token(who), 'get_chat', {
      chat_id: chat.id,
      thread_id: thread?.id,
    })
    const redacted = asAgent.body.thread.events.find((e: { id: string }) => e.id === deleted?.id)
    expect(redacted).toEqual({
      id: deleted?.id,
      created_at: deleted?.created_at,
      type: 'message',
      visibility: 'all',
      deleted: true,
      author_id: chat.users.find((u) => u.type === 'customer')?.id,
    })
    const asAdmin = await kit.call(kit.token(ADAM), 'get_chat', {
      chat_id: chat.id,
      thread_id: thread?.id,
    })
    const full = asAdmin.body.thread.events.find((e: { id: string }) => e.id === deleted?.id)
    expect(full.deleted).toBe(true)
    expect(typeof full.text).toBe('string')
  })

  test('hostile texts come back byte for byte (the app must render them as text)', async () => {
    const kit = new ApiKit()
    const chat = kit.chat(
      (c) =>
        isActive(c) &&
        c.threads.some((t) => t.events.some((e) => 'text' in e && e.text.includes('onerror'))),
    )
    const result = await kit.call(kit.token(NINA), 'get_chat', { chat_id: chat.id })
    const texts = result.body.thread.events.map((e: { text?: string }) => e.text ?? '')
    expect(texts).toContain('Hi <img src=x onerror=alert(1)> can you see this?')
    expect(texts.some((t: string) => t.includes('](javascript:'))).toBe(true)
  })

  test('responses are copies: mutating one does not change the sandbox', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => c.access.group_ids.includes(1))
    const result = await kit.call(kit.token(NINA), 'get_chat', { chat_id: chat.id })
    result.body.thread.events.length = 0
    const again = await kit.call(kit.token(NINA), 'get_chat', { chat_id: chat.id })
    expect(again.body.thread.events.length).toBeGreaterThan(0)
  })
})

describe('get_customer', () => {
  test('a known customer: the customer object with visit.geolocation, statistics and chat_ids', async () => {
    const kit = new ApiKit()
    const customer = kit.state.world.customers.find((c) => c.name === 'Priya Sharma')
    const result = await kit.call(kit.token(NINA), 'get_customer', { id: customer?.id })
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ id: customer?.id, type: 'customer', name: 'Priya Sharma' })
    expect(result.body.visit.geolocation.country_code).toBe('IN')
    expect(result.body.statistics.chats_count).toBe(result.body.chat_ids.length)
    expect(result.body.session_fields).toContainEqual({ plan: 'pro' })
  })

  test('the anonymous customer has an id and no name, email or visit', async () => {
    const kit = new ApiKit()
    const anonymous = kit.state.world.customers.find((c) => !c.name)
    const result = await kit.call(kit.token(NINA), 'get_customer', { id: anonymous?.id })
    expect(result.status).toBe(200)
    expect(result.body).not.toHaveProperty('name')
    expect(result.body).not.toHaveProperty('email')
    expect(result.body).not.toHaveProperty('visit')
  })

  test('an unknown id is 404 not_found; a missing id is 400 validation', async () => {
    const kit = new ApiKit()
    const unknown = await kit.call(kit.token(NINA), 'get_customer', {
      id: '00000000-0000-4000-8000-000000000000',
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.type).toBe('not_found')
    expect((await kit.call(kit.token(NINA), 'get_customer', {})).status).toBe(400)
  })
})
