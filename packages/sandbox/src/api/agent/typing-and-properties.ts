// send_typing_indicator and update_chat_properties (RTM reference, "Send Typing Indicator", "Update Chat"
// Properties). Typing reaches the chat's other members and followers as
// `incoming_typing_indicator` (the RTM table lists no push; docs/AGENT-API.md); property changes
// reach members and followers as `chat_properties_updated` with the changed keys only (docs/AGENT-API.md).
import { pushChatChange } from '../../conversation/chat-pushes'
import { requesterOf, type ApiRequest } from '../api-request'
import { findChat, requireChatReach } from '../chat-access'
import {
  invalid,
  isObject,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  requiredString,
} from '../params'
import { activeThread, requesterInChat } from './chat-rules'

export function sendTypingIndicator(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'conversation')
  const chatId = requiredString(request.body, 'chat_id')
  const isTyping = optionalBoolean(request.body, 'is_typing')
  if (isTyping === undefined) invalid('`is_typing` is required', 'is_typing')
  const visibility = optionalEnum(request.body, 'visibility', ['all', 'agents'] as const) ?? 'all'
  const chat = findChat(request, chatId, reach)
  const thread = activeThread(chat)
  requesterInChat(request, chat)
  pushChatChange(
    request,
    chat,
    'incoming_typing_indicator',
    'member',
    {
      chat_id: chat.id,
      thread_id: thread.id,
      typing_indicator: {
        author_id: request.person.email,
        visibility,
        // Unix seconds, unlike every other timestamp (docs/AGENT-API.md).
        timestamp: Math.floor(request.state.now() / 1000),
        is_typing: isTyping,
      },
    },
    { requester: requesterOf(request), exceptRequester: true, visibility },
  )
  return {}
}

export function updateChatProperties(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'write')
  const chatId = requiredString(request.body, 'id')
  const properties = optionalObject(request.body, 'properties')
  if (properties === undefined) invalid('`properties` is required', 'properties')
  for (const [namespace, names] of Object.entries(properties)) {
    if (!isObject(names))
      invalid(`\`properties.${namespace}\` must be an object`, `properties.${namespace}`)
  }
  const chat = findChat(request, chatId, reach)
  for (const [namespace, names] of Object.entries(properties)) {
    chat.properties[namespace] = {
      ...chat.properties[namespace],
      ...structuredClone(names as Record<string, unknown>),
    }
  }
  pushChatChange(
    request,
    chat,
    'chat_properties_updated',
    'member',
    { chat_id: chat.id, properties: structuredClone(properties) },
    { requester: requesterOf(request) },
  )
  return {}
}
