// Announcing chat changes on the bus as the RTM pushes they become (docs/RTM.md
// payloads; docs/AGENT-API.md families). Payloads are rendered per recipient because what an agent sees of
// an event (deleted-event redaction) and of a chat (`is_followed`) depends on who they are.
import type { Requester } from '../events/sandbox-events'
import type { Person } from '../seed/identity'
import type { ChatEvent, ChatRecord, ThreadRecord } from '../seed/world-records'
import type { World } from '../seed/world-records'
import type { OrgScope } from '../state'
import { chatWithThreadView, eventView, threadView } from '../api/views'

/** incoming_event: a new event in the chat's open thread, to members and followers (docs/AGENT-API.md). */
export function pushIncomingEvent(
  { state, world }: OrgScope,
  chat: ChatRecord,
  thread: ThreadRecord,
  event: ChatEvent,
  requester?: Requester,
): void {
  state.events.emit('push', {
    kind: 'chat',
    action: 'incoming_event',
    organizationId: world.organizationId,
    chatId: chat.id,
    family: 'member',
    visibility: event.visibility,
    requester,
    payload: (viewer: Person) => ({
      chat_id: chat.id,
      thread_id: thread.id,
      event: eventView(event, viewer),
    }),
  })
}

/** The chat with one thread as `incoming_chat` carries it (docs/AGENT-API.md; data structures, "Chat"). */
export function incomingChatPayload(
  world: World,
  chat: ChatRecord,
  thread: ThreadRecord,
  requester?: Requester,
) {
  return (viewer: Person) => ({
    ...(requester?.agentId ? { requester_id: requester.agentId } : {}),
    chat: chatWithThreadView(chat, threadView(chat, thread, viewer), viewer, world),
  })
}

/** incoming_chat: a chat got a new thread (start, resume, a customer's new chat): a key change. */
export function pushIncomingChat(
  { state, world }: OrgScope,
  chat: ChatRecord,
  thread: ThreadRecord,
  requester?: Requester,
): void {
  state.events.emit('push', {
    kind: 'chat',
    action: 'incoming_chat',
    organizationId: world.organizationId,
    chatId: chat.id,
    family: 'key',
    visibility: 'all',
    requester,
    payload: incomingChatPayload(world, chat, thread, requester),
  })
}

/** Any other chat push with a viewer-independent payload. */
export function pushChatChange(
  { state, world }: OrgScope,
  chat: ChatRecord,
  action: string,
  family: 'key' | 'member',
  payload: Record<string, unknown>,
  options: {
    requester?: Requester
    alsoAgents?: string[]
    alsoGroups?: number[]
    exceptRequester?: boolean
    visibility?: 'all' | 'agents'
  } = {},
): void {
  const { visibility = 'all', ...rest } = options
  state.events.emit('push', {
    kind: 'chat',
    action,
    organizationId: world.organizationId,
    chatId: chat.id,
    family,
    visibility,
    ...rest,
    payload: () => structuredClone(payload),
  })
}
