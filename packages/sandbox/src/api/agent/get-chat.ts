// get_chat (Agent Chat API, "Get Chat"): one thread of a chat (default the latest), with its users. Access
// is checked against the requested thread's groups, as v3.6 does.
import type { ApiRequest } from '../api-request'
import { canAccessThread, findChat, requireChatReach } from '../chat-access'
import { ApiFailure } from '../errors'
import { optionalString, requiredString } from '../params'
import { chatWithThreadView, latestThread, threadView } from '../views'

export function getChat(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'read')
  const chatId = requiredString(request.body, 'chat_id')
  const threadId = optionalString(request.body, 'thread_id')
  const chat = findChat(request, chatId, reach)
  const thread =
    threadId === undefined ? latestThread(chat) : chat.threads.find((t) => t.id === threadId)
  if (threadId !== undefined && !thread) throw new ApiFailure('not_found', 'Thread not found')
  if (thread && !canAccessThread(request, thread, reach)) {
    throw new ApiFailure('missing_access', 'Requester has no access to this thread')
  }
  const view = thread ? threadView(chat, thread, request.person) : undefined
  return chatWithThreadView(chat, view, request.person, request.world)
}
