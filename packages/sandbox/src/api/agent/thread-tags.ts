// tag_thread and untag_thread (RTM reference, "Tag Thread", "Untag Thread"): a license tag (case-sensitive)
// on any thread the requester can reach. Tagging twice, or untagging an absent tag, changes
// nothing and pushes nothing [assumed]. thread_tagged / thread_untagged reach members and
// followers (docs/AGENT-API.md).
import { pushChatChange } from '../../conversation/chat-pushes'
import { requesterOf, type ApiRequest } from '../api-request'
import { canAccessThread, findChat, requireChatReach } from '../chat-access'
import { ApiFailure } from '../errors'
import { requiredString } from '../params'

function tagging(request: ApiRequest, add: boolean): unknown {
  const reach = requireChatReach(request, 'write')
  const chatId = requiredString(request.body, 'chat_id')
  const threadId = requiredString(request.body, 'thread_id')
  const tag = requiredString(request.body, 'tag')
  const chat = findChat(request, chatId, reach)
  const thread = chat.threads.find((t) => t.id === threadId)
  if (!thread) throw new ApiFailure('not_found', 'Thread not found')
  if (!canAccessThread(request, thread, reach))
    throw new ApiFailure('missing_access', 'Requester has no access to this thread')
  if (!request.world.tags.some((t) => t.name === tag))
    throw new ApiFailure('not_found', `Tag not found: ${tag}`)
  const has = thread.tags.includes(tag)
  if (add === has) return {}
  thread.tags = add ? [...thread.tags, tag] : thread.tags.filter((t) => t !== tag)
  pushChatChange(
    request,
    chat,
    add ? 'thread_tagged' : 'thread_untagged',
    'member',
    { chat_id: chat.id, thread_id: thread.id, tag },
    { requester: requesterOf(request) },
  )
  return {}
}

export const tagThread = (request: ApiRequest): unknown => tagging(request, true)
export const untagThread = (request: ApiRequest): unknown => tagging(request, false)
