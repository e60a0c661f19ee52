// What rings and what does not, push by push (issue 24): the rules, the once-per-event memory, the
// settings, and which of several tabs rings. The browser's parts are faked: Notification (a
// recording stand-in, permission granted), the sound (a spy), Web Locks and BroadcastChannel (two
// "tabs" sharing a fake lock manager and channel hub).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChatUser } from '../../../../../src/api/chat-types'
import { createAttention } from '../../../../../src/live/attention/runtime/attention'
import type { AttentionSettings } from '../../../../../src/live/attention/attention-settings'
import { browserNotifier } from '../../../../../src/live/attention/desktop-notifier'
import {
  createTabCoordination,
  type LockManagerLike,
} from '../../../../../src/live/attention/runtime/tab-coordination'
import type { RtmPushFrame } from '../../../../../src/live/socket/rtm-frames'
import { FakeNotification } from '../fake-notification'
import { ChannelHub, FakeLocks } from '../fake-tabs'

const ME = 'nina@acme.test'
const SAM = 'sam@acme.test'
const AT = '2026-12-01T10:00:00.000000Z'

const customer = (id: string, name: string): ChatUser => ({ id, type: 'customer', name })
const agent = (id: string, present = true): ChatUser => ({ id, type: 'agent', present })

/** What the cache knows of each chat's users. */
const CHATS: Record<string, ChatUser[]> = {
  mine: [customer('c-mine', 'Maria Lopez'), agent(ME)],
  sams: [customer('c-sams', 'James Carter'), agent(SAM)],
  queued: [customer('c-queued', 'Quinn Queue')],
  moving: [customer('c-moving', 'Aiko Tanaka'), agent(SAM)],
  shared: [customer('c-shared', 'Lukas Schmidt'), agent(ME), agent(SAM)],
}

const push = (action: string, payload: object): RtmPushFrame =>
  ({ action, type: 'push', payload }) as unknown as RtmPushFrame

const queuedChat = (requester?: string) =>
  push('incoming_chat', {
    ...(requester ? { requester_id: requester } : {}),
    chat: {
      id: 'queued',
      users: CHATS.queued,
      thread: {
        id: 'T-queued',
        active: true,
        created_at: AT,
        queue: { position: 1, wait_time: 0, queued_at: AT },
        events: [
          {
            id: 'T-queued_1',
            type: 'message',
            author_id: 'c-queued',
            text: 'Hello?',
            created_at: AT,
          },
        ],
      },
    },
  })

let eventNumber = 0
const message = (chatId: string, author: string, extra: object = {}) =>
  push('incoming_event', {
    chat_id: chatId,
    thread_id: `T-${chatId}`,
    event: {
      id: `T-${chatId}_${++eventNumber}`,
      type: 'message',
      author_id: author,
      text: 'Can you help me with my order?',
      visibility: 'all',
      created_at: AT,
      ...extra,
    },
  })

const transfer = (
  requester: string,
  to: { agent_ids?: string[]; group_ids?: number[] },
  queue?: object,
) =>
  push('chat_transferred', {
    chat_id: 'moving',
    thread_id: 'T-moving',
    requester_id: requester,
    reason: 'manual',
    transferred_to: to,
    ...(queue ? { queue } : {}),
  })

/** One tab of the workspace: its coordination, its sound, its controller. */
function openTab(hub: ChannelHub, locks: FakeLocks, settings: AttentionSettings, name: string) {
  const tabs = createTabCoordination({ locks, channel: hub.open(), tab: name })
  const sound = { play: vi.fn() }
  const opened: string[] = []
  const attention = createAttention({
    settings: () => settings,
    sound,
    desktop: browserNotifier(),
    tabs,
    openChat: (chatId) => opened.push(chatId),
  })
  return {
    tabs,
    sound,
    opened,
    receive: (frame: RtmPushFrame) =>
      attention.onPush(frame, { me: ME, usersOf: (chatId) => CHATS[chatId] }),
  }
}

/** Lock grants and channel messages are asynchronous, as in the browser. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

let hub: ChannelHub
let locks: FakeLocks
let settings: AttentionSettings

beforeEach(() => {
  FakeNotification.install('granted')
  hub = new ChannelHub()
  locks = new FakeLocks()
  settings = { sound: true, desktop: true }
})
afterEach(() => vi.unstubAllGlobals())

describe('one tab: what rings, push by push', () => {
  it.each([
    ['a chat queued in my groups', queuedChat(), 'Quinn Queue is waiting in the queue'],
    [
      'a chat transferred to me',
      transfer(SAM, { agent_ids: [ME] }),
      'Chat with Aiko Tanaka transferred to you',
    ],
    [
      'a chat transferred to a group queue',
      transfer(SAM, { group_ids: [1] }, { position: 1, wait_time: 0, queued_at: AT }),
      'Aiko Tanaka is waiting in the queue',
    ],
    ['a customer writing in my chat', message('mine', 'c-mine'), 'Maria Lopez wrote'],
    ['a customer writing in a queued chat', message('queued', 'c-queued'), 'Quinn Queue wrote'],
    [
      'a file from a customer',
      message('mine', 'c-mine', { type: 'file', text: undefined, name: 'x.png' }),
      'Maria Lopez wrote',
    ],
  ])('rings: %s', async (_name, frame, title) => {
    const tab = openTab(hub, locks, settings, 'a')
    await flush()
    tab.tabs.report({ chatId: null, visible: true })
    expect(tab.receive(frame)).not.toBeNull()
    expect(tab.sound.play).toHaveBeenCalledOnce()
    expect(FakeNotification.shown.map((n) => n.title)).toEqual([title])
  })

  it.each([
    ['a chat I started or followed myself', queuedChat(ME)],
    ['a transfer I made', transfer(ME, { agent_ids: [SAM] })],
    ['a transfer between others', transfer(SAM, { agent_ids: ['adam@acme.test'] })],
    ['my own message', message('mine', ME)],
    ['an internal note', message('mine', SAM, { visibility: 'agents' })],
    ['another agent writing', message('shared', SAM)],
    ['a customer in another agent’s chat', message('sams', 'c-sams')],
    ['a chat this tab knows nothing of', message('unknown', 'c-x')],
    ['a system message', message('mine', 'c-mine', { type: 'system_message' })],
    [
      'a typing indicator',
      push('incoming_typing_indicator', {
        chat_id: 'mine',
        typing_indicator: { author_id: 'c-mine', is_typing: true },
      }),
    ],
    [
      'a payload without LiveChat’s shape',
      push('incoming_event', { chat_id: 'mine', event: null }),
    ],
  ])('silent: %s', async (_name, frame) => {
    const tab = openTab(hub, locks, settings, 'a')
    await flush()
    expect(tab.receive(frame)).toBeNull()
    expect(tab.sound.play).not.toHaveBeenCalled()
    expect(FakeNotification.shown).toEqual([])
  })

  it('the chat on screen rings only while the tab is hidden', async () => {
    const tab = openTab(hub, locks, settings, 'a')
    await flush()
    tab.tabs.report({ chatId: 'mine', visible: true })
    expect(tab.receive(message('mine', 'c-mine'))).toBeNull()
    // Another chat while this one is on screen: rings.
    expect(tab.receive(message('queued', 'c-queued'))).not.toBeNull()
    tab.tabs.report({ chatId: 'mine', visible: false })
    expect(tab.receive(message('mine', 'c-mine'))).not.toBeNull()
    expect(tab.sound.play).toHaveBeenCalledTimes(2)
  })

  it('the same event rings once: a second push for it, or the transfer’s incoming_chat', async () => {
    const tab = openTab(hub, locks, settings, 'a')
    await flush()
    const frame = message('mine', 'c-mine')
    expect(tab.receive(frame)).not.toBeNull()
    expect(tab.receive(frame)).toBeNull()
    expect(tab.receive(transfer(SAM, { agent_ids: [ME] }))).not.toBeNull()
    const arrived = push('incoming_chat', {
      transferred_from: { agent_ids: [SAM] },
      chat: {
        id: 'moving',
        users: [customer('c-moving', 'Aiko Tanaka'), agent(ME)],
        thread: { id: 'T-moving', active: true, created_at: AT, events: [] },
      },
    })
    expect(tab.receive(arrived)).toBeNull()
    expect(tab.sound.play).toHaveBeenCalledTimes(2)
  })

  it('the settings: sound off keeps the notification, desktop off keeps the sound', async () => {
    const tab = openTab(hub, locks, settings, 'a')
    await flush()
    settings.sound = false
    tab.receive(message('mine', 'c-mine'))
    expect(tab.sound.play).not.toHaveBeenCalled()
    expect(FakeNotification.shown).toHaveLength(1)
    settings.sound = true
    settings.desktop = false
    tab.receive(message('mine', 'c-mine'))
    expect(tab.sound.play).toHaveBeenCalledOnce()
    expect(FakeNotification.shown).toHaveLength(1)
  })

  it('without the permission no notification is made, even with desktop on', async () => {
    FakeNotification.install('denied')
    const tab = openTab(hub, locks, settings, 'a')
    await flush()
    tab.receive(queuedChat())
    expect(FakeNotification.shown).toEqual([])
    expect(tab.sound.play).toHaveBeenCalledOnce()
  })

  it('a click on the notification brings the tab forward, opens the chat and closes it', async () => {
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined)
    const tab = openTab(hub, locks, settings, 'a')
    await flush()
    tab.receive(queuedChat())
    const [notification] = FakeNotification.shown
    expect(notification?.options).toMatchObject({ body: 'Hello?', tag: 'chat:queued:T-queued' })
    notification?.onclick?.()
    expect(focus).toHaveBeenCalled()
    expect(tab.opened).toEqual(['queued'])
    expect(notification?.closed).toBe(true)
  })
})

describe('several tabs: one rings', () => {
  it('of two tabs one rings; the one the agent brings forward rings from then on', async () => {
    const a = openTab(hub, locks, settings, 'a')
    const b = openTab(hub, locks, settings, 'b')
    await flush()
    a.receive(queuedChat())
    b.receive(queuedChat())
    expect(a.sound.play.mock.calls.length + b.sound.play.mock.calls.length).toBe(1)
    expect(FakeNotification.shown).toHaveLength(1)
    expect(a.tabs.isLeader()).toBe(true)
    expect(b.tabs.isLeader()).toBe(false)

    b.tabs.claim()
    await flush()
    expect([a.tabs.isLeader(), b.tabs.isLeader()]).toEqual([false, true])
    const frame = message('mine', 'c-mine')
    a.receive(frame)
    b.receive(frame)
    expect(a.sound.play).toHaveBeenCalledTimes(1)
    expect(b.sound.play).toHaveBeenCalledTimes(1)
    expect(FakeNotification.shown).toHaveLength(2)

    // The ringing tab closes: the other one takes over by itself.
    b.tabs.close()
    await flush()
    expect(a.tabs.isLeader()).toBe(true)
    a.receive(message('mine', 'c-mine'))
    expect(a.sound.play).toHaveBeenCalledTimes(2)
  })

  it('a tab claiming the lock while its own first request is on its way ends up holding it once', async () => {
    // The browser grants in a later task and tells the robbed request first: the order in which
    // a tab that stole from itself once believed it no longer rang, and queued up more requests.
    locks = new FakeLocks(true)
    const a = openTab(hub, locks, settings, 'a')
    a.tabs.claim()
    await flush()
    await flush()
    expect(a.tabs.isLeader()).toBe(true)
    a.tabs.claim()
    await flush()
    expect(a.tabs.isLeader()).toBe(true)
    expect(locks.pending).toBe(0)
    const b = openTab(hub, locks, settings, 'b')
    await flush()
    expect(b.tabs.isLeader()).toBe(false)
    b.tabs.claim()
    await flush()
    await flush()
    expect([a.tabs.isLeader(), b.tabs.isLeader()]).toEqual([false, true])
    b.tabs.close()
    await flush()
    await flush()
    expect(a.tabs.isLeader()).toBe(true)
  })

  it('no tab rings for a chat the agent sees in another, visible tab', async () => {
    const a = openTab(hub, locks, settings, 'a')
    const b = openTab(hub, locks, settings, 'b')
    await flush()
    a.tabs.report({ chatId: null, visible: false })
    b.tabs.report({ chatId: 'mine', visible: true })
    await flush()
    expect(a.tabs.isLeader()).toBe(true)
    const frame = message('mine', 'c-mine')
    expect(a.receive(frame)).toBeNull()
    expect(b.receive(frame)).toBeNull()
    // B goes to the background: A rings for it now.
    b.tabs.report({ chatId: 'mine', visible: false })
    await flush()
    expect(a.receive(message('mine', 'c-mine'))).not.toBeNull()
    expect(FakeNotification.shown).toHaveLength(1)
  })

  it('a tab opened later learns what the others show', async () => {
    const a = openTab(hub, locks, settings, 'a')
    a.tabs.report({ chatId: 'mine', visible: true })
    await flush()
    const b = openTab(hub, locks, settings, 'b')
    b.tabs.report({ chatId: null, visible: false })
    await flush()
    expect(b.tabs.isWatched('mine')).toBe(true)
    a.tabs.close()
    await flush()
    expect(b.tabs.isWatched('mine')).toBe(false)
    expect(b.tabs.isLeader()).toBe(true)
  })
})

describe('tabs in different organizations', () => {
  it('agree per organization: each organization’s tabs have a ringing lock of their own', () => {
    const names: string[] = []
    const recording: LockManagerLike = {
      request: (name) => {
        names.push(name)
        return new Promise(() => undefined)
      },
    }
    for (const scope of ['org-a', 'org-b'])
      createTabCoordination({ scope, locks: recording, channel: hub.open() }).close()
    expect(names).toEqual(['livechat-attention:ringer:org-a', 'livechat-attention:ringer:org-b'])
  })
})
