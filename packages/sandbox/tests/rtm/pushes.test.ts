// Pushes from one event bus, over real sockets: docs/RTM.md (request_id on the
// requester's copy only), docs/RTM.md (Web API actions produce pushes too), docs/RTM.md and U15 (who receives
// what: members and followers everything, group access the key changes, `chats--all:ro` every
// group, login.pushes and scopes filter), docs/RTM.md payloads, docs/RTM.md semantics and U11 (order of the
// requester's response and push).
import { afterEach, describe, expect, test } from 'vitest'
import type { ChatRecord } from '../../src/seed/world-records'
import { RtmServer, type RtmClient } from '../harness/rtm-kit'

const NINA = 'nina@acme.test'
const SAM = 'sam@acme.test'
const ADAM = 'adam@acme.test'
const OLIVIA = 'olivia@acme.test'

let server: RtmServer
afterEach(async () => server?.close())

async function start(options: Parameters<typeof RtmServer.start>[0] = {}) {
  server = await RtmServer.start(options)
  return server
}

const isActive = (c: ChatRecord) => c.threads.at(-1)?.active === true
const present = (email: string) => (c: ChatRecord) =>
  c.users.some((u) => u.id === email && u.present && u.visibility !== 'agents')

/** An active Sales chat Nina serves, optionally one that `without` is no user of. */
const ninaInSales =
  (without?: string) =>
  (c: ChatRecord): boolean =>
    isActive(c) &&
    present(NINA)(c) &&
    c.access.group_ids.includes(1) &&
    (without === undefined || !c.users.some((u) => u.id === without))

function chatWhere(test: (c: ChatRecord) => boolean): ChatRecord {
  const chat = server.sandbox.state.world.chats.find(test)
  if (!chat) throw new Error('no such chat')
  return chat
}

async function agent(email: string, scopes?: readonly string[], payload = {}) {
  return (await server.login({ email, scopes }, payload)).client
}

/** After `sync`, every push the server sent before is in `client.frames`. */
async function settle(...clients: RtmClient[]) {
  for (const client of clients) await client.sync()
}

describe('Web API writes produce pushes on the sockets', () => {
  test('a Web send_event reaches the chat members’ sockets as incoming_event', async () => {
    await start()
    const chat = chatWhere(ninaInSales())
    const nina = await agent(NINA)
    const result = await server.web(server.token(NINA), 'send_event', {
      chat_id: chat.id,
      event: { type: 'message', text: 'Sent over HTTP' },
    })
    const push = await nina.push('incoming_event')
    expect(push).toEqual({
      version: '3.6',
      action: 'incoming_event',
      type: 'push',
      payload: {
        chat_id: chat.id,
        thread_id: chat.threads.at(-1)?.id,
        event: expect.objectContaining({
          id: result.body.event_id,
          text: 'Sent over HTTP',
          author_id: NINA,
        }),
      },
    })
    // Not from this socket's request: no request_id.
    expect(push).not.toHaveProperty('request_id')
  })
})

describe('/ U11 the requester’s copy', () => {
  test('carries the request_id; another socket of the same agent gets it without', async () => {
    await start()
    const chat = chatWhere((c) => isActive(c) && present(NINA)(c))
    const tab1 = await agent(NINA)
    const tab2 = await agent(NINA)
    const response = await tab1.request('send_event', {
      chat_id: chat.id,
      event: { type: 'message', text: 'Echo me', custom_id: 'tmp-1' },
    })
    const mine = await tab1.push('incoming_event')
    expect(mine.request_id).toBe(response.request_id)
    expect(mine.payload.event).toMatchObject({ id: response.payload.event_id, custom_id: 'tmp-1' })
    const theirs = await tab2.push('incoming_event')
    expect(theirs).not.toHaveProperty('request_id')
  })

  test('response first by default; pushBeforeResponse puts the push first', async () => {
    await start()
    const chat = chatWhere((c) => isActive(c) && present(NINA)(c))
    const nina = await agent(NINA)
    const first = await nina.request('send_event', {
      chat_id: chat.id,
      event: { type: 'message', text: 'a' },
    })
    await nina.push('incoming_event', (f) => f.request_id === first.request_id)
    const order = (id: string) => nina.frames.filter((f) => f.request_id === id).map((f) => f.type)
    expect(order(first.request_id)).toEqual(['response', 'push'])
    server.sandbox.state.setOptions({ pushBeforeResponse: true })
    const second = await nina.request('send_event', {
      chat_id: chat.id,
      event: { type: 'message', text: 'b' },
    })
    expect(order(second.request_id)).toEqual(['push', 'response'])
  })
})

describe('/ U15 who receives what', () => {
  test('a new customer chat reaches agents by group: Nina gets General and Sales, not Support', async () => {
    await start()
    const nina = await agent(NINA)
    const sam = await agent(SAM)
    const chats: Record<number, string> = {}
    for (const group of [0, 1, 2]) {
      const started = await server.post('/sandbox/customer/chat', {
        group_id: group,
        text: `Hello group ${group}`,
      })
      chats[group] = started.body.chat_id
    }
    await settle(nina, sam)
    const ids = (client: RtmClient) => client.pushes('incoming_chat').map((f) => f.payload.chat.id)
    expect(ids(nina).sort()).toEqual([chats[0], chats[1]].sort())
    expect(ids(sam)).toEqual([chats[2]])
  })

  test('a chats--all:ro token gets every group’s chats, a chats--my:ro one none that it is not in', async () => {
    await start()
    const supervisor = await agent(ADAM, ['chats--all:ro'])
    const mine = await agent(OLIVIA, ['chats--my:ro'])
    for (const group of [0, 1, 2])
      await server.post('/sandbox/customer/chat', { group_id: group, text: 'Hi' })
    await settle(supervisor, mine)
    expect(supervisor.pushes('incoming_chat')).toHaveLength(3)
    expect(mine.pushes('incoming_chat')).toHaveLength(0)
  })

  test('the incoming_chat payload is the chat with its queued thread and the customer’s message', async () => {
    await start()
    const nina = await agent(NINA)
    const started = await server.post('/sandbox/customer/chat', {
      group_id: 1,
      text: 'Do you ship to Canada?',
      customer_name: 'Casey Customer',
    })
    const push = await nina.push('incoming_chat')
    expect(push.payload.chat).toMatchObject({
      id: started.body.chat_id,
      access: { group_ids: [1] },
      is_followed: false,
      thread: {
        id: started.body.thread_id,
        active: true,
        queue: { position: expect.any(Number), wait_time: 0, queued_at: expect.any(String) },
        events: [
          expect.objectContaining({
            id: started.body.event_id,
            text: 'Do you ship to Canada?',
            author_id: started.body.customer_id,
          }),
        ],
      },
    })
    expect(push.payload.chat.users).toEqual([
      expect.objectContaining({
        id: started.body.customer_id,
        type: 'customer',
        name: 'Casey Customer',
      }),
    ])
  })

  test('members get incoming_event; a group agent who is not in the chat does not', async () => {
    await start()
    const chat = chatWhere(ninaInSales(OLIVIA))
    const nina = await agent(NINA)
    const olivia = await agent(OLIVIA)
    await server.post('/sandbox/customer/message', { chat_id: chat.id, text: 'Are you there?' })
    await nina.push('incoming_event')
    await settle(olivia)
    expect(olivia.pushes('incoming_event')).toEqual([])
  })

  test('key changes reach group agents too: chat_deactivated when the customer leaves', async () => {
    await start()
    const chat = chatWhere(ninaInSales(OLIVIA))
    const nina = await agent(NINA)
    const olivia = await agent(OLIVIA)
    const sam = await agent(SAM)
    const customer = chat.users.find((u) => u.type === 'customer')?.id
    await server.post('/sandbox/customer/leave', { chat_id: chat.id })
    for (const client of [nina, olivia]) {
      const push = await client.push('chat_deactivated')
      expect(push.payload).toEqual({
        chat_id: chat.id,
        thread_id: chat.threads.at(-1)?.id,
        user_id: customer,
      })
    }
    await settle(sam)
    expect(sam.pushes('chat_deactivated')).toEqual([])
  })

  test('rtmBroadcastAllChatPushesToGroup: member pushes reach the whole group', async () => {
    await start({ rtmBroadcastAllChatPushesToGroup: true })
    const chat = chatWhere(ninaInSales(OLIVIA))
    const olivia = await agent(OLIVIA)
    await server.post('/sandbox/customer/message', { chat_id: chat.id, text: 'Anyone?' })
    expect((await olivia.push('incoming_event')).payload.chat_id).toBe(chat.id)
  })

  test('follow_chat sends the follower incoming_chat, then every member push', async () => {
    await start()
    const chat = chatWhere(
      (c) => isActive(c) && present(NINA)(c) && !c.users.some((u) => u.id === OLIVIA),
    )
    const olivia = await agent(OLIVIA)
    const follow = await olivia.request('follow_chat', { id: chat.id })
    const incoming = await olivia.push('incoming_chat')
    expect(incoming.request_id).toBe(follow.request_id)
    expect(incoming.payload.chat).toMatchObject({ id: chat.id, is_followed: true })
    await server.post('/sandbox/customer/message', { chat_id: chat.id, text: 'Followed?' })
    expect((await olivia.push('incoming_event')).payload.chat_id).toBe(chat.id)
    // Following again sends nothing new; unfollowing tells the agent's sockets.
    await olivia.request('follow_chat', { id: chat.id })
    const unfollow = await olivia.request('unfollow_chat', { id: chat.id })
    expect(unfollow.payload).toEqual({ chat_id: chat.id })
    expect((await olivia.push('chat_unfollowed')).payload).toEqual({ chat_id: chat.id })
    expect(olivia.pushes('incoming_chat')).toHaveLength(1)
  })

  test('login.pushes filters: only the listed names; "all" is everything; no entry for 3.6 is nothing', async () => {
    await start()
    const chat = chatWhere(ninaInSales())
    const onlyChats = await agent(NINA, undefined, { pushes: { '3.6': ['incoming_chat'] } })
    const everything = await agent(NINA, undefined, { pushes: { '3.6': ['all'] } })
    const other = await agent(NINA, undefined, { pushes: { '3.7': ['all'] } })
    await server.post('/sandbox/customer/message', { chat_id: chat.id, text: 'filtered' })
    await server.post('/sandbox/customer/chat', { group_id: 1, text: 'new one' })
    await settle(onlyChats, everything, other)
    expect(onlyChats.pushes().map((f) => f.action)).toEqual(['incoming_chat'])
    expect(everything.pushes().map((f) => f.action)).toEqual(
      expect.arrayContaining(['incoming_customers', 'incoming_event', 'incoming_chat']),
    )
    expect(other.pushes()).toEqual([])
  })

  test('scopes filter: no chat scope, no chat pushes; routing_status_set needs agents--all:ro', async () => {
    await start()
    const noChats = await agent(NINA, ['agents--all:ro'])
    const noAgents = await agent(NINA, ['chats--access:ro'])
    await server.post('/sandbox/customer/chat', { group_id: 1, text: 'scoped' })
    await server.web(server.token(SAM), 'set_routing_status', { status: 'not_accepting_chats' })
    await settle(noChats, noAgents)
    expect(noChats.pushes().map((f) => f.action)).toEqual(['routing_status_set'])
    expect(noChats.pushes('routing_status_set')[0]?.payload).toEqual({
      agent_id: SAM,
      status: 'not_accepting_chats',
    })
    expect(noAgents.pushes().map((f) => f.action)).toEqual(['incoming_chat'])
  })
})

describe('pushes of the chat-taking methods', () => {
  test('taking a queued chat: user_added_to_chat to the group, the taker’s copy with request_id', async () => {
    await start()
    const nina = await agent(NINA)
    const olivia = await agent(OLIVIA)
    const started = await server.post('/sandbox/customer/chat', { group_id: 1, text: 'Help' })
    const take = await nina.request('add_user_to_chat', {
      chat_id: started.body.chat_id,
      user_id: NINA,
      user_type: 'agent',
      visibility: 'all',
      ignore_requester_presence: true,
    })
    const mine = await nina.push('user_added_to_chat')
    expect(mine.request_id).toBe(take.request_id)
    expect(mine.payload).toEqual({
      chat_id: started.body.chat_id,
      thread_id: started.body.thread_id,
      user: expect.objectContaining({ id: NINA, type: 'agent', present: true, visibility: 'all' }),
      reason: 'manual',
      requester_id: NINA,
    })
    expect((await olivia.push('user_added_to_chat')).payload.user.id).toBe(NINA)
  })

  test('transfer to another group: chat_transferred and chat_access_updated reach the old group and the new one', async () => {
    await start()
    const chat = chatWhere(ninaInSales(SAM))
    const nina = await agent(NINA)
    const sam = await agent(SAM)
    await nina.request('transfer_chat', { id: chat.id, target: { type: 'group', ids: [2] } })
    for (const client of [nina, sam]) {
      const transferred = await client.push('chat_transferred')
      expect(transferred.payload).toMatchObject({
        chat_id: chat.id,
        thread_id: chat.threads.at(-1)?.id,
        requester_id: NINA,
        reason: 'manual',
        transferred_to: { group_ids: [2] },
        queue: { position: expect.any(Number), wait_time: 0 },
      })
      expect((await client.push('chat_access_updated')).payload).toEqual({
        id: chat.id,
        access: { group_ids: [2] },
      })
    }
    // Nina, who served it, is told she was taken out.
    expect((await nina.push('user_removed_from_chat')).payload).toMatchObject({
      chat_id: chat.id,
      user_id: NINA,
    })
  })

  test('transfer to an agent: the new agent gets user_added_to_chat and chat_transferred', async () => {
    await start()
    const chat = chatWhere(ninaInSales(ADAM))
    const nina = await agent(NINA)
    const adam = await agent(ADAM)
    await nina.request('transfer_chat', { id: chat.id, target: { type: 'agent', ids: [ADAM] } })
    expect((await adam.push('user_added_to_chat')).payload.user.id).toBe(ADAM)
    expect((await adam.push('chat_transferred')).payload.transferred_to).toEqual({
      agent_ids: [ADAM],
    })
  })

  test('remove_user_from_chat: the removed agent hears it too', async () => {
    await start()
    const chat = chatWhere(ninaInSales())
    const nina = await agent(NINA)
    await nina.request('add_user_to_chat', { chat_id: chat.id, user_id: SAM, user_type: 'agent' })
    const sam = await agent(SAM)
    await nina.request('remove_user_from_chat', {
      chat_id: chat.id,
      user_id: SAM,
      user_type: 'agent',
    })
    expect((await sam.push('user_removed_from_chat')).payload).toMatchObject({
      chat_id: chat.id,
      user_id: SAM,
      reason: 'manual',
    })
  })

  test('deactivate_chat: the closing system message as incoming_event, then chat_deactivated with user_id', async () => {
    await start()
    const chat = chatWhere((c) => isActive(c) && present(NINA)(c))
    const nina = await agent(NINA)
    await nina.request('deactivate_chat', { id: chat.id })
    const deactivated = await nina.push('chat_deactivated')
    expect(deactivated.payload).toEqual({
      chat_id: chat.id,
      thread_id: chat.threads.at(-1)?.id,
      user_id: NINA,
    })
    const system = nina.pushes('incoming_event').at(-1)
    expect(system?.payload.event).toMatchObject({
      type: 'system_message',
      system_message_type: 'manual_archived_agent',
    })
    expect(nina.frames.indexOf(system as object)).toBeLessThan(nina.frames.indexOf(deactivated))
  })

  test('start_chat: incoming_chat with requester_id, the requester’s copy with request_id', async () => {
    await start()
    const nina = await agent(NINA)
    const response = await nina.request('start_chat', { chat: { access: { group_ids: [1] } } })
    const push = await nina.push('incoming_chat')
    expect(push.request_id).toBe(response.request_id)
    expect(push.payload).toMatchObject({
      requester_id: NINA,
      chat: { id: response.payload.chat_id },
    })
  })

  test('tag_thread / untag_thread, mark_events_as_seen and update_chat_properties reach the members', async () => {
    await start()
    const chat = chatWhere((c) => isActive(c) && present(NINA)(c))
    const thread = chat.threads.at(-1)?.id
    const nina = await agent(NINA)
    await nina.request('tag_thread', { chat_id: chat.id, thread_id: thread, tag: 'sales' })
    expect((await nina.push('thread_tagged')).payload).toEqual({
      chat_id: chat.id,
      thread_id: thread,
      tag: 'sales',
    })
    await nina.request('untag_thread', { chat_id: chat.id, thread_id: thread, tag: 'sales' })
    expect((await nina.push('thread_untagged')).payload).toEqual({
      chat_id: chat.id,
      thread_id: thread,
      tag: 'sales',
    })
    await nina.request('mark_events_as_seen', {
      chat_id: chat.id,
      seen_up_to: '2099-01-01T00:00:00.000000Z',
    })
    expect((await nina.push('events_marked_as_seen')).payload).toEqual({
      user_id: NINA,
      chat_id: chat.id,
      seen_up_to: '2099-01-01T00:00:00.000000Z',
    })
    await nina.request('update_chat_properties', {
      id: chat.id,
      properties: { routing: { idle: true } },
    })
    expect((await nina.push('chat_properties_updated')).payload).toEqual({
      chat_id: chat.id,
      properties: { routing: { idle: true } },
    })
  })

  test('send_typing_indicator: the other members see it, the typing agent does not', async () => {
    await start()
    const chat = chatWhere((c) => isActive(c) && present(NINA)(c) && present(OLIVIA)(c))
    const nina = await agent(NINA)
    const olivia = await agent(OLIVIA)
    await nina.request('send_typing_indicator', { chat_id: chat.id, is_typing: true })
    const push = await olivia.push('incoming_typing_indicator')
    expect(push.payload).toEqual({
      chat_id: chat.id,
      thread_id: chat.threads.at(-1)?.id,
      typing_indicator: {
        author_id: NINA,
        visibility: 'all',
        timestamp: expect.any(Number),
        is_typing: true,
      },
    })
    await settle(nina)
    expect(nina.pushes('incoming_typing_indicator')).toEqual([])
  })

  test('set_routing_status over RTM: routing_status_set to agents--all:ro holders', async () => {
    await start()
    const nina = await agent(NINA)
    const sam = await agent(SAM)
    const response = await nina.request('set_routing_status', { status: 'not_accepting_chats' })
    const mine = await nina.push('routing_status_set')
    expect(mine).toMatchObject({
      request_id: response.request_id,
      payload: { agent_id: NINA, status: 'not_accepting_chats' },
    })
    expect((await sam.push('routing_status_set')).payload.agent_id).toBe(NINA)
  })

  test('set_away_status: when all of an agent’s sockets are away she stops accepting chats', async () => {
    await start()
    const tab1 = await agent(NINA)
    const tab2 = await agent(NINA)
    await tab1.request('set_away_status', { away: true })
    await settle(tab1)
    expect(tab1.pushes('routing_status_set')).toEqual([])
    await tab2.request('set_away_status', { away: true })
    expect((await tab1.push('routing_status_set')).payload).toEqual({
      agent_id: NINA,
      status: 'not_accepting_chats',
    })
    expect(server.sandbox.state.world.routingStatuses.get(NINA)).toBe('not_accepting_chats')
  })
})

describe('customer simulator pushes', () => {
  test('customer typing: incoming_typing_indicator, and incoming_sneak_peek with the text', async () => {
    await start()
    const chat = chatWhere((c) => isActive(c) && present(NINA)(c))
    const customer = chat.users.find((u) => u.type === 'customer')?.id
    const nina = await agent(NINA)
    await server.post('/sandbox/customer/typing', {
      chat_id: chat.id,
      is_typing: true,
      text: 'I think th',
    })
    expect((await nina.push('incoming_typing_indicator')).payload.typing_indicator).toMatchObject({
      author_id: customer,
      is_typing: true,
    })
    expect((await nina.push('incoming_sneak_peek')).payload).toEqual({
      chat_id: chat.id,
      thread_id: chat.threads.at(-1)?.id,
      sneak_peek: { author_id: customer, text: 'I think th', timestamp: expect.any(Number) },
    })
  })

  test('a customer message in a closed chat starts a new thread: incoming_chat, not incoming_event', async () => {
    await start()
    const chat = chatWhere(
      (c) =>
        !isActive(c) &&
        c.access.group_ids.includes(1) &&
        c.users.some((u) => u.type === 'customer'),
    )
    const nina = await agent(NINA)
    const result = await server.post('/sandbox/customer/message', {
      chat_id: chat.id,
      text: 'Me again',
    })
    const push = await nina.push('incoming_chat')
    expect(push.payload.chat.id).toBe(chat.id)
    expect(push.payload.chat.thread).toMatchObject({ id: result.body.thread_id, active: true })
    expect(nina.pushes('incoming_event')).toEqual([])
  })
})
