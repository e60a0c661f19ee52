// The one sign-in round trip that must survive a page load: the redirect and implicit flows leave
// the app and come back. What it needs to check the answer lives in sessionStorage (this tab only)
// under one key, read once. Never a token; the PKCE verifier only until the answer is back.
import type { ResponseType } from '../config/auth-config'
import { PENDING_KEY } from '../protocol/callback-keys'
import { AuthError } from '../errors/auth-error'
import { parseScopes } from '../scopes/scope-list'

export { PENDING_KEY }

/** A round trip older than this is refused ("took too long"): codes live minutes, people forget tabs. */
export const PENDING_TTL_MS = 10 * 60 * 1000

export interface Pending {
  state: string
  flow: 'redirect' | 'implicit'
  responseType: ResponseType
  /** A path checked by safeReturnTo; checked again when used. */
  returnTo: string
  codeVerifier?: string
  scopes: readonly string[]
  /** The organization the sign-in asked for (`organization_id`): the token must be for it. */
  organizationId?: string
  /** Epoch ms. */
  createdAt: number
}

export type PendingLookup =
  { status: 'none' } | { status: 'expired'; pending: Pending } | { status: 'ok'; pending: Pending }

function storage(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

export function savePending(pending: Pending): void {
  const store = storage()
  try {
    if (!store) throw new Error('sessionStorage unavailable')
    store.setItem(PENDING_KEY, JSON.stringify(pending))
  } catch (error) {
    // Without it the answer could not be checked, so the flow must not start.
    throw new AuthError(
      'unknown',
      'This browser does not let the app remember a sign-in in progress.',
      {
        cause: error,
      },
    )
  }
}

/** Anything that is not exactly what savePending wrote counts as no transaction. */
function decode(raw: string | null): Pending | null {
  if (raw === null) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  const scopes = parseScopes(v.scopes)
  if (
    typeof v.state !== 'string' ||
    v.state === '' ||
    (v.flow !== 'redirect' && v.flow !== 'implicit') ||
    (v.responseType !== 'token' && v.responseType !== 'code') ||
    typeof v.returnTo !== 'string' ||
    (v.codeVerifier !== undefined && typeof v.codeVerifier !== 'string') ||
    (v.organizationId !== undefined && typeof v.organizationId !== 'string') ||
    !Array.isArray(v.scopes) ||
    scopes === null ||
    typeof v.createdAt !== 'number' ||
    !Number.isFinite(v.createdAt)
  ) {
    return null
  }
  return {
    state: v.state,
    flow: v.flow,
    responseType: v.responseType,
    returnTo: v.returnTo,
    ...(typeof v.codeVerifier === 'string' ? { codeVerifier: v.codeVerifier } : {}),
    scopes,
    ...(typeof v.organizationId === 'string' ? { organizationId: v.organizationId } : {}),
    createdAt: v.createdAt,
  }
}

function lookup(pending: Pending | null, now: number): PendingLookup {
  if (!pending) return { status: 'none' }
  // A createdAt in the future is as suspect as an old one.
  const age = now - pending.createdAt
  if (age < -60_000 || age > PENDING_TTL_MS) return { status: 'expired', pending }
  return { status: 'ok', pending }
}

function read(): string | null {
  try {
    return storage()?.getItem(PENDING_KEY) ?? null
  } catch {
    return null
  }
}

function remove(): void {
  try {
    storage()?.removeItem(PENDING_KEY)
  } catch {
    // Nothing to clean when storage is unavailable.
  }
}

/** Reads AND deletes the transaction, telling an expired one apart from none. */
export function takePendingLookup(now: number = Date.now()): PendingLookup {
  const raw = read()
  remove()
  return lookup(decode(raw), now)
}

/** Reads and deletes the transaction: one shot. Null when there is none or it expired. */
export function takePending(now: number = Date.now()): Pending | null {
  const result = takePendingLookup(now)
  return result.status === 'ok' ? result.pending : null
}

/** Reads without deleting. Null when there is none or it expired. */
export function peekPending(now: number = Date.now()): Pending | null {
  const result = lookup(decode(read()), now)
  return result.status === 'ok' ? result.pending : null
}

export function clearPending(): void {
  remove()
}
