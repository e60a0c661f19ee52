// SECURITY.md #48–#53, #56: which failures are retried, and when.
import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '../../../src/api/read-response'
import { ApiError, type ApiErrorKind } from '../../../src/api/api-error'
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  READ_RETRIES,
  RATE_LIMIT_RETRIES,
  RETRY_AFTER_CAP_MS,
  retryDelay,
  shouldRetry,
} from '../../../src/api/retry-policy'

const now = Date.parse('2026-11-28T12:00:00Z')
const rateLimited = (retryAfter: string | null) =>
  new ApiError('too_many_requests', 'Too many requests', {
    status: 429,
    retryAfterMs: parseRetryAfter(retryAfter, now),
  })
const failed = (kind: ApiErrorKind) => new ApiError(kind, kind)

/** How many attempts a request gets in total before the error is shown. */
function attempts(operation: 'read' | 'write', error: ApiError): number {
  let failures = 0
  while (shouldRetry(operation, failures, error)) failures += 1
  return failures + 1
}

describe('retry delay', () => {
  it('#48: Retry-After: 5 → the next attempt waits 5 s', () => {
    expect(retryDelay(0, rateLimited('5'), () => 0.5)).toBe(5000)
  })

  it('#49: an HTTP-date Retry-After → waits until that date', () => {
    expect(retryDelay(0, rateLimited('Sat, 28 Nov 2026 12:00:20 GMT'), () => 0.5)).toBe(20_000)
  })

  it.each(['abc', '-1'])(
    '#50: Retry-After %s is ignored: jittered backoff within the cap',
    (value) => {
      for (const failures of [0, 1, 2, 3, 10]) {
        const delay = retryDelay(failures, rateLimited(value), () => 1)
        expect(delay).toBe(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** failures))
        expect(delay).toBeLessThanOrEqual(BACKOFF_CAP_MS)
      }
    },
  )

  it('#50: Retry-After: 86400 is clamped to the cap instead of waiting a day', () => {
    expect(retryDelay(0, rateLimited('86400'), () => 0.5)).toBe(RETRY_AFTER_CAP_MS)
  })

  it('#51: no Retry-After → exponential backoff with full jitter', () => {
    const error = rateLimited(null)
    expect(retryDelay(0, error, () => 0.5)).toBe(500)
    expect(retryDelay(1, error, () => 0.5)).toBe(1000)
    expect(retryDelay(2, error, () => 0.5)).toBe(2000)
    expect(retryDelay(2, error, () => 0)).toBe(0)
    expect(retryDelay(20, error, () => 1)).toBe(BACKOFF_CAP_MS)
  })
})

describe('what is retried', () => {
  it('#51: a rate limit is retried a bounded number of times, then given up', () => {
    expect(attempts('read', rateLimited(null))).toBe(RATE_LIMIT_RETRIES + 1)
  })

  it('a rate-limited write is retried too: LiveChat refused it before acting', () => {
    expect(attempts('write', rateLimited('1'))).toBe(RATE_LIMIT_RETRIES + 1)
  })

  it.each(['server', 'network', 'malformed_response'] as const)(
    '#53: a read that failed with %s is retried with backoff, bounded',
    (kind) => {
      expect(attempts('read', failed(kind))).toBe(READ_RETRIES + 1)
    },
  )

  it.each(['server', 'network', 'timeout', 'malformed_response'] as const)(
    '#53: a write that failed with %s is never retried automatically',
    (kind) => {
      expect(attempts('write', failed(kind))).toBe(1)
    },
  )

  it('#56: a timed-out read is retried once', () => {
    expect(attempts('read', failed('timeout'))).toBe(2)
  })

  it.each([
    'authentication',
    'authorization',
    'missing_access',
    'validation',
    'not_found',
    'chat_inactive',
    'misdirected_request',
  ] as const)('#44/#47: %s is final: retrying cannot fix it', (kind) => {
    expect(attempts('read', failed(kind))).toBe(1)
  })

  it('a bug in our own code (not an ApiError) is not retried', () => {
    expect(shouldRetry('read', 0, new TypeError('x is undefined'))).toBe(false)
  })
})
