// Timestamps for events the API writes: the sandbox clock, microsecond RFC 3339, and always
// after the thread's last event so ordering by created_at never ties.
import { rfc3339Micro } from '../../seed/ids'
import type { ThreadRecord } from '../../seed/world-records'

export function nextEventTime(now: number, thread: ThreadRecord): string {
  const candidate = rfc3339Micro(now)
  const last = thread.events[thread.events.length - 1]?.created_at
  if (!last || candidate > last) return candidate
  // Same millisecond (or a clock behind the seed): one microsecond after the last event.
  const micros = Number(last.slice(20, 26)) + 1
  const base = Date.parse(`${last.slice(0, 19)}Z`)
  return micros >= 1_000_000
    ? rfc3339Micro(base + 1000)
    : `${last.slice(0, 20)}${String(micros).padStart(6, '0')}Z`
}
