import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { latestThrottle } from '../../../src/agent-app/latest-throttle'

describe('latestThrottle', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('W3: a flood applies the first value at once and then only the latest, once per interval', () => {
    const applied: number[] = []
    const throttle = latestThrottle<number>((value) => applied.push(value), 250)
    for (let i = 0; i < 1000; i += 1) throttle.push(i)
    expect(applied).toEqual([0])
    vi.advanceTimersByTime(250)
    expect(applied).toEqual([0, 999])
    vi.advanceTimersByTime(1000)
    expect(applied).toEqual([0, 999])
  })

  it('W3: a steady stream costs one application per interval, and the last word counts', () => {
    const applied: number[] = []
    const throttle = latestThrottle<number>((value) => applied.push(value), 250)
    for (let i = 0; i < 100; i += 1) {
      throttle.push(i)
      vi.advanceTimersByTime(10)
    }
    vi.advanceTimersByTime(250)
    expect(applied.length).toBeLessThanOrEqual(6)
    expect(applied.at(-1)).toBe(99)
  })

  it('applies a value at once again after a quiet interval; cancel drops what is pending', () => {
    const applied: string[] = []
    const throttle = latestThrottle<string>((value) => applied.push(value), 250)
    throttle.push('a')
    vi.advanceTimersByTime(600)
    throttle.push('b')
    throttle.push('c')
    throttle.cancel()
    vi.advanceTimersByTime(600)
    expect(applied).toEqual(['a', 'b'])
  })
})
