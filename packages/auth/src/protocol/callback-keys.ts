// Which URL parameters make an authorize answer. Its own module because the startup check needs
// only these, not the parsers (which load with the answer, after the URL is clean).

/** Query keys of a code answer: stripped from the URL, and the only ones allowed. */
export const CODE_QUERY_KEYS: ReadonlySet<string> = new Set([
  'code',
  'state',
  'error',
  'error_description',
  'error_uri',
])

/** Fragment keys that make it an auth answer; `#/settings` and other app fragments are not (A.2). */
export const HASH_KEYS: ReadonlySet<string> = new Set(['access_token', 'error', 'state'])

/** sessionStorage key of the redirect sign-in in progress (pending-redirect.ts). */
export const PENDING_KEY = 'livechat-auth:pending'
