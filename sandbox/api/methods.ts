// Every emulated method, by API. Anything else answers 404 `not_found`.
import type { MethodHandler } from './api-request'
import {
  deactivateChat,
  followChat,
  markEventsAsSeen,
  sendEvent,
  unfollowChat,
} from './agent/chat-writes'
import { getChat } from './agent/get-chat'
import { getCustomer } from './agent/get-customer'
import { listArchives } from './agent/list-archives'
import { listChats } from './agent/list-chats'
import { listThreads } from './agent/list-threads'
import { listRoutingStatuses, setRoutingStatus } from './agent/routing'
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
