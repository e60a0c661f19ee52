// Redirect URI matching as docs/ACCOUNTS.md describes it: scheme exact, host and
// port exact, the configured path a prefix of the requested path, no `..` traversal, no query
// and no fragment. Kept pure so the doc's own example table can be tested row by row.
import { ConfigError } from '../config/config-error'

/** Whether `requested` is allowed by any of the client's configured redirect URIs. */
export function redirectUriAllowed(configured: readonly string[], requested: string): boolean {
  const target = parseRequested(requested)
  if (!target) return false
  return configured.some((entry) => matchesOne(entry, target))
}

/** The URL the server sends the browser to: the requested URI, normalized (a bare origin gains `/`). */
export function redirectTarget(requested: string): URL {
  return new URL(requested)
}

function matchesOne(configured: string, requested: URL): boolean {
  let base: URL
  try {
    base = new URL(configured)
  } catch {
    return false
  }
  return (
    base.protocol === requested.protocol &&
    base.host === requested.host &&
    // "a substring (in effect a prefix)": a plain string prefix, so configured `/app/`
    // does not cover `/app` (the trailing-slash rule of LiveChat's troubleshooting docs).
    requested.pathname.startsWith(base.pathname)
  )
}

function parseRequested(requested: string): URL | null {
  // Query and fragment are forbidden outright, even empty ones (`…/app?`).
  if (requested.includes('?') || requested.includes('#')) return null
  // WHATWG parsing turns `\` into `/` for http(s); refuse rather than guess what was meant.
  if (requested.includes('\\')) return null
  let url: URL
  try {
    url = new URL(requested)
  } catch {
    return null
  }
  // `http://app@evil.test` style userinfo would make the host check misleading to a reader.
  if (url.username || url.password) return null
  if (hasTraversal(requested, url)) return null
  return url
}

/** `..` (or `.`) segments, also percent-encoded ones, which URL parsing would silently resolve. */
function hasTraversal(raw: string, url: URL): boolean {
  const afterAuthority = raw.slice(url.protocol.length).replace(/^\/\/[^/]*/, '')
  return afterAuthority.split('/').some((segment) => {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return true
    }
    return decoded === '..' || decoded === '.'
  })
}

/**
 * Why a URI cannot be configured as a redirect URI, or null when it can: an absolute http(s)
 * URL that the matching rules above could ever accept (no query, fragment, userinfo, backslash
 * or `..`), as the Developer Console asks for "Redirect URI whitelist" entries.
 */
export function configuredRedirectUriProblem(uri: string): string | null {
  if (uri === '') return 'an empty entry'
  if (/\s/.test(uri)) return `"${uri}" contains whitespace`
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return `"${uri}" is not an absolute URL`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `"${uri}" must start with http:// or https://`
  if (parseRequested(uri) === null)
    return `"${uri}" may not carry a query, a fragment, user info, a backslash or ".." segments`
  return null
}

/**
 * `SANDBOX_REDIRECT_URIS` (or `--redirect-uris`, named by `label`): comma-separated redirect URIs,
 * each validated. Throws a ConfigError that says which entry is wrong and why, so the server can
 * refuse to start with it.
 */
export function parseRedirectUriList(value: string, label = 'SANDBOX_REDIRECT_URIS'): string[] {
  if (value.trim() === '') return []
  const uris = value.split(',').map((entry) => entry.trim())
  for (const uri of uris) {
    const problem = configuredRedirectUriProblem(uri)
    if (problem)
      throw new ConfigError(
        label,
        problem,
        'Use comma-separated http(s) URLs such as "http://localhost:3000,http://localhost:8080/app".',
      )
  }
  return [...new Set(uris)]
}
