// Every emulated method, by API: the Web API (`/v3.6/<api>/action/<method>`) and RTM (agent
// methods) call the same handlers, so the rules exist once. Anything else answers 404
// `not_found` on the Web and `validation` over RTM (U12).
import type { MethodHandler } from './api-request'
import {
  deactivateChat,
  followChat,
  markEventsAsSeen,
  sendEvent,
  unfollowChat,
} from './agent/chat-writes'
import { listAgentsForTransfer } from './agent/agents-for-transfer'
import { addUserToChat, removeUserFromChat } from './agent/chat-users'
import { getChat } from './agent/get-chat'
import { getCustomer } from './agent/get-customer'
import { listArchives } from './agent/list-archives'
import { listChats } from './agent/list-chats'
import { listThreads } from './agent/list-threads'
import { listRoutingStatuses, setRoutingStatus } from './agent/routing'
import { resumeChat, startChat } from './agent/start-resume'
import { tagThread, untagThread } from './agent/thread-tags'
import { transferChat } from './agent/transfer-chat'
import { sendTypingIndicator, updateChatProperties } from './agent/typing-and-properties'
import { getAgent, listAgents } from './configuration/agents'
import { getGroup, listGroups } from './configuration/groups'

export type ApiName = 'agent' | 'configuration'

export const METHODS: Record<ApiName, Record<string, MethodHandler>> = {
  agent: {
    list_chats: listChats,
    get_chat: getChat,
    list_threads: listThreads,
    list_archives: listArchives,
    get_customer: getCustomer,
    send_event: sendEvent,
    deactivate_chat: deactivateChat,
    mark_events_as_seen: markEventsAsSeen,
    follow_chat: followChat,
    unfollow_chat: unfollowChat,
    set_routing_status: setRoutingStatus,
    list_routing_statuses: listRoutingStatuses,
    start_chat: startChat,
    resume_chat: resumeChat,
    transfer_chat: transferChat,
    add_user_to_chat: addUserToChat,
    remove_user_from_chat: removeUserFromChat,
    tag_thread: tagThread,
    untag_thread: untagThread,
    send_typing_indicator: sendTypingIndicator,
    update_chat_properties: updateChatProperties,
    list_agents_for_transfer: listAgentsForTransfer,
  },
  configuration: {
    list_agents: listAgents,
    get_agent: getAgent,
    list_groups: listGroups,
    get_group: getGroup,
  },
}

export function findMethod(api: ApiName, method: string): MethodHandler | undefined {
  const table = METHODS[api]
  return Object.hasOwn(table, method) ? table[method] : undefined
}
