// The sandbox's one event bus (docs/RTM.md: "Share a single event bus with the
// Web API emulator, so that Web calls produce pushes too"). Writes announce a `push`: what
// happened, named after the RTM push it becomes, with who caused it; the RTM hub decides who
// receives it (docs/RTM.md) and the autopilot reacts to customers' chats. Lifecycle events let live
// sockets and timers follow resets, option changes and credential changes.
import { EventEmitter } from 'node:events'
import type { Person } from '../seed/identity'

/** Who caused a push. RTM requests add their connection and request_id (docs/RTM.md: requester's copy only). */
export interface Requester {
  /** Agent id (email) of the requesting agent; absent for customers and the router. */
  agentId?: string
  connectionId?: string
  /** As the client sent it: a string (JS SDK uuid) or a number. */
  requestId?: string | number
}

export type PushPayload = Record<string, unknown>

interface PushBase {
  /** The RTM push name: `incoming_event`, `chat_deactivated` … (docs/RTM.md). */
  action: string
  /** Where it happened: only sockets logged in to this organization hear of it. */
  organizationId: string
  /** Rendered for each recipient: deleted-event redaction and `is_followed` depend on the viewer. */
  payload: (viewer: Person) => PushPayload
  requester?: Requester
}

/**
 * A change in one chat. `key` changes reach every agent with access to the chat's groups;
 * `member` changes reach chat users and followers only (docs/RTM.md; option
 * `rtmBroadcastAllChatPushesToGroup`).
 */
export interface ChatPush extends PushBase {
  kind: 'chat'
  chatId: string
  family: 'key' | 'member'
  /** `agents`: internal content that never reaches customers (docs/RTM.md). */
  visibility: 'all' | 'agents'
  /** Agents who must hear about it though they are no longer in the chat (removed, transferred away). */
  alsoAgents?: string[]
  /** Groups that must hear about it though the chat left them (a transfer to another group). */
  alsoGroups?: number[]
  /** Not echoed to the requesting agent (their own typing indicator). */
  exceptRequester?: boolean
}

/** Meant for named agents only: `incoming_chat` after `follow_chat`, `chat_unfollowed` (docs/RTM.md). */
export interface AgentPush extends PushBase {
  kind: 'agent'
  agentIds: string[]
}

/** `routing_status_set`: to every agent holding `agents--all:ro`, and to the agent concerned (docs/RTM.md). */
export interface RoutingPush extends PushBase {
  kind: 'routing'
  agentId: string
}

export type DomainPush = ChatPush | AgentPush | RoutingPush

export interface SandboxEventMap {
  push: [DomainPush]
  /** POST /sandbox/reset (or state.reset()): a fresh world. */
  reset: []
  /** Options changed (POST /sandbox/options). */
  options: []
  /** A token or PAT was revoked or expired, or the clock moved. */
  credentials: []
}

export class SandboxEvents extends EventEmitter<SandboxEventMap> {
  constructor() {
    super()
    // The RTM hub, the autopilot and tests listen; a cap would only produce false warnings.
    this.setMaxListeners(0)
  }
}
