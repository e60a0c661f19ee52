// The PATs as the control API and page list them: no token, nothing derived from one.
import type { PatRecord } from '../credentials/pat-record'
import { rfc3339Micro } from '../seed/ids'
import type { SandboxState } from '../state'

/** Every PAT, newest last, without the token or anything derived from it. */
export function listPats(state: SandboxState) {
  return [...state.pats.values()].map((record: PatRecord) => ({
    account_id: record.accountId,
    email: state.directory.person(record.accountId)?.email ?? null,
    organization_id: record.organizationId,
    name: record.name,
    scopes: [...record.scopes],
    created_at: rfc3339Micro(record.createdAt),
    expires_at: record.expiresAt === null ? null : rfc3339Micro(record.expiresAt),
  }))
}
