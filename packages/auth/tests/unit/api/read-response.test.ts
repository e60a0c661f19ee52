import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '../../../src/api/read-response'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z')
  it.each([
    ['5', 5000],
    ['0', 0],
    ['Sat, 28 Nov 2026 12:00:10 GMT', 10_000],
    ['Sat, 28 Nov 2026 11:00:00 GMT', 0],
    ['abc', null],
    ['-1', null],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected)
  })
  it('is null when absent', () => expect(parseRetryAfter(null, now)).toBeNull())
})
