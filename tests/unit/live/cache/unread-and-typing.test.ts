// What is unread (docs/livechat/rtm.md#seen-and-unread: created_at after my events_seen_up_to,
// others' events only) and the typing signals' ~5 s expiry
// (docs/livechat/rtm.md#typing-and-sneak-peek), with fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChatEvent } from '../../../../src/api/chat-types'
import { QueryClient } from '@tanstack/react-query'
import { createApiClient } from 'livechat-browser-auth'
import {
  setTyping,
  typingNow,
  typingQuery,
  TYPING_EXPIRY_MS,
} from '../../../../src/live/cache/typing'
import { sandboxConfig } from '../../../support/app-config'
import {
  addUnread,
  countsForMe,
  markSeen,
  totalUnread,
  unreadFromSummary,
} from '../../../../src/live/cache/unread'

const ME = 'nina@acme.test'
const at = (n: number) => `2026-01-0${n}T00:00:00.000000Z`
const event = (id: string, n: number, author = 'customer-1', type = 'message'): ChatEvent =>
  ({ id, type, created_at: at(n), author_id: author }) as ChatEvent

describe('unread', () => {
  it('counts others’ messages and files after my read position, not mine nor system messages', () => {
    const unread = addUnread(
      undefined,
      [
        event('1', 1),
        event('2', 3),
        event('3', 4, ME),
        { id: '4', type: 'system_message', created_at: at(5), text: 'x' },
        event('5', 6, 'customer-1', 'file'),
        { ...event('6', 7), deleted: true },
      ],
      ME,
      at(2),
    )
    expect(unread.events.map((e) => e.id)).toEqual(['2', '5'])
  })

  it('is idempotent, only moves forward, and marking seen clears up to a time', () => {
    let unread = addUnread(undefined, [event('1', 2), event('2', 3)], ME)
    unread = addUnread(unread, [event('1', 2)], ME)
    expect(unread.events).toHaveLength(2)
    unread = markSeen(unread, at(2))
    expect(unread.events.map((e) => e.id)).toEqual(['2'])
    // An older read position (a stale list row) never brings anything back.
    unread = addUnread(unread, [event('1', 2)], ME, at(1))
    expect(unread.events.map((e) => e.id)).toEqual(['2'])
    expect(totalUnread({ A: unread, B: addUnread(undefined, [event('9', 4)], ME) })).toBe(2)
  })

  it('reads a list row: its latest events against my events_seen_up_to', () => {
    const unread = unreadFromSummary(
      undefined,
      {
        id: 'A',
        users: [{ id: ME, type: 'agent', present: true, events_seen_up_to: at(2) }],
        last_event_per_type: { message: { thread_id: 'T', event: event('m', 3) } },
      },
      ME,
    )
    expect(unread.events.map((e) => e.id)).toEqual(['m'])
  })

  it('counts for me in my chats and in chats waiting for an agent, not in others’', () => {
    const agent = (id: string) => ({ id, type: 'agent' as const, present: true })
    expect(countsForMe({ users: [agent(ME)] }, ME)).toBe(true)
    expect(countsForMe({ users: [] }, ME)).toBe(true)
    expect(countsForMe({ users: [agent('sam@acme.test')] }, ME)).toBe(false)
  })
})

describe('typing', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it(`is current for ${TYPING_EXPIRY_MS / 1000} s after the last signal, keeps the peek, ends on stop or the author's message`, () => {
    const api = createApiClient(sandboxConfig, { scheme: 'Bearer', value: 'dal:t' }, {})
    const client = new QueryClient()
    const now = () => typingNow(client.getQueryData(typingQuery(api, 'A').queryKey), Date.now())
    setTyping(client, api, 'A', 'c1', true, 'Hel')
    vi.advanceTimersByTime(TYPING_EXPIRY_MS - 1)
    setTyping(client, api, 'A', 'c1', true)
    expect(now()).toMatchObject({ authorId: 'c1', text: 'Hel' })
    vi.advanceTimersByTime(TYPING_EXPIRY_MS - 1)
    expect(now()).not.toBeNull()
    vi.advanceTimersByTime(1)
    expect(now()).toBeNull()
    setTyping(client, api, 'A', 'c1', true, 'Hi')
    setTyping(client, api, 'A', 'c1', false)
    expect(now()).toBeNull()
    // Another author's message does not end this one's signal; a closed chat ends any.
    setTyping(client, api, 'A', 'c1', true)
    setTyping(client, api, 'A', 'someone-else', false)
    expect(now()).not.toBeNull()
    setTyping(client, api, 'A', null, false)
    expect(now()).toBeNull()
  })
})
