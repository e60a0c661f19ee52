// Pushes → the query cache, per push type (docs/livechat/rtm.md#pushes and the rules after it):
// complete payloads are written with setQueryData, partial ones invalidate; the optimistic copy of
// our own message meets its echo by custom_id in either order and is never shown twice.
import { QueryClient, type InfiniteData } from '@tanstack/react-query'
import { beforeEach, describe, expect, it } from 'vitest'
import { createApiClient } from 'livechat-browser-auth'
import type { ChatEvent, ChatSummary, ChatWithThread } from '../../../../src/api/chat-types'
import { chatQueries, type ChatListPage } from '../../../../src/api/chats'
import { customerQueries } from '../../../../src/api/customers'
import { routingQueries } from '../../../../src/api/routing-statuses'
import { liveQueries } from '../../../../src/live/cache/live-queries'
import { applyPush, type PushContext } from '../../../../src/live/cache/push-to-cache'
import { confirmEvent } from '../../../../src/live/cache/thread-patches'
import { setTyping, typingQuery } from '../../../../src/live/cache/typing'
import type { RtmPushFrame } from '../../../../src/live/socket/rtm-frames'
import { sandboxConfig } from '../../../support/app-config'

const ME = 'nina@acme.test'
const CUSTOMER = 'b7eff798-f8df-4364-8059-649c35c9ed0c'
const api = createApiClient(
  sandboxConfig,
  { scheme: 'Bearer', value: 'dal:t' },
  {
    organizationId: 'org',
    accountId: 'acc',
  },
)
const LIST = chatQueries.list(api, { active: true, limit: 100 })
const DETAIL = (chatId: string) => chatQueries.detail(api, chatId).queryKey

const message = (id: string, at: string, author = CUSTOMER, extra: object = {}): ChatEvent => ({
  id,
  type: 'message',
  created_at: at,
  author_id: author,
  text: `text ${id}`,
  visibility: 'all',
  ...extra,
})

function chat(id: string, events: ChatEvent[] = [], active = true): ChatWithThread {
  return {
    id,
    users: [
      { id: CUSTOMER, type: 'customer', name: 'Thomas', present: true },
      {
        id: ME,
        type: 'agent',
        name: 'Nina',
        present: true,
        events_seen_up_to: '2026-01-01T00:00:00.000000Z',
      },
    ],
    access: { group_ids: [0] },
    thread: { id: `${id}-T1`, created_at: '2026-01-01T00:00:00.000000Z', active, events },
  }
}

function summary(id: string, events: ChatEvent[] = []): ChatSummary {
  const c = chat(id, events)
  return {
    id,
    users: c.users,
    access: c.access,
    last_thread_summary: {
      id: `${id}-T1`,
      created_at: '2026-01-01T00:00:00.000000Z',
      active: true,
    },
    last_event_per_type: Object.fromEntries(
      events.map((e) => [e.type, { thread_id: `${id}-T1`, event: e }]),
    ),
  }
}

let client: QueryClient
let ctx: PushContext

beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  ctx = { client, api }
  client.setQueryData(liveQueries.myProfile(api).queryKey, {
    id: ME,
    routing_status: 'accepting_chats',
  })
  const page: ChatListPage = { chats_summary: [summary('A'), summary('B')], found_chats: 2 }
  client.setQueryData(LIST.queryKey, { pages: [page], pageParams: [undefined] })
})

const push = (action: string, payload: unknown, request_id?: string): RtmPushFrame => ({
  type: 'push',
  action,
  payload,
  request_id,
})
const listIds = () =>
  (client.getQueryData(LIST.queryKey) as InfiniteData<ChatListPage>).pages[0]?.chats_summary.map(
    (c) => c.id,
  )
const events = (chatId: string) =>
  client.getQueryData<ChatWithThread>(DETAIL(chatId))?.thread?.events ?? []
const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated
const typingOf = (chatId: string) => {
  const typing = client.getQueryData(typingQuery(api, chatId).queryKey)
  return typing ? { authorId: typing.authorId, text: typing.text } : null
}

describe('applyPush: complete payloads patch the cache', () => {
  it('incoming_chat: the chat is written whole and goes to the top of the list', () => {
    const C = chat('C', [message('C-1', '2026-01-02T00:00:00.000000Z')])
    C.users = C.users?.filter((u) => u.type === 'customer')
    applyPush(ctx, push('incoming_chat', { chat: C }))
    expect(client.getQueryData(DETAIL('C'))).toEqual(C)
    expect(listIds()).toEqual(['C', 'A', 'B'])
    // A queued chat (no agent yet) counts as unread for me.
    expect(client.getQueryData(liveQueries.unread(api).queryKey)?.C?.events).toHaveLength(1)
  })

  it('incoming_event: appended to the open thread, the chat moves up with its last message, unread +1', () => {
    client.setQueryData(DETAIL('B'), chat('B', [message('B-1', '2026-01-02T00:00:00.000000Z')]))
    const event = message('B-2', '2026-01-03T00:00:00.000000Z')
    applyPush(ctx, push('incoming_event', { chat_id: 'B', thread_id: 'B-T1', event }))
    expect(events('B').map((e) => e.id)).toEqual(['B-1', 'B-2'])
    expect(listIds()).toEqual(['B', 'A'])
    const row = (client.getQueryData(LIST.queryKey) as InfiniteData<ChatListPage>).pages[0]
      ?.chats_summary[0]
    expect(row?.last_event_per_type?.message?.event.id).toBe('B-2')
    expect(
      client.getQueryData(liveQueries.unread(api).queryKey)?.B?.events.map((e) => e.id),
    ).toEqual(['B-2'])
    // The same push twice (a resync racing a push) changes nothing.
    applyPush(ctx, push('incoming_event', { chat_id: 'B', thread_id: 'B-T1', event }))
    expect(events('B')).toHaveLength(2)
    expect(client.getQueryData(liveQueries.unread(api).queryKey)?.B?.events).toHaveLength(1)
  })

  it('incoming_event for a newer thread than the cached one refetches that chat', () => {
    client.setQueryData(DETAIL('A'), chat('A'))
    applyPush(
      ctx,
      push('incoming_event', {
        chat_id: 'A',
        thread_id: 'A-T2',
        event: message('A-T2_1', '2026-01-05T00:00:00.000000Z'),
      }),
    )
    expect(events('A')).toEqual([])
    expect(invalidated(DETAIL('A'))).toBe(true)
  })

  it('incoming_event for a chat no list has: the lists are left as they are (new chats come as incoming_chat)', () => {
    applyPush(
      ctx,
      push('incoming_event', {
        chat_id: 'Z',
        thread_id: 'Z-T1',
        event: message('Z-1', '2026-01-05T00:00:00.000000Z'),
      }),
    )
    expect(listIds()).toEqual(['A', 'B'])
    expect(invalidated(LIST.queryKey)).toBe(false)
  })

  it('my own message (the echo) replaces its optimistic copy by custom_id, in either order, never twice', () => {
    const local = message('local:ws-1', '2026-01-02T00:00:00.000000Z', ME, { custom_id: 'ws-1' })
    const echo = message('A-T1_1', '2026-01-02T00:00:00.100000Z', ME, { custom_id: 'ws-1' })
    // Push first, then the send's response.
    client.setQueryData(DETAIL('A'), chat('A', [local]))
    applyPush(
      ctx,
      push('incoming_event', { chat_id: 'A', thread_id: 'A-T1', event: echo }, 'req-1'),
    )
    client.setQueryData(
      DETAIL('A'),
      (c: ChatWithThread | undefined) => c && confirmEvent(c, 'ws-1', 'A-T1_1'),
    )
    expect(events('A')).toEqual([echo])
    // Response first, then the push.
    client.setQueryData(DETAIL('A'), chat('A', [local]))
    client.setQueryData(
      DETAIL('A'),
      (c: ChatWithThread | undefined) => c && confirmEvent(c, 'ws-1', 'A-T1_1'),
    )
    expect(events('A').map((e) => e.id)).toEqual(['A-T1_1'])
    applyPush(ctx, push('incoming_event', { chat_id: 'A', thread_id: 'A-T1', event: echo }))
    expect(events('A')).toEqual([echo])
    // Sending marked everything as seen for me: nothing unread.
    expect(client.getQueryData(liveQueries.unread(api).queryKey)?.A?.events ?? []).toEqual([])
  })

  it('chat_deactivated: the thread and the list row say closed, and typing stops', () => {
    client.setQueryData(DETAIL('A'), chat('A'))
    setTyping(client, api, 'A', CUSTOMER, true, 'hel')
    applyPush(ctx, push('chat_deactivated', { chat_id: 'A', thread_id: 'A-T1', user_id: CUSTOMER }))
    expect(client.getQueryData<ChatWithThread>(DETAIL('A'))?.thread?.active).toBe(false)
    const row = (
      client.getQueryData(LIST.queryKey) as InfiniteData<ChatListPage>
    ).pages[0]?.chats_summary.find((c) => c.id === 'A')
    expect(row?.last_thread_summary?.active).toBe(false)
    expect(typingOf('A')).toBeNull()
  })

  it('user_added_to_chat / user_removed_from_chat: the chat users change', () => {
    client.setQueryData(DETAIL('A'), chat('A'))
    applyPush(
      ctx,
      push('user_added_to_chat', {
        chat_id: 'A',
        thread_id: 'A-T1',
        user: { id: 'sam@acme.test', type: 'agent', name: 'Sam' },
      }),
    )
    expect(
      client
        .getQueryData<ChatWithThread>(DETAIL('A'))
        ?.users?.find((u) => u.id === 'sam@acme.test'),
    ).toMatchObject({ present: true })
    applyPush(ctx, push('user_removed_from_chat', { chat_id: 'A', user_id: ME }))
    expect(
      client.getQueryData<ChatWithThread>(DETAIL('A'))?.users?.find((u) => u.id === ME)?.present,
    ).toBe(false)
  })

  it('events_marked_as_seen for me clears the unread count up to that time', () => {
    applyPush(
      ctx,
      push('incoming_event', {
        chat_id: 'A',
        thread_id: 'A-T1',
        event: message('A-1', '2026-01-02T00:00:00.000000Z'),
      }),
    )
    applyPush(
      ctx,
      push('incoming_event', {
        chat_id: 'A',
        thread_id: 'A-T1',
        event: message('A-2', '2026-01-03T00:00:00.000000Z'),
      }),
    )
    expect(client.getQueryData(liveQueries.unread(api).queryKey)?.A?.events).toHaveLength(2)
    applyPush(
      ctx,
      push('events_marked_as_seen', {
        user_id: ME,
        chat_id: 'A',
        seen_up_to: '2026-01-02T00:00:00.000000Z',
      }),
    )
    expect(
      client.getQueryData(liveQueries.unread(api).queryKey)?.A?.events.map((e) => e.id),
    ).toEqual(['A-2'])
    // The customer's read receipt goes to their chat user.
    client.setQueryData(DETAIL('A'), chat('A'))
    applyPush(
      ctx,
      push('events_marked_as_seen', {
        user_id: CUSTOMER,
        chat_id: 'A',
        seen_up_to: '2026-01-04T00:00:00.000000Z',
      }),
    )
    expect(client.getQueryData<ChatWithThread>(DETAIL('A'))?.users?.[0]?.events_seen_up_to).toBe(
      '2026-01-04T00:00:00.000000Z',
    )
  })

  it('incoming_typing_indicator and incoming_sneak_peek feed the typing store (not the cache)', () => {
    applyPush(
      ctx,
      push('incoming_typing_indicator', {
        chat_id: 'A',
        typing_indicator: { author_id: CUSTOMER, is_typing: true },
      }),
    )
    expect(typingOf('A')).toEqual({ authorId: CUSTOMER, text: null })
    applyPush(
      ctx,
      push('incoming_sneak_peek', {
        chat_id: 'A',
        sneak_peek: { author_id: CUSTOMER, text: 'Where is' },
      }),
    )
    expect(typingOf('A')).toEqual({ authorId: CUSTOMER, text: 'Where is' })
    applyPush(
      ctx,
      push('incoming_event', {
        chat_id: 'A',
        thread_id: 'A-T1',
        event: message('A-9', '2026-01-09T00:00:00.000000Z'),
      }),
    )
    expect(typingOf('A')).toBeNull()
  })

  it('routing_status_set: my profile follows, and other agents’ statuses are refetched', () => {
    client.setQueryData(routingQueries.list(api).queryKey, [
      { agent_id: ME, status: 'accepting_chats' as const },
    ])
    applyPush(ctx, push('routing_status_set', { agent_id: ME, status: 'not_accepting_chats' }))
    expect(client.getQueryData(liveQueries.myProfile(api).queryKey)?.routing_status).toBe(
      'not_accepting_chats',
    )
    expect(invalidated(routingQueries.list(api).queryKey)).toBe(true)
    // Another agent's status leaves my profile alone.
    applyPush(
      ctx,
      push('routing_status_set', { agent_id: 'sam@acme.test', status: 'accepting_chats' }),
    )
    expect(client.getQueryData(liveQueries.myProfile(api).queryKey)?.routing_status).toBe(
      'not_accepting_chats',
    )
  })
})

describe('applyPush: partial payloads invalidate', () => {
  it.each([
    'chat_transferred',
    'chat_access_updated',
    'event_updated',
    'event_deleted',
    'thread_tagged',
    'chat_properties_updated',
    'chat_deleted',
    'queue_positions_updated',
  ])('%s refetches the chat and the lists', (action) => {
    client.setQueryData(DETAIL('A'), chat('A'))
    applyPush(
      ctx,
      push(
        action,
        action === 'queue_positions_updated'
          ? [{ chat_id: 'A', queue: { position: 1, wait_time: 3 } }]
          : { chat_id: 'A', id: 'A' },
      ),
    )
    expect(invalidated(LIST.queryKey)).toBe(true)
    if (action !== 'queue_positions_updated') expect(invalidated(DETAIL('A'))).toBe(true)
    expect(client.getQueryData(DETAIL('A'))).toEqual(chat('A'))
  })

  it.each(['customer_updated', 'customer_page_updated'])('%s refetches the customer', (action) => {
    const key = customerQueries.detail(api, CUSTOMER).queryKey
    client.setQueryData(key, { id: CUSTOMER, name: 'Thomas' })
    applyPush(ctx, push(action, { id: CUSTOMER, customer_id: CUSTOMER, name: 'Tom' }))
    expect(invalidated(key)).toBe(true)
  })

  it('ignores unknown pushes and payloads that are not objects, and a malformed one refetches instead of throwing', () => {
    applyPush(ctx, push('something_new', { chat_id: 'A' }))
    applyPush(ctx, push('incoming_event', null))
    expect(invalidated(LIST.queryKey)).toBe(false)
    expect(() =>
      applyPush(ctx, push('incoming_event', { chat_id: 'A', thread_id: 'A-T1' })),
    ).not.toThrow()
    expect(invalidated(LIST.queryKey)).toBe(true)
  })
})
