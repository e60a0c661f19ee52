// Personal access tokens as the sandbox issues them (docs/PAT.md):
// an opaque random token shown once, stored only as a SHA-256 hash next to its owner, name,
// immutable scopes and creation time. Revoking deletes the record, so a revoked PAT fails
// exactly like one that never existed.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Person } from '../seed/identity'
import type { SandboxState } from '../state'
import type { PatRecord } from './pat-record'

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest()
}

export function issuePat(
  state: SandboxState,
  input: { person: Person; organizationId: string; name: string; scopes: string[] },
): { record: PatRecord; token: string } {
  // The format is UNKNOWN (docs/PAT.md): opaque, no `dal:` prefix unless `patTokenPrefix` says so.
  const token = `${state.options.patTokenPrefix}${randomBytes(24).toString('base64url')}`
  const now = state.now()
  const record: PatRecord = {
    id: randomUUID(),
    accountId: input.person.accountId,
    organizationId: input.organizationId,
    name: input.name,
    scopes: [...input.scopes],
    createdAt: now,
    expiresAt: state.options.patLifetime > 0 ? now + state.options.patLifetime * 1000 : null,
    hash: digest(token),
  }
  state.pats.set(record.id, record)
  return { record, token }
}

/** The account's PAT matching `token`, compared in constant time against every one of them. */
export function findPat(
  state: SandboxState,
  accountId: string,
  token: string,
): PatRecord | undefined {
  const presented = digest(token)
  let found: PatRecord | undefined
  for (const record of state.pats.values()) {
    if (record.accountId !== accountId) continue
    if (timingSafeEqual(record.hash, presented) && !found) found = record
  }
  return found
}

export function patsOf(state: SandboxState, accountId: string): PatRecord[] {
  return [...state.pats.values()].filter((record) => record.accountId === accountId)
}

/** The PAT matching `token` whoever owns it (the control API's `token` selector). */
export function findPatByToken(state: SandboxState, token: string): PatRecord | undefined {
  for (const accountId of new Set([...state.pats.values()].map((r) => r.accountId))) {
    const record = findPat(state, accountId, token)
    if (record) return record
  }
  return undefined
}
