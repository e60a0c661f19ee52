// Dates and durations in the agent's own locale and time zone.

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' })

/** "28 Nov 2026, 17:40"; the raw value when it is not a date (never throws on odd data). */
export function formatDateTime(value: string | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date)
}

export function formatTime(value: string | undefined): string {
  if (!value) return ''
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : time.format(date)
}

/** "7h 59m 03s" / "4m 10s" / "12s"; zero or less is "0s". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const ss = String(seconds).padStart(2, '0')
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m ${ss}s`
  if (minutes > 0) return `${minutes}m ${ss}s`
  return `${seconds}s`
}
