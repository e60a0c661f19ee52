// Time as the live layer sees it: injected, so tests drive heartbeats, request deadlines,
// backoff and countdowns with fake timers and a seeded random.

export type TimerHandle = ReturnType<typeof setTimeout>

export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle | undefined): void
  /** In [0, 1): the jitter of the reconnect backoff. */
  random(): number
}

/** The real clock. Read through globalThis at call time, so vitest's fake timers apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
  random: () => Math.random(),
}
