// What a method handler gets: the sandbox, the caller (token, person, scopes) and the parsed
// body. Scope checks live here so every method words its authorization error the same way.
import type { Person } from '../seed/identity'
import type { AccessTokenRecord, SandboxState } from '../state'
import { ApiFailure } from './errors'
import { holdsAnyScope } from '../scope-rules'

export interface ApiRequest {
  state: SandboxState
  token: AccessTokenRecord
  person: Person
  body: Record<string, unknown>
  /** `list_chats`, `get_agent`, … */
  method: string
}

export type MethodHandler = (request: ApiRequest) => unknown

/** Throws 403 `authorization` unless one of the scopes (or one implying it) was granted. */
export function requireAnyScope(request: ApiRequest, anyOf: readonly string[]): void {
  if (!holdsAnyScope(request.token.scopes, anyOf)) {
    throw new ApiFailure('authorization', `Missing scope: ${anyOf.join(' or ')}`, {
      required_scopes: [...anyOf],
    })
  }
}
