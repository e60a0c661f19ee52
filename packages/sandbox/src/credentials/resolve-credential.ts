// The one place a caller is authenticated: the agent and configuration APIs, the Global
// Accounts /v2 endpoints and RTM `login` / `update_session` all hand it the Authorization value
// (`Bearer <access token>` or `Basic <base64(account_id:PAT)>`) and get a Caller or a failure:
// the account as a member of the organization the credential was issued for.
// Each route then answers a failure in its own API's words (docs/PAT.md).
import type { SandboxState } from '../state'
import { parseBasicCredentials } from './basic-credentials'
import type { Caller } from './caller'
import { findPat } from './pat-store'

/** `missing`: no credential at all; `invalid`: one was sent and is refused. */
export type CredentialFailure = 'missing' | 'invalid'

export type Resolution = { ok: true; caller: Caller } | { ok: false; failure: CredentialFailure }

export interface Accepts {
  /** Whether this endpoint takes PATs at all: `/v2/info` and `/v2/sessions*` do not (docs/PAT.md). */
  pat: boolean
}

export function resolveCredential(
  state: SandboxState,
  authorization: string | null | undefined,
  accepts: Accepts,
): Resolution {
  const value = authorization?.trim() ?? ''
  if (value === '') return { ok: false, failure: 'missing' }
  const match = /^(\S+)\s+(\S+)$/.exec(value)
  const scheme = match?.[1]?.toLowerCase()
  const credential = match?.[2] ?? ''
  // RFC 7235: the scheme is case-insensitive. `Bearer <PAT>` finds no OAuth token and fails (docs/PAT.md).
  const caller =
    scheme === 'bearer'
      ? oauthCaller(state, credential)
      : scheme === 'basic' && accepts.pat
        ? patCaller(state, credential)
        : undefined
  return caller ? { ok: true, caller } : { ok: false, failure: 'invalid' }
}

function oauthCaller(state: SandboxState, token: string): Caller | undefined {
  const record = state.tokens.liveAccessToken(token)
  // The person as a member of the token's organization: its role and groups there.
  const person = record
    ? state.directory.member(record.accountId, record.organizationId)
    : undefined
  if (!record || !person) return undefined
  const colon = record.token.indexOf(':')
  return {
    kind: 'oauth',
    credentialId: record.token,
    accountId: record.accountId,
    organizationId: record.organizationId,
    scopes: [...record.scopes],
    expiresAt: record.expiresAt,
    clientId: record.clientId,
    region: colon > 0 ? record.token.slice(0, colon) : null,
    person,
  }
}

function patCaller(state: SandboxState, encoded: string): Caller | undefined {
  const basic = parseBasicCredentials(encoded)
  if (!basic) return undefined
  // The user-id must be the PAT owner's account id: another account's id finds nothing (docs/PAT.md).
  const account = state.directory.person(basic.user)
  const record = account ? findPat(state, account.accountId, basic.password) : undefined
  const person = record
    ? state.directory.member(record.accountId, record.organizationId)
    : undefined
  if (!person || !record) return undefined
  if (record.expiresAt !== null && record.expiresAt <= state.now()) return undefined
  return {
    kind: 'pat',
    credentialId: record.id,
    accountId: record.accountId,
    organizationId: record.organizationId,
    scopes: [...record.scopes],
    expiresAt: record.expiresAt,
    clientId: null,
    region: null,
    person,
  }
}

/** Whether a credential a live socket logged in with still holds, and if not, why (RTM U16/U17). */
export function credentialStatus(
  state: SandboxState,
  caller: Caller,
): 'live' | 'expired' | 'revoked' {
  if (caller.kind === 'oauth') {
    const record = state.tokens.accessTokens.get(caller.credentialId)
    if (!record || record.revoked) return 'revoked'
    return record.expiresAt <= state.now() ? 'expired' : 'live'
  }
  const record = state.pats.get(caller.credentialId)
  if (!record) return 'revoked'
  return record.expiresAt !== null && record.expiresAt <= state.now() ? 'expired' : 'live'
}
