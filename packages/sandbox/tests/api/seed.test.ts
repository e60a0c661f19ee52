// The seed world: docs/AGENT-API.md (seed data) and docs/AGENT-API.md (id and timestamp formats).
import { describe, expect, test } from 'vitest'
import { XSS_IMG } from '../../src/seed/conversations'
import { PEOPLE } from '../../src/seed/identity'
import { createWorld } from '../../src/seed/world'
import { DEFAULT_WORLD_SEED } from '../../src/seed/world-seed'
import type { ChatEvent } from '../../src/seed/world-records'
import { inGroup, isActive, NINA, SAM } from '../harness/api-kit'

const ANCHOR = Date.parse('2026-06-15T12:00:00Z')
const world = createWorld(DEFAULT_WORLD_SEED, ANCHOR)
const events: ChatEvent[] = world.chats.flatMap((c) => c.threads.flatMap((t) => t.events))
const personas = PEOPLE.filter((p) => p.persona).map((p) => p.email)

describe('determinism', () => {
  test('two worlds from the same anchor are identical; another anchor keeps the ids', () => {
    expect(createWorld(DEFAULT_WORLD_SEED, ANCHOR).chats).toEqual(world.chats)
    expect(createWorld(DEFAULT_WORLD_SEED, ANCHOR).customers).toEqual(world.customers)
    const later = createWorld(DEFAULT_WORLD_SEED, ANCHOR + 86_400_000)
    expect(later.chats.map((c) => c.id)).toEqual(world.chats.map((c) => c.id))
    expect(later.chats[0]?.threads[0]?.created_at).not.toBe(world.chats[0]?.threads[0]?.created_at)
  })
})

describe('formats', () => {
  test('chat and thread ids are 10 uppercase alphanumerics, unique', () => {
    const ids = world.chats.flatMap((c) => [c.id, ...c.threads.map((t) => t.id)])
    for (const id of ids) expect(id).toMatch(/^[A-Z0-9]{10}$/)
    expect(new Set(ids).size).toBe(ids.length)
  })

  test('event ids are <thread_id>_<n>, numbered from 1 within each thread', () => {
    for (const chat of world.chats) {
      for (const thread of chat.threads) {
        thread.events.forEach((event, index) => expect(event.id).toBe(`${thread.id}_${index + 1}`))
      }
    }
  })

  test('customers are UUID v4s; timestamps are RFC 3339 UTC with microseconds, increasing in each thread', () => {
    for (const customer of world.customers) {
      expect(customer.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
    }
    const micro = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
    for (const chat of world.chats) {
      for (const thread of chat.threads) {
        expect(thread.created_at).toMatch(micro)
        const times = thread.events.map((e) => e.created_at)
        for (const t of times) expect(t).toMatch(micro)
        expect(times).toEqual([...times].sort())
        if (times[0]) expect(times[0] > thread.created_at).toBe(true)
      }
    }
  })
})

describe('people, groups, customers', () => {
  test('agents are the identity people, the bot and groups 0 General, 1 Sales, 2 Support', () => {
    expect(world.agents.map((a) => a.id)).toEqual(PEOPLE.map((p) => p.email))
    expect(world.bots).toHaveLength(1)
    expect(world.groups.map((g) => `${g.id} ${g.name}`)).toEqual([
      '0 General',
      '1 Sales',
      '2 Support',
    ])
  })

  test('8 customers: one anonymous (id only), one with session_fields, the rest with name, email, geolocation', () => {
    expect(world.customers).toHaveLength(8)
    const anonymous = world.customers.filter((c) => !c.name && !c.email && !c.visit)
    expect(anonymous).toHaveLength(1)
    expect(world.customers.filter((c) => c.session_fields)).toHaveLength(1)
    for (const c of world.customers.filter((x) => x.name)) {
      expect(c.email).toContain('@')
      expect(c.visit?.geolocation.country_code).toMatch(/^[A-Z]{2}$/)
      expect(c.chat_ids.length).toBeGreaterThan(0)
      expect(c.statistics.chats_count).toBe(c.chat_ids.length)
    }
  })
})

describe('chats', () => {
  test('about 25 chats over groups 0, 1 and 2, enough for 3 pages of 10', () => {
    expect(world.chats.length).toBeGreaterThan(20)
    expect(world.chats.length).toBeLessThanOrEqual(30)
    for (const group of [0, 1, 2])
      expect(world.chats.filter(inGroup(group)).length).toBeGreaterThanOrEqual(5)
  })

  test('active chats have exactly one thread open, the latest; inactive chats have 2–4 closed threads', () => {
    for (const chat of world.chats) {
      const open = chat.threads.filter((t) => t.active)
      if (isActive(chat)) expect(open).toHaveLength(1)
      else {
        expect(open).toHaveLength(0)
        expect(chat.threads.length).toBeGreaterThanOrEqual(2)
        expect(chat.threads.length).toBeLessThanOrEqual(4)
      }
    }
    expect(world.chats.filter(isActive).length).toBeGreaterThanOrEqual(5)
  })

  test('every active chat that is not queued has a persona agent present who may write to it', () => {
    for (const chat of world.chats.filter(isActive)) {
      if (chat.threads.some((t) => t.queue)) continue
      expect(
        chat.users.some(
          (u) =>
            u.type === 'agent' && u.present && u.visibility === 'all' && personas.includes(u.id),
        ),
      ).toBe(true)
    }
    expect(
      world.chats.filter((c) => isActive(c) && c.users.some((u) => u.id === NINA && u.present))
        .length,
    ).toBeGreaterThanOrEqual(3)
    expect(
      world.chats.filter((c) => isActive(c) && c.users.some((u) => u.id === SAM && u.present))
        .length,
    ).toBeGreaterThanOrEqual(2)
  })

  test('chats outside Nina’s groups and outside Sam’s exist; one queued thread; one restricted thread', () => {
    expect(world.chats.some((c) => c.access.group_ids.every((g) => ![0, 1].includes(g)))).toBe(true)
    expect(world.chats.some((c) => !c.access.group_ids.includes(2))).toBe(true)
    const threads = world.chats.flatMap((c) => c.threads)
    expect(threads.filter((t) => t.queue)).toHaveLength(1)
    const restricted = threads.filter((t) => t.restricted_access)
    expect(restricted).toHaveLength(1)
    expect(restricted[0]?.events).toEqual([])
  })

  test('events: messages from both sides, an internal note, routing system messages, a file, a deleted event', () => {
    const customerIds = new Set(world.customers.map((c) => c.id))
    const messages = events.filter((e) => e.type === 'message')
    expect(messages.some((e) => customerIds.has(e.author_id))).toBe(true)
    expect(messages.some((e) => !customerIds.has(e.author_id))).toBe(true)
    expect(messages.some((e) => e.visibility === 'agents')).toBe(true)
    const system = events.flatMap((e) =>
      e.type === 'system_message' ? [e.system_message_type] : [],
    )
    expect(system).toContain('routing.assigned')
    expect(system.some((t) => t.startsWith('routing.archived_'))).toBe(true)
    const file = events.find((e) => e.type === 'file')
    expect(file).toMatchObject({
      url: expect.stringMatching(/^https:\/\//),
      name: expect.any(String),
    })
    expect(events.some((e) => e.type !== 'system_message' && e.deleted)).toBe(true)
  })

  test('hostile texts: an <img onerror> and a javascript: link, in chats Nina can read', () => {
    const nina = world.chats.filter((c) => inGroup(0)(c) || inGroup(1)(c))
    const texts = nina.flatMap((c) =>
      c.threads.flatMap((t) => t.events.flatMap((e) => ('text' in e ? [e.text] : []))),
    )
    expect(texts.some((t) => t.includes(XSS_IMG))).toBe(true)
    expect(texts.some((t) => t.includes('javascript:'))).toBe(true)
  })
})
