// The one thing the auth layer hands down to whatever calls LiveChat — the fetch client and the
// RTM socket alike: how to authorize a call. An OAuth access token travels as `Bearer <token>`, a
// personal access token as `Basic base64(<account id>:<PAT>)` (docs/livechat-notes.md#personal-access-tokens). Nothing below
// the auth layer knows which sign-in made it.

export type CredentialScheme = 'Bearer' | 'Basic'

export interface Credential {
  readonly scheme: CredentialScheme
  readonly value: string
}

/** The `Authorization` header value, and the RTM `login`/`update_session` token: `Bearer dal:…`. */
export function authorizationOf(credential: Credential): string {
  return `${credential.scheme} ${credential.value}`
}

/**
 * Whether a value is a data-center name as LiveChat writes them (`dal`, `fra`, `fra-a`): the
 * one rule for a token's prefix, a misdirection's `data.region` and the RTM socket's alike.
 */
export function isRegion(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z]{2,8}(-[a-z0-9]{1,8})?$/.test(value)
}

/** The data-center prefix of an OAuth token (docs/livechat-notes.md#regions); `dal` when there is none. */
export function regionOf(token: string): string {
  const colon = token.indexOf(':')
  if (colon <= 0) return 'dal'
  const prefix = token.slice(0, colon)
  return isRegion(prefix) ? prefix : 'dal'
}

/**
 * The region to name in `X-Region`: an OAuth token's prefix. None for a PAT: LiveChat documents
 * no region for PATs, so it is named only after a `misdirected_request` says which.
 */
export function credentialRegion(credential: Credential): string | null {
  return credential.scheme === 'Bearer' ? regionOf(credential.value) : null
}
