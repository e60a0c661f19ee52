// The credential check of the /v2 JSON endpoints (docs/ACCOUNTS.md,
// docs/PAT.md): 401 `unauthorized` for a missing or refused credential, 403
// `access_denied`/`insufficient_scope` without the needed scope. Sessions are OAuth only; the
// account and organization endpoints take PATs too (the Global Accounts API document `security: PersonalAccessToken`).
import type { Context } from 'hono'
import type { Caller } from '../credentials/caller'
import { resolveCredential } from '../credentials/resolve-credential'
import type { AccessTokenRecord } from '../tokens/records'
import type { SandboxState } from '../state'
import { accountsError } from './json-errors'
import { holdsScope } from '../scope-rules'

/**
 * A caller with any credential the path accepts. `neededScope` null means any live one; a
 * function picks the scope by caller (PATs may need none where OAuth tokens need one).
 */
export function authenticateCaller(
  c: Context,
  state: SandboxState,
  neededScope: string | null | ((caller: Caller) => string | null),
  accepts: { pat: boolean } = { pat: true },
): Caller | Response {
  const resolution = resolveCredential(state, c.req.header('Authorization'), accepts)
  if (!resolution.ok) return unauthorized(c, state)
  const scope = typeof neededScope === 'function' ? neededScope(resolution.caller) : neededScope
  if (scope && !holdsScope(resolution.caller.scopes, scope)) {
    return accountsError(c, 403, 'access_denied', { sub_error: 'insufficient_scope' })
  }
  return resolution.caller
}

/** OAuth only (`/v2/sessions*`): the access token record itself, for its session. */
export function authenticate(
  c: Context,
  state: SandboxState,
  neededScope: string | null,
): AccessTokenRecord | Response {
  const caller = authenticateCaller(c, state, neededScope, { pat: false })
  if (caller instanceof Response) return caller
  return state.tokens.accessTokens.get(caller.credentialId) as AccessTokenRecord
}

export function unauthorized(c: Context, state: SandboxState): Response {
  const response = accountsError(c, 401, 'unauthorized')
  if (state.options.wwwAuthenticateBasic)
    response.headers.set('WWW-Authenticate', 'Basic realm="LiveChat"')
  return response
}
