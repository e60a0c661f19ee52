// What a LiveChat token, code or lifetime may look like before it goes anywhere near a header.
// The allow-list accepts the real form `dal:abc_DEF-123` (the `:` is outside RFC 6750's token68)
// and refuses spaces, quotes, CR/LF, non-ASCII and absurd lengths (SECURITY.md #13).

const TOKEN = /^[A-Za-z0-9._~:+/=-]{1,4096}$/

/** Longest lifetime we believe: 30 days. LiveChat's default is 28800 s (docs/livechat-notes.md#answers). */
export const MAX_EXPIRES_IN = 2_592_000

export function isTokenLike(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value)
}

/**
 * A lifetime in seconds: digits only (no sign, exponent, hex, fraction or spaces), 1..30 days;
 * a JSON number must be an integer in the same range. Null for anything else (A.16–A.18).
 */
export function parseExpiresIn(value: unknown): number | null {
  let seconds: number
  if (typeof value === 'number') seconds = value
  else if (typeof value === 'string' && /^\d{1,10}$/.test(value)) seconds = Number(value)
  else return null
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= MAX_EXPIRES_IN ? seconds : null
}

/** `Bearer`, compared case-insensitively (OAuth 2.1); no spaces around it. */
export function isBearer(value: unknown): boolean {
  return typeof value === 'string' && value.toLowerCase() === 'bearer'
}
