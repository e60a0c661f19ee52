// What a method handler gets: the sandbox, the caller (whatever credential it used), the parsed
// body, and, over RTM, the connection and request_id that pushes must carry back (docs/AGENT-API.md). Scope
// checks live here so every method words its authorization error the same way, on both
// transports.
import type { Caller } from '../credentials/caller'
import type { Requester } from '../events/sandbox-events'
import type { Person } from '../seed/identity'
import type { World } from '../seed/world-records'
import type { SandboxState } from '../state'
import { ApiFailure } from './errors'
import { holdsAnyScope } from '../scope-rules'

/** Over RTM: which socket asked, and its request_id (absent for Web API calls). */
export interface RequestOrigin {
  connectionId: string
  /** As the client sent it: a string (JS SDK uuid) or a number. */
  requestId?: string | number
}

export interface ApiRequest {
  state: SandboxState
  caller: Caller
  /** The caller's membership: role and groups in the credential's organization. */
  person: Person
  /** The credential's organization's world: the only one a request reads or writes. */
  world: World
  body: Record<string, unknown>
  /** `list_chats`, `get_agent`, … */
  method: string
  origin?: RequestOrigin
}

export type MethodHandler = (request: ApiRequest) => unknown

/** Throws 403 `authorization` unless one of the scopes (or one implying it) was granted. */
export function requireAnyScope(request: ApiRequest, anyOf: readonly string[]): void {
  if (!holdsAnyScope(request.caller.scopes, anyOf)) {
    throw new ApiFailure('authorization', `Missing scope: ${anyOf.join(' or ')}`, {
      required_scopes: [...anyOf],
    })
  }
}

/** What every request of a caller shares: its organization's world, its membership there. */
export function callerScope(state: SandboxState, caller: Caller) {
  return { state, caller, person: caller.person, world: state.worldOf(caller.organizationId) }
}

/** Who a push caused by this request names as its requester. */
export function requesterOf(request: ApiRequest): Requester {
  return {
    agentId: request.person.email,
    connectionId: request.origin?.connectionId,
    requestId: request.origin?.requestId,
  }
}
