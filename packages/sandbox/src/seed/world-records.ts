// The shapes of the agent-API world: chats, threads, events, customers, agents, bots, groups,
// tags and the server-side pagination records. They follow LiveChat's payloads, snake_case
// included, so the API can hand most records out as they are.

export type RoutingStatus = 'accepting_chats' | 'not_accepting_chats' | 'offline'
export type Visibility = 'all' | 'agents'

export interface ChatUserRecord {
  id: string
  type: 'agent' | 'customer'
  present: boolean
  events_seen_up_to?: string
  /** Agents only: a supervisor added with `agents` sees everything but may only write internal notes. */
  visibility?: Visibility
}

interface EventBase {
  id: string
  created_at: string
  /**
   * Deleted events keep their content: administrators see it flagged, normal agents get the
   * redacted "deleted event" shape instead (Agent Chat API data structures, "Deleted" event).
   */
  deleted?: true
}

export interface MessageEvent extends EventBase {
  type: 'message'
  author_id: string
  text: string
  visibility: Visibility
  custom_id?: string
  properties?: Record<string, unknown>
}

export interface SystemMessageEvent extends EventBase {
  type: 'system_message'
  system_message_type: string
  text: string
  visibility: Visibility
  text_vars?: Record<string, string>
}

export interface FileEvent extends EventBase {
  type: 'file'
  author_id: string
  name: string
  url: string
  thumbnail_url?: string
  content_type: string
  size: number
  width?: number
  height?: number
  visibility: Visibility
}

export type ChatEvent = MessageEvent | SystemMessageEvent | FileEvent

export interface ThreadRecord {
  id: string
  created_at: string
  active: boolean
  user_ids: string[]
  events: ChatEvent[]
  tags: string[]
  access: { group_ids: number[] }
  properties: Record<string, Record<string, unknown>>
  queue?: { position: number; wait_time: number; queued_at: string }
  /** Set instead of `events` when the plan hides the thread (docs/AGENT-API.md). */
  restricted_access?: string
  summary?: { status: 'ok'; text: string; updated_at: string }
  customer_visit?: {
    ip: string
    user_agent: string
    geolocation: Record<string, string>
  }
}

export interface ChatRecord {
  id: string
  users: ChatUserRecord[]
  /** Oldest first; the last one is the latest thread. */
  threads: ThreadRecord[]
  properties: Record<string, Record<string, unknown>>
  access: { group_ids: number[] }
  /** Agent ids following the chat (`is_followed` is per requester). */
  followers: string[]
}

export interface CustomerRecord {
  id: string
  type: 'customer'
  name?: string
  email?: string
  email_verified?: boolean
  avatar?: string
  phone_number?: string
  created_at: string
  session_fields?: Record<string, string>[]
  statistics: Record<string, number>
  visit?: {
    started_at: string
    ended_at?: string
    referrer?: string
    ip: string
    user_agent: string
    geolocation: Record<string, string>
    last_pages: { opened_at: string; url: string; title: string }[]
  }
  chat_ids: string[]
  agent_last_event_created_at?: string
  customer_last_event_created_at?: string
  address?: Record<string, string>
}

export type AgentPriority = 'first' | 'normal' | 'last' | 'supervisor'

/** A Configuration API agent; `id` is the login email (docs/AGENT-API.md). */
export interface AgentRecord {
  id: string
  account_id: string
  name: string
  avatar_path: string
  role: 'owner' | 'viceowner' | 'administrator' | 'normal'
  job_title: string
  max_chats_count: number
  suspended: boolean
  awaiting_approval: boolean
  last_logout: string
  groups: { id: number; priority: AgentPriority }[]
}

export interface BotRecord {
  id: string
  name: string
  avatar_path: string
  default_group_priority: AgentPriority
  owner_client_id: string
  max_chats_count: number
  groups: { id: number; priority: AgentPriority }[]
}

export interface GroupRecord {
  id: number
  name: string
  language_code: string
}

export interface TagRecord {
  name: string
  group_ids: number[]
  author_id: string
  created_at: string
}

/** Server-side state behind an opaque page_id (docs/AGENT-API.md): the first request's parameters. */
export interface PageRecord {
  method: string
  accountId: string
  /** The normalised first request (filters, limit, sort order, chat id…), method-specific. */
  query: unknown
  offset: number
  createdAt: number
}

/** One organization's data: a token of another organization never reaches it. */
export interface World {
  /** When the seed was written: every seed timestamp is a fixed distance before it. */
  anchor: number
  organizationId: string
  license: { id: string; plan: string; in_trial: boolean; created_at: string; expires_at: string }
  groups: GroupRecord[]
  agents: AgentRecord[]
  bots: BotRecord[]
  tags: TagRecord[]
  customers: CustomerRecord[]
  chats: ChatRecord[]
  /** Agent and bot id → routing status (docs/AGENT-API.md set_routing_status). */
  routingStatuses: Map<string, RoutingStatus>
  pages: Map<string, PageRecord>
  pageSequence: number
  /** `${token} ${method}` → request times, for the optional rate limiter. */
  rateHits: Map<string, number[]>
}
