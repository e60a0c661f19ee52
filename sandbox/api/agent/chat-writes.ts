// The writes an agent makes in a chat (ACA §Send Event, §Deactivate Chat, §Mark Events as Seen,
// §Follow Chat): send_event appends to the open thread, deactivate_chat closes it.
import type { ChatRecord, ChatUserRecord, MessageEvent, ThreadRecord } from '../../seed/world'
import type { ApiRequest } from '../api-request'
import { findChat, requireChatReach } from '../chat-access'
import { ApiFailure } from '../errors'
import {
  invalid,
  isObject,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalString,
  requiredString,
  optionalTimestamp,
} from '../params'
import { rfc3339Micro } from '../../seed/ids'
import { latestThread } from '../views'
import { nextEventTime } from './chat-time'

/** The raw text limit of a message (ACA-DS §Message): 16 KB of UTF-8. */
export const MAX_TEXT_BYTES = 16 * 1024

function activeThread(chat: ChatRecord): ThreadRecord {
  const thread = latestThread(chat)
  if (!thread || !thread.active) throw new ApiFailure('chat_inactive', 'Chat is inactive')
  return thread
}

/** The requester as a present chat user; the docs require it before writing [assumed: `missing_access`]. */
function requesterInChat(request: ApiRequest, chat: ChatRecord): ChatUserRecord {
  const user = chat.users.find(
    (u) => u.type === 'agent' && u.id === request.person.email && u.present,
  )
  if (!user) throw new ApiFailure('missing_access', 'Requester is not a user of this chat')
  return user
}

export function sendEvent(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'conversation')
  const chatId = requiredString(request.body, 'chat_id')
  const event = request.body.event
  if (event === undefined) invalid('`event` is required', 'event')
  if (!isObject(event)) invalid('`event` must be an object', 'event')
  const type = requiredString(event, 'type', 'event.type')
  if (type !== 'message')
    invalid('`event.type`: the sandbox only emulates `message` events', 'event.type')
  if (event.text === undefined) invalid('`event.text` is required', 'event.text')
  if (typeof event.text !== 'string' || event.text.trim() === '') {
    invalid('`event.text` must be a non-empty string', 'event.text')
  }
  if (Buffer.byteLength(event.text, 'utf8') > MAX_TEXT_BYTES) {
    invalid('`event.text` is longer than 16 KB', 'event.text')
  }
  const visibility =
    optionalEnum(event, 'visibility', ['all', 'agents'] as const, 'event.visibility') ?? 'all'
  const customId = optionalString(event, 'custom_id', 'event.custom_id')
  const properties = optionalObject(event, 'properties', 'event.properties')

  const chat = findChat(request, chatId, reach)
  const thread = activeThread(chat)
  const user = requesterInChat(request, chat)
  if (user.visibility === 'agents' && visibility === 'all') {
    invalid(
      'Users with visibility `agents` cannot send events with visibility `all`',
      'event.visibility',
    )
  }
  const stored: MessageEvent = {
    id: `${thread.id}_${thread.events.length + 1}`,
    created_at: nextEventTime(request.state.now(), thread),
    type: 'message',
    author_id: request.person.email,
    text: event.text,
    visibility,
  }
  if (customId !== undefined) stored.custom_id = customId
  if (properties !== undefined) stored.properties = structuredClone(properties)
  thread.events.push(stored)
  // Sending marks every event as seen for the requester (ACA §Send Event).
  user.events_seen_up_to = stored.created_at
  return { event_id: stored.id }
}

export function deactivateChat(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'write')
  const chatId = requiredString(request.body, 'id')
  const ignorePresence = optionalBoolean(request.body, 'ignore_requester_presence') ?? false
  const chat = findChat(request, chatId, reach)
  const thread = activeThread(chat)
  if (!ignorePresence) requesterInChat(request, chat)
  thread.events.push({
    id: `${thread.id}_${thread.events.length + 1}`,
    created_at: nextEventTime(request.state.now(), thread),
    type: 'system_message',
    system_message_type: 'manual_archived_agent',
    text: `${request.person.name} archived the chat`,
    visibility: 'all',
    text_vars: { agent: request.person.name },
  })
  thread.active = false
  delete thread.queue
  // Closed chats have nobody present, as in the seed's inactive chats.
  for (const user of chat.users) user.present = false
  return {}
}

export function markEventsAsSeen(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'read')
  const chatId = requiredString(request.body, 'chat_id')
  requiredString(request.body, 'seen_up_to')
  const seenUpTo = optionalTimestamp(request.body, 'seen_up_to') as number
  const chat = findChat(request, chatId, reach)
  const user = chat.users.find((u) => u.type === 'agent' && u.id === request.person.email)
  if (user) {
    const stamp = rfc3339Micro(seenUpTo)
    if (!user.events_seen_up_to || stamp > user.events_seen_up_to) user.events_seen_up_to = stamp
  }
  return {}
}

export function followChat(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'read')
  const chat = findChat(request, requiredString(request.body, 'id'), reach)
  if (!chat.followers.includes(request.person.email)) chat.followers.push(request.person.email)
  return {}
}

/** No scope is listed for unfollow_chat; the chat must still exist. */
export function unfollowChat(request: ApiRequest): unknown {
  const chatId = requiredString(request.body, 'id')
  const chat = request.state.world.chats.find((c) => c.id === chatId)
  if (!chat) throw new ApiFailure('not_found', 'Chat not found')
  chat.followers = chat.followers.filter((id) => id !== request.person.email)
  return {}
}
