// start_chat and resume_chat (RTM reference, "Start Chat", "Resume Chat"; docs/RTM.md):
// a new chat, or a new thread in an inactive one, with the requester as a present user, the
// given customer/agents and optional first message events. Both push `incoming_chat` (a key
// change) and mark every event as seen for the requester.
import { pushIncomingChat } from '../../conversation/chat-pushes'
import { openThread, type NewEvent } from '../../conversation/chat-ops'
import { newChatStyleId } from '../../conversation/new-ids'
import type { ChatRecord, ChatUserRecord, ThreadRecord } from '../../seed/world-records'
import { requesterOf, type ApiRequest } from '../api-request'
import { findChat, requireChatReach, requireReachableGroups } from '../chat-access'
import { ApiFailure } from '../errors'
import {
  invalid,
  isObject,
  optionalBoolean,
  optionalIntegerArray,
  optionalObject,
  requiredString,
} from '../params'
import { latestThread } from '../views'
import { parseMessageEvent } from './message-event'

type Body = Record<string, unknown>

interface ChatInput {
  groupIds?: number[]
  users: { id: string; type: 'agent' | 'customer' }[]
  properties?: Record<string, Record<string, unknown>>
  events: NewEvent[]
  threadProperties?: Record<string, Record<string, unknown>>
}

function parseProperties(value: Body | undefined, path: string) {
  if (value === undefined) return undefined
  for (const [namespace, names] of Object.entries(value)) {
    if (!isObject(names))
      invalid(`\`${path}.${namespace}\` must be an object`, `${path}.${namespace}`)
  }
  return structuredClone(value) as Record<string, Record<string, unknown>>
}

function parseChatInput(request: ApiRequest, chat: Body): ChatInput {
  const access = optionalObject(chat, 'access', 'chat.access')
  const groupIds = access
    ? optionalIntegerArray(access, 'group_ids', 200, 'chat.access.group_ids')
    : undefined
  const rawUsers = chat.users ?? []
  if (!Array.isArray(rawUsers)) invalid('`chat.users` must be an array', 'chat.users')
  const users = rawUsers.map((user, i) => {
    const path = `chat.users[${i}]`
    if (!isObject(user)) invalid(`\`${path}\` must be an object`, path)
    const id = requiredString(user, 'id', `${path}.id`)
    if (user.type !== 'agent' && user.type !== 'customer')
      invalid(`\`${path}.type\` must be agent or customer`, `${path}.type`)
    const { world } = request
    const known =
      user.type === 'agent'
        ? world.agents.some((a) => a.id === id)
        : world.customers.some((c) => c.id === id)
    if (!known) throw new ApiFailure('not_found', `No ${user.type} ${id}`)
    return { id, type: user.type as 'agent' | 'customer' }
  })
  if (users.filter((u) => u.type === 'customer').length > 1)
    invalid('A chat can have one customer at most', 'chat.users')
  const thread = optionalObject(chat, 'thread', 'chat.thread') ?? {}
  const rawEvents = thread.events ?? []
  if (!Array.isArray(rawEvents))
    invalid('`chat.thread.events` must be an array', 'chat.thread.events')
  const events = rawEvents.map((event, i) =>
    parseMessageEvent(event, `chat.thread.events[${i}]`, request.person.email),
  )
  return {
    groupIds,
    users,
    properties: parseProperties(
      optionalObject(chat, 'properties', 'chat.properties'),
      'chat.properties',
    ),
    events,
    threadProperties: parseProperties(
      optionalObject(thread, 'properties', 'chat.thread.properties'),
      'chat.thread.properties',
    ),
  }
}

/** The requester and the listed users, present in the new thread; returns its user ids. */
function seatUsers(
  request: ApiRequest,
  chat: ChatRecord,
  input: ChatInput,
  active: boolean,
): string[] {
  const seats = [{ id: request.person.email, type: 'agent' as const }, ...input.users]
  for (const seat of seats) {
    let user = chat.users.find((u) => u.id === seat.id)
    if (!user) {
      user = { id: seat.id, type: seat.type, present: active } as ChatUserRecord
      if (seat.type === 'agent') user.visibility = 'all'
      chat.users.push(user)
    }
    user.present = active
  }
  return [...new Set(seats.map((s) => s.id))]
}

function finish(request: ApiRequest, chat: ChatRecord, thread: ThreadRecord, input: ChatInput) {
  if (input.threadProperties) thread.properties = input.threadProperties
  // Starting or resuming marks every event as seen for the requester (docs/AGENT-API.md).
  const me = chat.users.find((u) => u.id === request.person.email)
  if (me) me.events_seen_up_to = thread.events.at(-1)?.created_at ?? thread.created_at
  for (const user of chat.users) {
    const customer = request.world.customers.find((c) => c.id === user.id)
    if (customer && !customer.chat_ids.includes(chat.id)) customer.chat_ids.unshift(chat.id)
  }
  pushIncomingChat(request, chat, thread, requesterOf(request))
  return input.events.length > 0 ? { event_ids: thread.events.map((e) => e.id) } : {}
}

export function startChat(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'write')
  const input = parseChatInput(request, optionalObject(request.body, 'chat') ?? {})
  const active = optionalBoolean(request.body, 'active') ?? true
  optionalBoolean(request.body, 'continuous')
  // No access given: the requester's first group [assumed], so the chat stays in their reach.
  const groupIds = input.groupIds ?? [request.person.groupIds[0] ?? 0]
  requireReachableGroups(request, groupIds, reach, 'chat.access.group_ids')
  const chat: ChatRecord = {
    id: newChatStyleId(request.world),
    users: [],
    threads: [],
    properties: input.properties ?? {},
    access: { group_ids: [...groupIds] },
    followers: [],
  }
  const userIds = seatUsers(request, chat, input, active)
  const thread = openThread(request, chat, { userIds, events: input.events, active })
  request.world.chats.unshift(chat)
  return { chat_id: chat.id, thread_id: thread.id, ...finish(request, chat, thread, input) }
}

export function resumeChat(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'write')
  const chatBody = optionalObject(request.body, 'chat')
  if (chatBody === undefined) invalid('`chat` is required', 'chat')
  const chatId = requiredString(chatBody, 'id', 'chat.id')
  const input = parseChatInput(request, chatBody)
  const active = optionalBoolean(request.body, 'active') ?? true
  optionalBoolean(request.body, 'continuous')
  const chat = findChat(request, chatId, reach)
  if (latestThread(chat)?.active) invalid('The chat is already active', 'chat.id')
  if (input.groupIds) {
    requireReachableGroups(request, input.groupIds, reach, 'chat.access.group_ids')
    chat.access = { group_ids: [...input.groupIds] }
  }
  if (input.properties) Object.assign(chat.properties, input.properties)
  const userIds = seatUsers(request, chat, input, active)
  // The customer comes back with the chat: a chat's customer is part of every thread.
  const customer = chat.users.find((u) => u.type === 'customer')
  if (customer) {
    customer.present = active
    userIds.push(customer.id)
  }
  const thread = openThread(request, chat, { userIds, events: input.events, active })
  return { thread_id: thread.id, ...finish(request, chat, thread, input) }
}
