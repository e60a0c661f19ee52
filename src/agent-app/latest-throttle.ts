// Applies the latest of a stream of values at most once per interval: the first at once, then
// only the newest one left at the end of each interval. A host that floods the widget with
// events costs one lookup per interval, and the last word still counts. Pure (timers injected).

export interface LatestThrottle<T> {
  push(value: T): void
  cancel(): void
}

export function latestThrottle<T>(
  apply: (value: T) => void,
  intervalMs: number,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
): LatestThrottle<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: { value: T } | undefined
  const cool = () => {
    timer = timers.setTimeout(() => {
      timer = undefined
      if (!pending) return
      const { value } = pending
      pending = undefined
      apply(value)
      cool()
    }, intervalMs)
  }
  return {
    push(value) {
      if (timer !== undefined) {
        pending = { value }
        return
      }
      apply(value)
      cool()
    },
    cancel() {
      if (timer !== undefined) timers.clearTimeout(timer)
      timer = undefined
      pending = undefined
    },
  }
}
