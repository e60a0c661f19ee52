// Rules the chat-writing methods share (docs/RTM.md; Agent Chat API, "Send Event",
// "Deactivate Chat", "Transfer Chat", "Add User to Chat"): most need the chat's open thread, and
// the requester as a present chat user unless `ignore_requester_presence` says otherwise.
import type { ChatRecord, ChatUserRecord, ThreadRecord } from '../../seed/world-records'
import type { ApiRequest } from '../api-request'
import { ApiFailure } from '../errors'
import { optionalBoolean } from '../params'
import { latestThread } from '../views'

/** The open thread, or 409 `chat_inactive`. */
export function activeThread(chat: ChatRecord): ThreadRecord {
  const thread = latestThread(chat)
  if (!thread || !thread.active) throw new ApiFailure('chat_inactive', 'Chat is inactive')
  return thread
}

/** The requester as a present chat user; the docs require it before writing [assumed: `missing_access`]. */
export function requesterInChat(request: ApiRequest, chat: ChatRecord): ChatUserRecord {
  const user = chat.users.find(
    (u) => u.type === 'agent' && u.id === request.person.email && u.present,
  )
  if (!user) throw new ApiFailure('missing_access', 'Requester is not a user of this chat')
  return user
}

/** The presence rule, waived by `ignore_requester_presence: true` (docs/AGENT-API.md). */
export function requirePresenceUnlessIgnored(request: ApiRequest, chat: ChatRecord): void {
  const ignore = optionalBoolean(request.body, 'ignore_requester_presence') ?? false
  if (!ignore) requesterInChat(request, chat)
}
