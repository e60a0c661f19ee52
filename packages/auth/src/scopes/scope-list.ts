// Reads the scope lists LiveChat reports (token answers, /v2/info, the popup payload). Apart from
// the implication rules in scopes.ts because only the lazily loaded sign-in code reads lists,
// loaded lazily.

/** Control characters (C0, DEL, C1): a scope containing one makes the whole list suspect. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Reads a scope list: a string separated by commas and/or spaces (LiveChat sends commas), or an
 * array of such strings (the popup payload). Deduplicated, order kept. Null when the value is
 * not a string or array, or any entry is not a string or holds a control character: tabs and
 * newlines are not separators, they mean someone tampered with the list (SECURITY.md #20).
 */
export function parseScopes(value: unknown): string[] | null {
  const parts: unknown[] = Array.isArray(value) ? value : [value]
  const scopes = new Set<string>()
  for (const part of parts) {
    if (typeof part !== 'string' || CONTROL.test(part)) return null
    for (const scope of part.split(/[ ,]+/)) if (scope !== '') scopes.add(scope)
  }
  return [...scopes]
}
