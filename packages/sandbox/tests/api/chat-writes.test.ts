// Writing to chats: docs/AGENT-API.md (send_event, deactivate_chat, mark_events_as_seen,
// follow_chat) and docs/AGENT-API.md (send_event and deactivate_chat behaviour).
import { describe, expect, test } from 'vitest'
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

const message = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  text,
  ...extra,
})

describe('send_event', () => {
  test('appends a message to the active thread and returns {event_id} in <thread_id>_<n> form', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const thread = chat.threads[chat.threads.length - 1]
    const before = thread?.events.length ?? 0
    const result = await kit.call(kit.token(NINA), 'send_event', {
      chat_id: chat.id,
      event: message('On it!', { custom_id: 'c-1' }),
    })
    expect(result.status).toBe(200)
    expect(result.body).toEqual({ event_id: `${thread?.id}_${before + 1}` })
    const read = await kit.call(kit.token(NINA), 'get_chat', { chat_id: chat.id })
    const last = read.body.thread.events[read.body.thread.events.length - 1]
    expect(last).toMatchObject({
      id: result.body.event_id,
      type: 'message',
      text: 'On it!',
      author_id: NINA,
      visibility: 'all',
      custom_id: 'c-1',
    })
    expect(last.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    expect(
      last.created_at > read.body.thread.events[read.body.thread.events.length - 2].created_at,
    ).toBe(true)
    // The requester has now seen everything.
    const me = read.body.users.find((u: { id: string }) => u.id === NINA)
    expect(me.events_seen_up_to).toBe(last.created_at)
  })

  test('an internal note (visibility agents) is stored as such', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(SAM)(c))
    const result = await kit.call(kit.token(SAM), 'send_event', {
      chat_id: chat.id,
      event: message('Customer seems upset', { visibility: 'agents' }),
    })
    expect(result.status).toBe(200)
    const stored = chat.threads[chat.threads.length - 1]?.events.find(
      (e) => e.id === result.body.event_id,
    )
    expect(stored?.visibility).toBe('agents')
  })

  test('the requester must be present in the chat: Nina in a Sales chat she is not part of → 403 missing_access', async () => {
    const kit = new ApiKit()
    const chat = kit.chat(
      (c) => isActive(c) && inGroup(1)(c) && !c.users.some((u) => u.id === NINA),
    )
    const result = await kit.call(kit.token(NINA), 'send_event', {
      chat_id: chat.id,
      event: message('hi'),
    })
    expect(result.status).toBe(403)
    expect(result.body.error.type).toBe('missing_access')
  })

  test('a supervisor with visibility agents may send internal notes but not visibility all', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) =>
      c.users.some((u) => u.id === ADAM && u.visibility === 'agents' && u.present),
    )
    const token = kit.token(ADAM)
    const loud = await kit.call(token, 'send_event', {
      chat_id: chat.id,
      event: message('hello customer'),
    })
    expect(loud.status).toBe(400)
    expect(loud.body.error.type).toBe('validation')
    const note = await kit.call(token, 'send_event', {
      chat_id: chat.id,
      event: message('offer the discount', { visibility: 'agents' }),
    })
    expect(note.status).toBe(200)
  })

  test('an inactive chat: 409 chat_inactive', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => !isActive(c) && c.users.some((u) => u.id === NINA))
    const result = await kit.call(kit.token(NINA), 'send_event', {
      chat_id: chat.id,
      event: message('anyone?'),
    })
    expect(result.status).toBe(409)
    expect(result.body.error.type).toBe('chat_inactive')
  })

  test.each([
    ['no event', {}],
    ['event not an object', { event: 'hi' }],
    ['no type', { event: { text: 'hi' } }],
    ['a non-message type', { event: { type: 'file', url: 'https://x' } }],
    ['no text', { event: { type: 'message' } }],
    ['empty text', { event: message('') }],
    ['text not a string', { event: message(42 as unknown as string) }],
    ['bad visibility', { event: message('hi', { visibility: 'customers' }) }],
    ['text over 16 KB', { event: message('x'.repeat(16 * 1024 + 1)) }],
    ['16 KB of 4-byte emoji is over the byte limit', { event: message('😁'.repeat(4097)) }],
  ])('%s: 400 validation', async (_name, body) => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const result = await kit.call(kit.token(NINA), 'send_event', { chat_id: chat.id, ...body })
    expect(result.status).toBe(400)
    expect(result.body.error.type).toBe('validation')
  })

  test('exactly 16 KB of text is accepted', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const result = await kit.call(kit.token(NINA), 'send_event', {
      chat_id: chat.id,
      event: message('x'.repeat(16 * 1024)),
    })
    expect(result.status).toBe(200)
  })

  test('the sent message is visible through the control API /sandbox/chats/:id', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(OLIVIA)(c))
    await kit.call(kit.token(OLIVIA), 'send_event', {
      chat_id: chat.id,
      event: message('From Olivia'),
    })
    const raw = await (await kit.app.request(`/sandbox/chats/${chat.id}`)).json()
    const events = raw.threads[raw.threads.length - 1].events
    expect(events[events.length - 1]).toMatchObject({ text: 'From Olivia', author_id: OLIVIA })
  })
})

describe('deactivate_chat', () => {
  test('closes the active thread: {} back, the thread inactive, a system message, then chat_inactive', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const token = kit.token(NINA)
    const result = await kit.call(token, 'deactivate_chat', { id: chat.id })
    expect(result.status).toBe(200)
    expect(result.body).toEqual({})
    const read = await kit.call(token, 'get_chat', { chat_id: chat.id })
    expect(read.body.thread.active).toBe(false)
    const last = read.body.thread.events[read.body.thread.events.length - 1]
    expect(last).toMatchObject({
      type: 'system_message',
      system_message_type: 'manual_archived_agent',
    })
    const listed = await kit.call(token, 'list_chats', { filters: { active: false }, limit: 100 })
    expect(listed.body.chats_summary.map((c: { id: string }) => c.id)).toContain(chat.id)
    const again = await kit.call(token, 'deactivate_chat', { id: chat.id })
    expect(again.status).toBe(409)
    expect(again.body.error.type).toBe('chat_inactive')
    const send = await kit.call(token, 'send_event', {
      chat_id: chat.id,
      event: message('too late'),
    })
    expect(send.body.error.type).toBe('chat_inactive')
  })

  test('needs presence unless ignore_requester_presence is true', async () => {
    const kit = new ApiKit()
    const chat = kit.chat(
      (c) => isActive(c) && inGroup(1)(c) && !c.users.some((u) => u.id === NINA),
    )
    const token = kit.token(NINA)
    const refused = await kit.call(token, 'deactivate_chat', { id: chat.id })
    expect(refused.status).toBe(403)
    expect(refused.body.error.type).toBe('missing_access')
    const forced = await kit.call(token, 'deactivate_chat', {
      id: chat.id,
      ignore_requester_presence: true,
    })
    expect(forced.status).toBe(200)
  })

  test('deactivating the queued chat removes its queue', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => c.threads.some((t) => t.queue !== undefined))
    const result = await kit.call(kit.token(OLIVIA), 'deactivate_chat', {
      id: chat.id,
      ignore_requester_presence: true,
    })
    expect(result.status).toBe(200)
    expect(chat.threads[chat.threads.length - 1]?.queue).toBeUndefined()
  })
})

describe('mark_events_as_seen and follow_chat', () => {
  test('mark_events_as_seen moves the requester’s events_seen_up_to forward only', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const token = kit.token(NINA)
    const later = '2099-01-01T00:00:00.000000Z'
    expect(
      (await kit.call(token, 'mark_events_as_seen', { chat_id: chat.id, seen_up_to: later })).body,
    ).toEqual({})
    await kit.call(token, 'mark_events_as_seen', {
      chat_id: chat.id,
      seen_up_to: '2000-01-01T00:00:00Z',
    })
    expect(chat.users.find((u) => u.id === NINA)?.events_seen_up_to).toBe(later)
    const bad = await kit.call(token, 'mark_events_as_seen', {
      chat_id: chat.id,
      seen_up_to: 'now',
    })
    expect(bad.status).toBe(400)
  })

  test('follow_chat makes is_followed true for the requester only; unfollow_chat undoes it', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => inGroup(1)(c) && !hasPresentAgent(NINA)(c))
    const nina = kit.token(NINA)
    expect((await kit.call(nina, 'follow_chat', { id: chat.id })).status).toBe(200)
    expect((await kit.call(nina, 'get_chat', { chat_id: chat.id })).body.is_followed).toBe(true)
    expect(
      (await kit.call(kit.token(OLIVIA), 'get_chat', { chat_id: chat.id })).body.is_followed,
    ).toBe(false)
    // RTM reference, "Unfollow Chat"'s sample answer (U18).
    expect((await kit.call(nina, 'unfollow_chat', { id: chat.id })).body).toEqual({
      chat_id: chat.id,
    })
    expect((await kit.call(nina, 'get_chat', { chat_id: chat.id })).body.is_followed).toBe(false)
  })

  test('unfollow_chat: chat members cannot unfollow (400 validation)', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const result = await kit.call(kit.token(NINA), 'unfollow_chat', { id: chat.id })
    expect(result.status).toBe(400)
    expect(result.body.error.type).toBe('validation')
  })
})
