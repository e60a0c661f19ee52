// The Agent Chat API's chat shapes (docs/livechat/agent-api.md#shapes-the-app-reads), as much as
// the workspace reads. Optional wherever LiveChat may leave a field out.

export type Visibility = 'all' | 'agents'

export interface ChatAccess {
  group_ids?: number[]
}

export interface MessageEvent {
  id: string
  type: 'message'
  created_at: string
  author_id: string
  text?: string
  visibility?: Visibility
  custom_id?: string
  deleted?: boolean
}

export interface SystemMessageEvent {
  id: string
  type: 'system_message'
  created_at: string
  text?: string
  system_message_type?: string
  visibility?: Visibility
  deleted?: boolean
}

export interface FileEvent {
  id: string
  type: 'file'
  created_at: string
  author_id: string
  name?: string
  url?: string
  content_type?: string
  size?: number
  visibility?: Visibility
  deleted?: boolean
}

/** rich_message, filled_form, form, custom, system…: shown as "unsupported" rather than dropped. */
export interface OtherEvent {
  id: string
  type: string
  created_at: string
  author_id?: string
  visibility?: Visibility
  deleted?: boolean
}

export type ChatEvent = MessageEvent | SystemMessageEvent | FileEvent | OtherEvent

export interface Thread {
  id: string
  created_at: string
  active: boolean
  user_ids?: string[]
  /** Absent when `restricted_access` explains why (e.g. plan limits). */
  events?: ChatEvent[]
  restricted_access?: string
  tags?: string[]
  access?: ChatAccess
  queue?: { position: number; wait_time: number; queued_at: string }
  summary?: { status: string; text?: string }
  previous_thread_id?: string
  next_thread_id?: string
  /** Where the customer was when the thread began (v3.6; agent-api Thread object). */
  customer_visit?: {
    ip?: string
    user_agent?: string
    geolocation?: { country?: string; country_code?: string; region?: string; city?: string }
  }
}

export interface ChatUser {
  id: string
  type: 'agent' | 'customer'
  name?: string
  email?: string
  present?: boolean
  visibility?: Visibility
  /** Up to when this user has seen the chat's events (RFC 3339): unread counts, read receipts. */
  events_seen_up_to?: string
}

export interface ChatSummary {
  id: string
  last_thread_summary?: {
    id: string
    created_at: string
    active: boolean
    user_ids?: string[]
    access?: ChatAccess
    tags?: string[]
    queue?: { position: number; wait_time: number; queued_at: string }
  }
  last_event_per_type?: Record<string, { thread_id: string; event: ChatEvent }>
  users?: ChatUser[]
  access?: ChatAccess
  properties?: Record<string, unknown>
  is_followed?: boolean
}

/** get_chat, and each row of list_archives: a chat with one thread. */
export interface ChatWithThread {
  id: string
  thread?: Thread & { previous_accessible_thread_id?: string; next_accessible_thread_id?: string }
  users?: ChatUser[]
  access?: ChatAccess
  properties?: Record<string, unknown>
  is_followed?: boolean
}
