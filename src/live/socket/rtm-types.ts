// The RTM payloads the workspace reads (docs/livechat/rtm.md#login-and-heartbeat,
// docs/livechat/rtm.md#pushes), as far as it reads them. Optional wherever LiveChat may leave a
// field out.
import type { ChatAccess, ChatEvent, ChatSummary, ChatUser, Thread } from '../../api/chat-types'
import type { Customer } from '../../api/customers'
import type { RoutingStatus } from '../../api/routing-statuses'

/** `login`'s `my_profile` (PL users/myProfile.json): the agent as this connection knows them. */
export interface MyProfile {
  /** The agent id: the login email. */
  id: string
  type?: 'agent'
  name?: string
  email?: string
  events_seen_up_to?: string
  routing_status?: RoutingStatus
  permission?: string
}

export interface LoginResponse {
  license?: { id?: string; organization_id?: string }
  my_profile: MyProfile
  chats_summary?: ChatSummary[]
}

/** A chat as pushes carry it (`incoming_chat`): one thread, the latest. */
export interface PushedChat {
  id: string
  users?: ChatUser[]
  access?: ChatAccess
  properties?: Record<string, unknown>
  thread?: Thread
  is_followed?: boolean
}

/** The pushes the workspace applies to its cache, by name (docs/livechat/rtm.md#pushes). */
export interface PushPayloads {
  incoming_chat: { chat: PushedChat; requester_id?: string }
  incoming_event: { chat_id: string; thread_id: string; event: ChatEvent }
  event_updated: { chat_id: string; thread_id: string; event: ChatEvent }
  event_deleted: { chat_id: string; thread_id: string; event_id: string }
  chat_deactivated: { chat_id: string; thread_id: string; user_id?: string }
  chat_transferred: {
    chat_id: string
    thread_id?: string
    reason?: string
    transferred_to?: { group_ids?: number[]; agent_ids?: string[] }
    queue?: { position: number; wait_time: number; queued_at: string }
  }
  chat_access_updated: { id: string; access: ChatAccess }
  user_added_to_chat: { chat_id: string; thread_id?: string; user: ChatUser }
  user_removed_from_chat: { chat_id: string; thread_id?: string; user_id: string }
  events_marked_as_seen: { user_id: string; chat_id: string; seen_up_to: string }
  incoming_typing_indicator: {
    chat_id: string
    thread_id?: string
    typing_indicator: { author_id: string; is_typing: boolean; visibility?: string }
  }
  incoming_sneak_peek: {
    chat_id: string
    thread_id?: string
    sneak_peek: { author_id: string; text: string }
  }
  chat_properties_updated: { chat_id: string; properties: Record<string, unknown> }
  thread_tagged: { chat_id: string; thread_id: string; tag: string }
  thread_untagged: { chat_id: string; thread_id: string; tag: string }
  queue_positions_updated: {
    chat_id: string
    thread_id?: string
    queue: { position: number; wait_time: number }
  }[]
  chat_deleted: { chat_id: string }
  chat_unfollowed: { chat_id: string }
  routing_status_set: { agent_id: string; status: RoutingStatus }
  customer_updated: Partial<Customer> & { id: string }
  incoming_customer: Customer
  customer_page_updated: {
    customer_id: string
    url?: string
    title?: string
    opened_at?: string
  }
  agent_disconnected: { reason: string; data?: unknown }
}

export type PushName = keyof PushPayloads
