// What a simulated customer can do (issue 11's customer simulator; docs/RTM.md
// "simulate a customer (start a chat, send a message, sneak peek, typing, leave)"). Each action
// changes the world through the shared chat operations, so agents' sockets get the same pushes
// a real customer would cause (docs/RTM.md): incoming_chat, incoming_event, incoming_typing_indicator,
// incoming_sneak_peek, chat_deactivated.
import { messageText } from '../api/agent/message-event'
import { latestThread } from '../api/views'
import { appendEvent, closeThread, openThread } from '../conversation/chat-ops'
import { pushChatChange, pushIncomingChat } from '../conversation/chat-pushes'
import { newChatStyleId, newCustomerId } from '../conversation/new-ids'
import { rfc3339Micro } from '../seed/ids'
import type { ChatRecord, CustomerRecord, ThreadRecord } from '../seed/world-records'
import type { SandboxState } from '../state'
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

function newCustomer(state: SandboxState, name: string | undefined): CustomerRecord {
  const now = rfc3339Micro(state.now())
  const simulated = state.world.customers.filter((c) => c.email?.endsWith('@customers.test')).length
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
  state.world.customers.push(customer)
  return customer
}

function chatWithCustomer(
  state: SandboxState,
  chatId: unknown,
): { chat: ChatRecord; customerId: string } {
  if (typeof chatId !== 'string' || chatId === '') throw new SimulatorError('chat_id is required')
  const chat = state.world.chats.find((c) => c.id === chatId)
  if (!chat) throw new SimulatorError(`no chat ${chatId}`, 404)
  const customer = chat.users.find((u) => u.type === 'customer')
  if (!customer) throw new SimulatorError(`chat ${chatId} has no customer`)
  return { chat, customerId: customer.id }
}

function openThreadOf(chat: ChatRecord): ThreadRecord {
  const thread = latestThread(chat)
  if (!thread?.active) throw new SimulatorError(`chat ${chat.id} is not active`, 409)
  return thread
}

/** POST /sandbox/customer/chat: a new customer starts a chat in a group; it waits in the queue. */
export function startCustomerChat(
  state: SandboxState,
  input: { groupId?: number; text: unknown; customerName?: string },
) {
  const groupId = input.groupId ?? 0
  if (!state.world.groups.some((g) => g.id === groupId))
    throw new SimulatorError(`no group ${groupId}`)
  const message = text(input.text)
  const customer = newCustomer(state, input.customerName)
  const chat: ChatRecord = {
    id: newChatStyleId(state.world),
    users: [{ id: customer.id, type: 'customer', present: true }],
    threads: [],
    properties: {},
    access: { group_ids: [groupId] },
    followers: [],
  }
  const thread = openThread(state, chat, {
    userIds: [customer.id],
    queued: true,
    events: [{ type: 'message', author_id: customer.id, text: message, visibility: 'all' }],
  })
  stampCustomerVisit(thread, customer)
  state.world.chats.unshift(chat)
  customer.chat_ids.unshift(chat.id)
  const event = thread.events[0]
  customer.customer_last_event_created_at = event?.created_at
  pushIncomingChat(state, chat, thread)
  return { chat_id: chat.id, thread_id: thread.id, event_id: event?.id, customer_id: customer.id }
}

/** POST /sandbox/customer/message: the chat's customer writes; a closed chat starts a new thread. */
export function customerMessage(state: SandboxState, input: { chatId: unknown; text: unknown }) {
  const { chat, customerId } = chatWithCustomer(state, input.chatId)
  const message = text(input.text)
  const customerRecord = state.world.customers.find((c) => c.id === customerId)
  const event = {
    type: 'message' as const,
    author_id: customerId,
    text: message,
    visibility: 'all' as const,
  }
  const open = latestThread(chat)
  if (open?.active) {
    const stored = appendEvent(state, chat, open, event)
    if (customerRecord) customerRecord.customer_last_event_created_at = stored.created_at
    return { chat_id: chat.id, thread_id: open.id, event_id: stored.id }
  }
  // A message after the chat closed starts a new thread (MSG "Chats and threads"; docs/RTM.md).
  const customerUser = chat.users.find((u) => u.id === customerId)
  if (customerUser) customerUser.present = true
  const thread = openThread(state, chat, { userIds: [customerId], queued: true, events: [event] })
  stampCustomerVisit(thread, customerRecord)
  const stored = thread.events[0]
  if (customerRecord && stored) customerRecord.customer_last_event_created_at = stored.created_at
  pushIncomingChat(state, chat, thread)
  return { chat_id: chat.id, thread_id: thread.id, event_id: stored?.id }
}

/** POST /sandbox/customer/typing: a typing indicator, plus a sneak peek of the text being typed. */
export function customerTyping(
  state: SandboxState,
  input: { chatId: unknown; isTyping: unknown; text?: unknown },
) {
  const { chat, customerId } = chatWithCustomer(state, input.chatId)
  if (typeof input.isTyping !== 'boolean') throw new SimulatorError('is_typing must be a boolean')
  const thread = openThreadOf(chat)
  const timestamp = Math.floor(state.now() / 1000)
  pushChatChange(state, chat, 'incoming_typing_indicator', 'member', {
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
    pushChatChange(state, chat, 'incoming_sneak_peek', 'member', {
      chat_id: chat.id,
      thread_id: thread.id,
      sneak_peek: { author_id: customerId, text: text(input.text), timestamp },
    })
  }
  return { chat_id: chat.id, thread_id: thread.id }
}

/** POST /sandbox/customer/leave: the customer closes the chat. */
export function customerLeave(state: SandboxState, input: { chatId: unknown }) {
  const { chat, customerId } = chatWithCustomer(state, input.chatId)
  const thread = openThreadOf(chat)
  closeThread(state, chat, thread, {
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
