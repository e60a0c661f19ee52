// Where to go after sign-in. The value travels through sessionStorage and router state, so it is
// treated as attacker-controlled: only a path of this app survives, anything else becomes `/`
// (an open redirect; SECURITY.md #27).

const FALLBACK = '/'
const MAX_LENGTH = 2048
const BASE = 'https://app.invalid'
/** Control characters, and backslashes, which browsers read as `/` (`/\evil` is `//evil`). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/

function unsafe(path: string): boolean {
  return !path.startsWith('/') || path.startsWith('//') || FORBIDDEN.test(path)
}

/** A same-origin app path (pathname and query, `..` resolved), or `/`. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_LENGTH || unsafe(value)) return FALLBACK
  // `/%2F%2Fevil` is harmless as a path but becomes `//evil` if anything decodes it later.
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return FALLBACK
  }
  if (unsafe(decoded)) return FALLBACK

  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return FALLBACK
  }
  if (url.origin !== BASE) return FALLBACK
  const path = `${url.pathname}${url.search}`
  // `/a/..//evil` normalizes to `//evil`: check the result too.
  if (unsafe(path)) return FALLBACK
  // Returning to the sign-in page after signing in would only bounce; React Router matches
  // paths case-insensitively, so compare that way too.
  if (/^\/sign-in\/?$/i.test(decodeURIComponent(url.pathname))) return FALLBACK
  return path
}
