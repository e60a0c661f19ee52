// What the RTM actions (dispatch, login, session actions) ask of the hub that runs them: the
// sandbox state, an agent's sockets and disconnecting them. The hub implements it; the actions
// depend on this, not on the hub, so the two do not import each other.
import type { SandboxState } from '../state'
import type { RtmConnection } from './connection'
import type { DisconnectReason } from './disconnect-reasons'

export interface ConnectionFilter {
  email?: string
  /** Logged in to this organization (a socket lives in one). */
  organizationId?: string
  /** An OAuth access token string, or a PAT record id. */
  credentialId?: string
  loggedInOnly?: boolean
}

export interface HubServices {
  readonly state: SandboxState
  sessionsOf(email: string, except?: RtmConnection): RtmConnection[]
  disconnect(
    filter: ConnectionFilter,
    reason: DisconnectReason,
    data?: Record<string, unknown>,
  ): number
}
