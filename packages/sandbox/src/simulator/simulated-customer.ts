// What a simulated customer can do (issue 11's customer simulator; docs/RTM.md
// "simulate a customer (start a chat, send a message, sneak peek, typing, leave)"). Each action
// changes the world through the shared chat operations, so agents' sockets get the same pushes
// a real customer would cause (docs/RTM.md): incoming_chat, incoming_event, incoming_typing_indicator,
// incoming_sneak_peek, chat_deactivated. A new chat starts in the organization the caller names;
// the other actions find the chat in whichever organization holds it.
import { messageText } from '../api/agent/message-event'
import { latestThread } from '../api/views'
import { appendEvent, closeThread, openThread } from '../conversation/chat-ops'
import { pushChatChange, pushIncomingChat } from '../conversation/chat-pushes'
import { newChatStyleId, newCustomerId } from '../conversation/new-ids'
import { rfc3339Micro } from '../seed/ids'
import type { ChatRecord, CustomerRecord, ThreadRecord } from '../seed/world-records'
import type { OrgScope, SandboxState } from '../state'
import { simulatedVisit, stampCustomerVisit } from './simulated-visit'

export class SimulatorError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message)
  }
}

const NAMES = [
  'Alex Rivera',
  'Sofia Rossi',
  'Kenji Watanabe',
  'Fatima Zahra',
  'Lena Fischer',
  'Diego Álvarez',
  'Chloé Martin',
  'Noah Okafor',
]

function text(value: unknown): string {
  try {
    return messageText(value, 'text')
  } catch (error) {
    throw new SimulatorError((error as Error).message)
  }
}

function newCustomer({ state, world }: OrgScope, name: string | undefined): CustomerRecord {
  const now = rfc3339Micro(state.now())
  const simulated = world.customers.filter((c) => c.email?.endsWith('@customers.test')).length
  const chosen = name?.trim() || NAMES[simulated % NAMES.length] || 'Customer'
  const slug = chosen
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')
  const customer: CustomerRecord = {
    id: newCustomerId(),
    type: 'customer',
    name: chosen,
    email: `${slug || 'customer'}.${simulated + 1}@customers.test`,
    created_at: now,
    statistics: { chats_count: 1, threads_count: 1, visits_count: 1, page_views_count: 2 },
    visit: simulatedVisit(simulated, state.now()),
    chat_ids: [],
  }
  world.customers.push(customer)
  return customer
}

/** The chat, in whichever organization's world holds it, and its customer. */
function chatWithCustomer(
  state: SandboxState,
  chatId: unknown,
): { scope: OrgScope; chat: ChatRecord; customerId: string } {
  if (typeof chatId !== 'string' || chatId === '') throw new SimulatorError('chat_id is required')
  for (const world of state.worlds.values()) {
    const chat = world.chats.find((c) => c.id === chatId)
    if (!chat) continue
    const customer = chat.users.find((u) => u.type === 'customer')
    if (!customer) throw new SimulatorError(`chat ${chatId} has no customer`)
    return { scope: { state, world }, chat, customerId: customer.id }
  }
  throw new SimulatorError(`no chat ${chatId}`, 404)
}

function openThreadOf(chat: ChatRecord): ThreadRecord {
  const thread = latestThread(chat)
  if (!thread?.active) throw new SimulatorError(`chat ${chat.id} is not active`, 409)
  return thread
}

/**
 * POST /sandbox/customer/chat: a new customer starts a chat in a group of an organization (the
 * first one unless named); it waits in the queue.
 */
export function startCustomerChat(
  state: SandboxState,
  input: { organizationId?: string; groupId?: number; text: unknown; customerName?: string },
) {
  const scope = state.scopeOf(input.organizationId ?? state.directory.primary.id)
  const { world } = scope
  const groupId = input.groupId ?? 0
  if (!world.groups.some((g) => g.id === groupId)) throw new SimulatorError(`no group ${groupId}`)
  const message = text(input.text)
  const customer = newCustomer(scope, input.customerName)
  const chat: ChatRecord = {
    id: newChatStyleId(world),
    users: [{ id: customer.id, type: 'customer', present: true }],
    threads: [],
    properties: {},
    access: { group_ids: [groupId] },
    followers: [],
  }
  const thread = openThread(scope, chat, {
    userIds: [customer.id],
    queued: true,
    events: [{ type: 'message', author_id: customer.id, text: message, visibility: 'all' }],
  })
  stampCustomerVisit(thread, customer)
  world.chats.unshift(chat)
  customer.chat_ids.unshift(chat.id)
  const event = thread.events[0]
  customer.customer_last_event_created_at = event?.created_at
  pushIncomingChat(scope, chat, thread)
  return { chat_id: chat.id, thread_id: thread.id, event_id: event?.id, customer_id: customer.id }
}

/** POST /sandbox/customer/message: the chat's customer writes; a closed chat starts a new thread. */
export function customerMessage(state: SandboxState, input: { chatId: unknown; text: unknown }) {
  const { scope, chat, customerId } = chatWithCustomer(state, input.chatId)
  const message = text(input.text)
  const customerRecord = scope.world.customers.find((c) => c.id === customerId)
  const event = {
    type: 'message' as const,
    author_id: customerId,
    text: message,
    visibility: 'all' as const,
  }
  const open = latestThread(chat)
  if (open?.active) {
    const stored = appendEvent(scope, chat, open, event)
    if (customerRecord) customerRecord.customer_last_event_created_at = stored.created_at
    return { chat_id: chat.id, thread_id: open.id, event_id: stored.id }
  }
  // A message after the chat closed starts a new thread (MSG "Chats and threads"; docs/RTM.md).
  const customerUser = chat.users.find((u) => u.id === customerId)
  if (customerUser) customerUser.present = true
  const thread = openThread(scope, chat, { userIds: [customerId], queued: true, events: [event] })
  stampCustomerVisit(thread, customerRecord)
  const stored = thread.events[0]
  if (customerRecord && stored) customerRecord.customer_last_event_created_at = stored.created_at
  pushIncomingChat(scope, chat, thread)
  return { chat_id: chat.id, thread_id: thread.id, event_id: stored?.id }
}

/** POST /sandbox/customer/typing: a typing indicator, plus a sneak peek of the text being typed. */
export function customerTyping(
  state: SandboxState,
  input: { chatId: unknown; isTyping: unknown; text?: unknown },
) {
  const { scope, chat, customerId } = chatWithCustomer(state, input.chatId)
  if (typeof input.isTyping !== 'boolean') throw new SimulatorError('is_typing must be a boolean')
  const thread = openThreadOf(chat)
  const timestamp = Math.floor(state.now() / 1000)
  pushChatChange(scope, chat, 'incoming_typing_indicator', 'member', {
    chat_id: chat.id,
    thread_id: thread.id,
    typing_indicator: {
      author_id: customerId,
      visibility: 'all',
      timestamp,
      is_typing: input.isTyping,
    },
  })
  if (input.text !== undefined && input.isTyping) {
    pushChatChange(scope, chat, 'incoming_sneak_peek', 'member', {
      chat_id: chat.id,
      thread_id: thread.id,
      sneak_peek: { author_id: customerId, text: text(input.text), timestamp },
    })
  }
  return { chat_id: chat.id, thread_id: thread.id }
}

/** POST /sandbox/customer/leave: the customer closes the chat. */
export function customerLeave(state: SandboxState, input: { chatId: unknown }) {
  const { scope, chat, customerId } = chatWithCustomer(state, input.chatId)
  const thread = openThreadOf(chat)
  closeThread(scope, chat, thread, {
    userId: customerId,
    systemMessage: {
      type: 'system_message',
      system_message_type: 'manual_archived_customer',
      text: 'The customer closed the chat',
      visibility: 'all',
    },
  })
  return { chat_id: chat.id, thread_id: thread.id }
}
