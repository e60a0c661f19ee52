// Cursor pagination: docs/AGENT-API.md (page_id, filters remembered, sort order,
// totals) and docs/AGENT-API.md (limits, validation of page_id combinations, expiry).
import { describe, expect, test } from 'vitest'
import { ApiKit, NINA, OLIVIA } from '../harness/api-kit'

interface Summary {
  id: string
  last_thread_summary: { created_at: string; active: boolean }
}

describe('list_chats pages', () => {
  test('an agent who sees all 25 chats gets 3 pages at limit 10, each chat once, newest first', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const first = await kit.call(token, 'list_chats', { limit: 10 })
    expect(first.status).toBe(200)
    expect(first.body.found_chats).toBe(kit.state.world.chats.length)
    expect(first.body.chats_summary).toHaveLength(10)
    expect(first.body.previous_page_id).toBeUndefined()
    expect(typeof first.body.next_page_id).toBe('string')
    expect(Buffer.from(first.body.next_page_id, 'base64').toString('base64')).toBe(
      first.body.next_page_id,
    )

    const second = await kit.call(token, 'list_chats', { page_id: first.body.next_page_id })
    expect(second.body.chats_summary).toHaveLength(10)
    expect(typeof second.body.previous_page_id).toBe('string')
    const third = await kit.call(token, 'list_chats', { page_id: second.body.next_page_id })
    expect(third.body.chats_summary).toHaveLength(kit.state.world.chats.length - 20)
    expect(third.body.next_page_id).toBeUndefined()
    expect(typeof third.body.previous_page_id).toBe('string')

    const all: Summary[] = [
      ...first.body.chats_summary,
      ...second.body.chats_summary,
      ...third.body.chats_summary,
    ]
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length)
    const created = all.map((c) => c.last_thread_summary.created_at)
    expect(created).toEqual([...created].sort().reverse())

    // Going back lands on the page before.
    const back = await kit.call(token, 'list_chats', { page_id: third.body.previous_page_id })
    expect(back.body.chats_summary.map((c: Summary) => c.id)).toEqual(
      second.body.chats_summary.map((c: Summary) => c.id),
    )
  })

  test('sort_order asc: oldest first, the reverse of desc', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const desc = await kit.call(token, 'list_chats', { limit: 100 })
    const asc = await kit.call(token, 'list_chats', { limit: 100, sort_order: 'asc' })
    expect(asc.body.chats_summary.map((c: Summary) => c.id)).toEqual(
      desc.body.chats_summary.map((c: Summary) => c.id).reverse(),
    )
  })

  test('filters are remembered: a page_id from an active-only first request keeps returning active chats', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const first = await kit.call(token, 'list_chats', { filters: { active: false }, limit: 5 })
    const inactive = kit.state.world.chats.filter(
      (c) => !c.threads[c.threads.length - 1]?.active,
    ).length
    expect(first.body.found_chats).toBe(inactive)
    const next = await kit.call(token, 'list_chats', { page_id: first.body.next_page_id })
    expect(next.body.found_chats).toBe(inactive)
    for (const chat of [...first.body.chats_summary, ...next.body.chats_summary]) {
      expect(chat.last_thread_summary.active).toBe(false)
    }
  })

  test('Nina sees 18 chats: 2 pages at limit 10 and no third', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    const first = await kit.call(token, 'list_chats', {})
    expect(first.body.found_chats).toBe(18)
    expect(first.body.chats_summary).toHaveLength(10)
    const second = await kit.call(token, 'list_chats', { page_id: first.body.next_page_id })
    expect(second.body.chats_summary).toHaveLength(8)
    expect(second.body.next_page_id).toBeUndefined()
  })
})

describe('page_id rules', () => {
  test.each([
    ['filters', { filters: { active: true } }],
    ['limit', { limit: 5 }],
    ['sort_order', { sort_order: 'asc' }],
  ])('page_id together with %s: 400 validation', async (_name, extra) => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const first = await kit.call(token, 'list_chats', { limit: 5 })
    const result = await kit.call(token, 'list_chats', {
      page_id: first.body.next_page_id,
      ...extra,
    })
    expect(result.status).toBe(400)
    expect(result.body.error.type).toBe('validation')
  })

  test('an unknown page_id: 400 validation', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(OLIVIA), 'list_chats', {
      page_id: 'MTUxNzM5ODEzMTQ5Ng==',
    })
    expect(result.status).toBe(400)
    expect(result.body.error.type).toBe('validation')
  })

  test('a page_id expires after a month', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA, ['chats--access:ro'])
    const first = await kit.call(token, 'list_chats', { limit: 5 })
    kit.state.clockOffsetMs += 29 * 86_400_000
    // The token would have expired long ago: mint a fresh one for the same person.
    const later = kit.token(OLIVIA, ['chats--access:ro'])
    expect((await kit.call(later, 'list_chats', { page_id: first.body.next_page_id })).status).toBe(
      200,
    )
    kit.state.clockOffsetMs += 2 * 86_400_000
    const expired = await kit.call(kit.token(OLIVIA, ['chats--access:ro']), 'list_chats', {
      page_id: first.body.next_page_id,
    })
    expect(expired.status).toBe(400)
    expect(expired.body.error.type).toBe('validation')
  })

  test("a page_id belongs to its method and its agent: another method or another agent can't use it", async () => {
    const kit = new ApiKit()
    const first = await kit.call(kit.token(OLIVIA), 'list_chats', { limit: 5 })
    const otherMethod = await kit.call(kit.token(OLIVIA), 'list_archives', {
      page_id: first.body.next_page_id,
    })
    expect(otherMethod.status).toBe(400)
    const otherAgent = await kit.call(kit.token(NINA), 'list_chats', {
      page_id: first.body.next_page_id,
    })
    expect(otherAgent.status).toBe(400)
  })
})

describe('limits', () => {
  test.each([
    ['list_chats', 0],
    ['list_chats', 101],
    ['list_chats', 2.5],
    ['list_archives', 0],
    ['list_archives', 101],
  ])('%s with limit %s: 400 validation', async (method, limit) => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(OLIVIA), method, { limit })
    expect(result.status).toBe(400)
    expect(result.body.error.type).toBe('validation')
  })

  test('defaults: list_chats 10, list_archives 10, list_threads 3; maximum 100', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    expect((await kit.call(token, 'list_chats')).body.chats_summary).toHaveLength(10)
    expect((await kit.call(token, 'list_archives')).body.chats).toHaveLength(10)
    const longChat = kit.chat((c) => c.threads.length === 4)
    const threads = await kit.call(token, 'list_threads', { chat_id: longChat.id })
    expect(threads.body.threads).toHaveLength(3)
    expect(threads.body.found_threads).toBe(4)
    expect(typeof threads.body.next_page_id).toBe('string')
    expect((await kit.call(token, 'list_chats', { limit: 100 })).body.chats_summary).toHaveLength(
      kit.state.world.chats.length,
    )
  })
})

describe('list_threads pagination', () => {
  test('threads newest first, then the rest through next_page_id, with the chat_id still required', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const chat = kit.chat((c) => c.threads.length === 4)
    const first = await kit.call(token, 'list_threads', { chat_id: chat.id, limit: 2 })
    expect(first.body.threads.map((t: { id: string }) => t.id)).toEqual([
      chat.threads[3]?.id,
      chat.threads[2]?.id,
    ])
    const missingChat = await kit.call(token, 'list_threads', { page_id: first.body.next_page_id })
    expect(missingChat.status).toBe(400)
    const second = await kit.call(token, 'list_threads', {
      chat_id: chat.id,
      page_id: first.body.next_page_id,
    })
    expect(second.body.threads.map((t: { id: string }) => t.id)).toEqual([
      chat.threads[1]?.id,
      chat.threads[0]?.id,
    ])
    expect(second.body.next_page_id).toBeUndefined()
    const otherChat = kit.chat((c) => c.id !== chat.id)
    const wrongChat = await kit.call(token, 'list_threads', {
      chat_id: otherChat.id,
      page_id: first.body.next_page_id,
    })
    expect(wrongChat.status).toBe(400)
  })

  test('min_events_count returns as many latest threads as it takes; it excludes limit and filters', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const chat = kit.chat(
      (c) => c.threads.length === 4 && c.threads.every((t) => t.events.length > 0),
    )
    const latest = chat.threads[3]?.events.length ?? 0
    const result = await kit.call(token, 'list_threads', {
      chat_id: chat.id,
      min_events_count: latest + 1,
    })
    expect(result.status).toBe(200)
    expect(result.body.threads).toHaveLength(2)
    const one = await kit.call(token, 'list_threads', { chat_id: chat.id, min_events_count: 1 })
    expect(one.body.threads).toHaveLength(1)
    for (const extra of [{ limit: 2 }, { filters: {} }]) {
      const bad = await kit.call(token, 'list_threads', {
        chat_id: chat.id,
        min_events_count: 1,
        ...extra,
      })
      expect(bad.status).toBe(400)
    }
  })

  test('filters.from / to select threads by start time', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const chat = kit.chat((c) => c.threads.length === 4)
    const from = chat.threads[2]?.created_at
    const result = await kit.call(token, 'list_threads', { chat_id: chat.id, filters: { from } })
    expect(result.body.found_threads).toBe(2)
    const bad = await kit.call(token, 'list_threads', {
      chat_id: chat.id,
      filters: { from: 'yesterday' },
    })
    expect(bad.status).toBe(400)
  })
})
