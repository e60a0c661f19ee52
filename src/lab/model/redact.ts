// What the lab may show or keep of an authorize round trip: never a token, code or verifier.

/** Keys whose values are secrets (or, for state, single-use and shown truncated only). */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'access_token',
  'refresh_token',
  'code',
  'code_verifier',
  'state',
])

/** First 4 and last 2 characters; short values are hidden completely. */
export function redact(value: string): string {
  if (value.length <= 8) return '…'
  return `${value.slice(0, 4)}…${value.slice(-2)}`
}

export function redactValue(key: string, value: string): string {
  return SECRET_KEYS.has(key) ? redact(value) : value
}

/** Key/value rows, secrets redacted, in the order given. */
export function redactedRows(values: Record<string, string>): [string, string][] {
  return Object.entries(values).map(([key, value]) => [key, redactValue(key, value)])
}

/** The query parameters of an authorize URL, decoded, secrets redacted. */
export function authorizeUrlRows(url: string): [string, string][] {
  try {
    const parsed = new URL(url)
    const rows: [string, string][] = [['endpoint', `${parsed.origin}${parsed.pathname}`]]
    for (const [key, value] of parsed.searchParams) rows.push([key, redactValue(key, value)])
    return rows
  } catch {
    return [['url', 'not a URL']]
  }
}

/**
 * What an export (Markdown, JSON) may hold of a row: secrets not even truncated, and anything
 * shaped like a LiveChat token (`dal:…`, a region prefix) dropped too, whatever its key.
 */
export function exportValue(key: string, value: string): string {
  return SECRET_KEYS.has(key) || /^[a-z]{3}:/.test(value) ? '[redacted]' : value
}
