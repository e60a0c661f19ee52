// When a failed LiveChat call is tried again, and after how long (SECURITY.md #48–#56).
// Pure, so every rule is table-tested; the query client plugs it into TanStack Query.
import { ApiError } from './api-error'

export const BACKOFF_BASE_MS = 1_000
export const BACKOFF_CAP_MS = 30_000
/** A Retry-After longer than this is clamped to it: the agent should not wait minutes (#50). */
export const RETRY_AFTER_CAP_MS = 60_000

/** Retries after a rate limit: LiveChat unblocks "after some time", so a few patient tries. */
export const RATE_LIMIT_RETRIES = 4
/** Retries of a read after a 5xx, a network failure or an unreadable answer. */
export const READ_RETRIES = 3
/** A timed-out read is tried once more: twenty seconds twice is already long (#56). */
export const TIMEOUT_RETRIES = 1

/** Failures a retry cannot fix: they need the agent, an administrator or a code change. */
const FINAL: ReadonlySet<string> = new Set([
  'authentication',
  'authorization',
  'missing_access',
  'validation',
  'not_found',
  'chat_inactive',
  // The client already retried once in the region LiveChat named.
  'misdirected_request',
])

export type Operation = 'read' | 'write'

/**
 * Whether to try again after `failures` failed attempts (0 after the first). Writes are retried
 * only after a rate limit, which LiveChat answers before acting; a write that failed with a 5xx
 * or on the network may have happened, so it is never repeated without the agent (#53).
 */
export function shouldRetry(operation: Operation, failures: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  if (FINAL.has(error.kind)) return false
  if (error.kind === 'too_many_requests') return failures < RATE_LIMIT_RETRIES
  if (operation === 'write') return false
  if (error.kind === 'timeout') return failures < TIMEOUT_RETRIES
  return failures < READ_RETRIES
}

/**
 * How long to wait before the next attempt. A usable Retry-After wins (clamped to a minute);
 * otherwise exponential backoff with full jitter: a random wait up to base·2ⁿ, capped.
 */
export function retryDelay(
  failures: number,
  error: unknown,
  random: () => number = Math.random,
): number {
  if (
    error instanceof ApiError &&
    error.kind === 'too_many_requests' &&
    error.retryAfterMs !== null
  ) {
    return Math.min(Math.max(0, error.retryAfterMs), RETRY_AFTER_CAP_MS)
  }
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures))
  return Math.round(random() * ceiling)
}
