// list_archives: docs/AGENT-API.md (one row per thread, filters) and docs/AGENT-API.md (query,
// from/to, group_ids, agents, tags, customer_id/customer_email, chat_ids, thread_ids).
import { describe, expect, test } from 'vitest'
import { CUSTOMER_IDS } from '../../src/seed/customers'
import { ApiKit, NINA, OLIVIA, SAM } from '../harness/api-kit'

interface Row {
  id: string
  thread: {
    id: string
    created_at: string
    tags?: string[]
    user_ids: string[]
    events?: { text?: string }[]
  }
  access: { group_ids: number[] }
  users: { id: string; type: string; email?: string }[]
}

async function archives(
  kit: ApiKit,
  token: string,
  filters: object = {},
  extra: object = {},
): Promise<Row[]> {
  const result = await kit.call(token, 'list_archives', { filters, limit: 100, ...extra })
  expect(result.status).toBe(200)
  return result.body.chats
}

const totalThreads = (kit: ApiKit) =>
  kit.state.world.chats.reduce((n, c) => n + c.threads.length, 0)

describe('list_archives rows', () => {
  test('one row per thread: a chat with several threads repeats, each time with another thread', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(OLIVIA), 'list_archives', { limit: 100 })
    expect(result.body.found_chats).toBe(totalThreads(kit))
    const rows: Row[] = result.body.chats
    const multi = kit.chat((c) => c.threads.length === 4)
    const mine = rows.filter((r) => r.id === multi.id)
    expect(mine.map((r) => r.thread.id).sort()).toEqual(multi.threads.map((t) => t.id).sort())
    const created = rows.map((r) => r.thread.created_at)
    expect(created).toEqual([...created].sort().reverse())
  })

  test('rows carry the chat users and previous/next accessible thread ids', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => c.threads.length === 3)
    const rows = await archives(kit, kit.token(OLIVIA), { chat_ids: [chat.id] })
    const middle = rows.find((r) => r.thread.id === chat.threads[1]?.id) as Row & {
      thread: { previous_accessible_thread_id?: string; next_accessible_thread_id?: string }
    }
    expect(middle.thread.previous_accessible_thread_id).toBe(chat.threads[0]?.id)
    expect(middle.thread.next_accessible_thread_id).toBe(chat.threads[2]?.id)
    expect(middle.users.some((u) => u.type === 'customer')).toBe(true)
  })
})

describe('list_archives filters', () => {
  test('query: case-insensitive substring over event text', async () => {
    const kit = new ApiKit()
    const rows = await archives(kit, kit.token(OLIVIA), { query: 'REFUND' })
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.thread.events?.some((e) => (e.text ?? '').toLowerCase().includes('refund'))).toBe(
        true,
      )
    }
    expect(await archives(kit, kit.token(OLIVIA), { query: 'no message says this' })).toEqual([])
  })

  test('query finds the hostile texts; deleted content is never searchable', async () => {
    const kit = new ApiKit()
    expect(
      (await archives(kit, kit.token(NINA), { query: 'onerror=alert' })).length,
    ).toBeGreaterThan(0)
    expect(await archives(kit, kit.token(OLIVIA), { query: '4111 1111' })).toEqual([])
  })

  test('from / to bound the thread start time', async () => {
    const kit = new ApiKit()
    const all = await archives(kit, kit.token(OLIVIA))
    const pivot = all[5]?.thread.created_at
    const newer = await archives(kit, kit.token(OLIVIA), { from: pivot })
    expect(newer.map((r) => r.thread.id)).toEqual(all.slice(0, 6).map((r) => r.thread.id))
    const older = await archives(kit, kit.token(OLIVIA), { to: pivot })
    expect(older.length).toBe(all.length - 5)
  })

  test('group_ids, chat_ids and thread_ids', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const support = await archives(kit, token, { group_ids: [2] })
    expect(support.length).toBe(
      kit.chats((c) => c.access.group_ids.includes(2)).reduce((n, c) => n + c.threads.length, 0),
    )
    const chat = kit.chat((c) => c.threads.length === 2)
    expect((await archives(kit, token, { chat_ids: [chat.id] })).map((r) => r.id)).toEqual([
      chat.id,
      chat.id,
    ])
    const threadId = chat.threads[0]?.id ?? ''
    const byThread = await kit.call(token, 'list_archives', { filters: { thread_ids: [threadId] } })
    expect(byThread.body.chats.map((r: Row) => r.thread.id)).toEqual([threadId])
    expect(byThread.body.next_page_id).toBeUndefined()
  })

  test('thread_ids cannot be combined with other filters; more than 20 is refused', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const combined = await kit.call(token, 'list_archives', {
      filters: { thread_ids: ['AAAAAAAAAA'], query: 'x' },
    })
    expect(combined.status).toBe(400)
    const many = await kit.call(token, 'list_archives', {
      filters: { thread_ids: Array.from({ length: 21 }, (_, i) => `T${i}`) },
    })
    expect(many.status).toBe(400)
  })

  test('agents: values / exists', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const sams = await archives(kit, token, { agents: { values: [SAM] } })
    expect(sams.length).toBeGreaterThan(0)
    for (const row of sams) expect(row.thread.user_ids).toContain(SAM)
    const unassigned = await archives(kit, token, { agents: { exists: false } })
    expect(unassigned.length).toBe(1)
  })

  test('tags: values and exclude_values', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const spam = await archives(kit, token, { tags: { values: ['spam'] } })
    expect(spam.length).toBe(2)
    for (const row of spam) expect(row.thread.tags).toContain('spam')
    const notSpam = await archives(kit, token, { tags: { exclude_values: ['spam'] } })
    expect(notSpam.length).toBe(totalThreads(kit) - 2)
  })

  test('customer_id, customer_email and customer_countries', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const byId = await archives(kit, token, { customer_id: CUSTOMER_IDS.maria })
    expect(byId.length).toBeGreaterThan(0)
    for (const row of byId) expect(row.users.some((u) => u.id === CUSTOMER_IDS.maria)).toBe(true)
    const byEmail = await archives(kit, token, { customer_email: 'MARIA.LOPEZ@example.com' })
    expect(byEmail.map((r) => r.thread.id)).toEqual(byId.map((r) => r.thread.id))
    const spain = await archives(kit, token, { customer_countries: { values: ['ES'] } })
    expect(spain.map((r) => r.thread.id)).toEqual(byId.map((r) => r.thread.id))
  })

  test.each([
    [{ filters: { sales: { exists: true } } }],
    [{ filters: { goals: { exists: true } } }],
    [{ filters: { not_a_filter: 1 } }],
    [{ filters: { from: '2024-13-01' } }],
    [{ filters: { agents: { values: [SAM], exists: true } } }],
    [{ filters: { chat_ids: 'X' } }],
    [{ highlights: 'yes' }],
  ])('%j: 400 validation', async (body) => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(OLIVIA), 'list_archives', body)
    expect(result.status).toBe(400)
    expect(result.body.error.type).toBe('validation')
  })

  test('filters are remembered across pages', async () => {
    const kit = new ApiKit()
    const token = kit.token(OLIVIA)
    const first = await kit.call(token, 'list_archives', { filters: { group_ids: [1] }, limit: 4 })
    const second = await kit.call(token, 'list_archives', { page_id: first.body.next_page_id })
    expect(second.body.found_chats).toBe(first.body.found_chats)
    for (const row of second.body.chats) expect(row.access.group_ids).toEqual([1])
  })
})
