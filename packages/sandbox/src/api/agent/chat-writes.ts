// The writes an agent makes in a chat (Agent Chat API, "Send Event", "Deactivate Chat", "Mark Events as Seen",
// "Follow Chat"; docs/RTM.md): send_event appends to the open thread,
// deactivate_chat closes it. Each announces its push on the bus (docs/AGENT-API.md), whichever transport
// called it.
import { pushChatChange, incomingChatPayload } from '../../conversation/chat-pushes'
import { appendEvent, closeThread } from '../../conversation/chat-ops'
import { rfc3339Micro } from '../../seed/ids'
import { requesterOf, type ApiRequest } from '../api-request'
import { findChat, requireChatReach } from '../chat-access'
import { ApiFailure } from '../errors'
import { invalid, optionalBoolean, requiredString, optionalTimestamp } from '../params'
import { latestThread } from '../views'
import { activeThread, requesterInChat } from './chat-rules'
import { parseMessageEvent } from './message-event'

export function sendEvent(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'conversation')
  const chatId = requiredString(request.body, 'chat_id')
  const event = parseMessageEvent(request.body.event, 'event', request.person.email)
  const chat = findChat(request, chatId, reach)
  const thread = activeThread(chat)
  const user = requesterInChat(request, chat)
  if (user.visibility === 'agents' && event.visibility === 'all') {
    invalid(
      'Users with visibility `agents` cannot send events with visibility `all`',
      'event.visibility',
    )
  }
  const stored = appendEvent(request, chat, thread, event, requesterOf(request))
  // Sending marks every event as seen for the requester (Agent Chat API, "Send Event", docs/AGENT-API.md).
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
  closeThread(
    request,
    chat,
    thread,
    {
      userId: request.person.email,
      systemMessage: {
        type: 'system_message',
        system_message_type: 'manual_archived_agent',
        text: `${request.person.name} archived the chat`,
        visibility: 'all',
        text_vars: { agent: request.person.name },
      },
    },
    requesterOf(request),
  )
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
    // Read receipts (docs/AGENT-API.md): to the chat's members and followers, the requester's copy included.
    pushChatChange(
      request,
      chat,
      'events_marked_as_seen',
      'member',
      { user_id: request.person.email, chat_id: chat.id, seen_up_to: user.events_seen_up_to },
      { requester: requesterOf(request) },
    )
  }
  return {}
}

export function followChat(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'read')
  const chat = findChat(request, requiredString(request.body, 'id'), reach)
  const me = request.person.email
  const member = chat.users.some((u) => u.type === 'agent' && u.id === me)
  const following = chat.followers.includes(me)
  if (!following) chat.followers.push(me)
  // docs/AGENT-API.md: a newcomer (neither a member nor already following) gets the chat as incoming_chat.
  const thread = latestThread(chat)
  if (!member && !following && thread) {
    const requester = requesterOf(request)
    request.state.events.emit('push', {
      kind: 'agent',
      organizationId: request.world.organizationId,
      action: 'incoming_chat',
      agentIds: [me],
      requester,
      payload: incomingChatPayload(request.world, chat, thread, requester),
    })
  }
  return {}
}

/**
 * No scope is listed for unfollow_chat; the chat must still exist and chat members cannot
 * unfollow (RTM reference, "Unfollow Chat"). The answer is `{chat_id}` as in the sample (U18); the
 * requester's other connections learn it from `chat_unfollowed` (docs/AGENT-API.md).
 */
export function unfollowChat(request: ApiRequest): unknown {
  const chatId = requiredString(request.body, 'id')
  const chat = request.world.chats.find((c) => c.id === chatId)
  if (!chat) throw new ApiFailure('not_found', 'Chat not found')
  const me = request.person.email
  if (chat.users.some((u) => u.type === 'agent' && u.id === me && u.present)) {
    invalid('Chat members cannot unfollow the chat', 'id')
  }
  const wasFollowing = chat.followers.includes(me)
  chat.followers = chat.followers.filter((id) => id !== me)
  if (wasFollowing) {
    request.state.events.emit('push', {
      kind: 'agent',
      organizationId: request.world.organizationId,
      action: 'chat_unfollowed',
      agentIds: [me],
      requester: requesterOf(request),
      payload: () => ({ chat_id: chat.id }),
    })
  }
  return { chat_id: chat.id }
}
