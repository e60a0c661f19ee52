// The Bearer check shared by the /v2 account and session endpoints: 401 for a missing, unknown,
// expired or revoked token, 403 `access_denied`/`insufficient_scope` without the needed scope
// (livechat-auth-protocol.md §3.3).
import type { Context } from 'hono'
import type { AccessTokenRecord, SandboxState } from '../state'
import { accountsError, presentedToken } from './json-errors'
import { holdsScope } from '../scope-rules'

export function authenticate(
  c: Context,
  state: SandboxState,
  neededScope: string | null,
): AccessTokenRecord | Response {
  const record = state.liveAccessToken(presentedToken(c))
  if (!record) return accountsError(c, 401, 'unauthorized')
  if (neededScope && !holdsScope(record.scopes, neededScope)) {
    return accountsError(c, 403, 'access_denied', { sub_error: 'insufficient_scope' })
  }
  return record
}
