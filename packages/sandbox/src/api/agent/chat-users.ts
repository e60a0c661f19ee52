// add_user_to_chat and remove_user_from_chat (RTM reference, "Add User to Chat", "Remove User from Chat";
// docs/RTM.md): an active chat for adding, the requester present unless
// `ignore_requester_presence`, at most one customer. Both are key changes (docs/AGENT-API.md), so everyone
// with access to the chat, and the user concerned, hears about them.
import { pushChatChange } from '../../conversation/chat-pushes'
import type { ChatRecord, ChatUserRecord, ThreadRecord, Visibility } from '../../seed/world-records'
import { requesterOf, type ApiRequest } from '../api-request'
import { findChat, requireChatReach } from '../chat-access'
import { ApiFailure } from '../errors'
import { invalid, optionalEnum, requiredString } from '../params'
import { chatUserView, latestThread } from '../views'
import { activeThread, requirePresenceUnlessIgnored } from './chat-rules'

type UserType = 'agent' | 'customer'

function userType(request: ApiRequest): UserType {
  const type = optionalEnum(request.body, 'user_type', ['agent', 'customer'] as const)
  if (type === undefined) invalid('`user_type` is required', 'user_type')
  return type
}

function requireUserExists(request: ApiRequest, id: string, type: UserType): void {
  const { world } = request
  const exists =
    type === 'agent'
      ? world.agents.some((a) => a.id === id)
      : world.customers.some((c) => c.id === id)
  if (!exists) throw new ApiFailure('not_found', `No ${type} ${id}`)
}

export function addUserToChat(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'write')
  const chatId = requiredString(request.body, 'chat_id')
  const userId = requiredString(request.body, 'user_id')
  const type = userType(request)
  const visibility = optionalEnum(request.body, 'visibility', ['all', 'agents'] as const) ?? 'all'
  const chat = findChat(request, chatId, reach)
  const thread = activeThread(chat)
  requirePresenceUnlessIgnored(request, chat)
  requireUserExists(request, userId, type)

  const existing = chat.users.find((u) => u.id === userId)
  if (existing?.present) invalid(`${userId} is already in the chat`, 'user_id')
  if (type === 'customer' && chat.users.some((u) => u.type === 'customer' && u.id !== userId)) {
    invalid('A chat can have one customer at most', 'user_id')
  }
  seatUser(request, chat, thread, userId, type, visibility)
  return {}
}

export function removeUserFromChat(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'write')
  const chatId = requiredString(request.body, 'chat_id')
  const userId = requiredString(request.body, 'user_id')
  const type = userType(request)
  const chat = findChat(request, chatId, reach)
  requirePresenceUnlessIgnored(request, chat)
  removeChatUser(request, chat, userId, type)
  return {}
}

/**
 * Puts a user in the chat's open thread, present, and pushes `user_added_to_chat`. An agent
 * who can talk to the customer (`visibility: all`) serves the chat: it leaves the queue.
 */
export function seatUser(
  request: ApiRequest,
  chat: ChatRecord,
  thread: ThreadRecord,
  userId: string,
  type: UserType,
  visibility: Visibility,
): void {
  const existing = chat.users.find((u) => u.id === userId)
  const user: ChatUserRecord = existing ?? { id: userId, type, present: true }
  user.present = true
  if (type === 'agent') user.visibility = visibility
  if (!existing) chat.users.push(user)
  if (!thread.user_ids.includes(userId)) thread.user_ids.push(userId)
  if (type === 'agent' && visibility === 'all') delete thread.queue
  pushChatChange(
    request,
    chat,
    'user_added_to_chat',
    'key',
    {
      chat_id: chat.id,
      thread_id: thread.id,
      user: chatUserView(user, request.world),
      reason: 'manual',
      requester_id: request.person.email,
    },
    { requester: requesterOf(request) },
  )
}

/** Takes a user out of the chat and pushes `user_removed_from_chat` (to them as well). */
export function removeChatUser(
  request: ApiRequest,
  chat: ChatRecord,
  userId: string,
  type: UserType,
  reason = 'manual',
): void {
  const index = chat.users.findIndex((u) => u.id === userId && u.type === type)
  if (index < 0) throw new ApiFailure('not_found', `${userId} is not in the chat`)
  chat.users.splice(index, 1)
  const thread = latestThread(chat)
  pushChatChange(
    request,
    chat,
    'user_removed_from_chat',
    'key',
    {
      chat_id: chat.id,
      ...(thread?.active ? { thread_id: thread.id } : {}),
      user_id: userId,
      reason,
      requester_id: request.person.email,
    },
    { requester: requesterOf(request), alsoAgents: type === 'agent' ? [userId] : [] },
  )
}
