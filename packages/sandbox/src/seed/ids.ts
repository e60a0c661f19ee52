// Deterministic identifiers and timestamps for the seed: a seeded PRNG (mulberry32), so every
// createWorld() builds the same chats with the same ids, in the formats of docs/AGENT-API.md

export type Random = () => number

/** mulberry32: tiny, fast, good enough for ids; never Math.random, so seeds are repeatable. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** Chat and thread ids: 10 uppercase alphanumerics, e.g. `PJ0MRSHTDG`. */
export function chatStyleId(random: Random): string {
  let id = ''
  for (let i = 0; i < 10; i++) id += UPPER_ALNUM[Math.floor(random() * UPPER_ALNUM.length)]
  return id
}

/** A UUID v4 (version and variant bits set) drawn from the seeded generator. */
export function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/** RFC 3339 in UTC with microseconds, as LiveChat writes it: `2019-12-09T12:01:18.909000Z`. */
export function rfc3339Micro(ms: number, extraMicros = 0): string {
  const whole = Math.floor(ms)
  const iso = new Date(whole).toISOString() // …T12:01:18.909Z
  const micros = String(Math.max(0, Math.min(999, Math.floor(extraMicros)))).padStart(3, '0')
  return `${iso.slice(0, -1)}${micros}Z`
}

/** Parses an RFC 3339 timestamp (any precision, any offset) to epoch ms; NaN when malformed. */
export function parseRfc3339(value: string): number {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.exec(value)
  if (!match) return Number.NaN
  const fraction = match[7] ? match[7].slice(0, 4).padEnd(4, '0') : '.000'
  return Date.parse(
    `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${fraction}${match[8]}`,
  )
}
