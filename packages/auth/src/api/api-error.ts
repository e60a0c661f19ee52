// API failures as values with a kind, mapped from LiveChat's `error.type` (agent APIs) or
// `error` (accounts API) — never from the HTTP status alone (docs/livechat-notes.md#errors).

export type ApiErrorKind =
  | 'authentication'
  | 'authorization'
  | 'missing_access'
  | 'validation'
  | 'not_found'
  | 'chat_inactive'
  | 'too_many_requests'
  | 'misdirected_request'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed_response'
  | 'unknown'

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status: number
  /** LiveChat's own error type or code, e.g. `chat_inactive`, `insufficient_scope`. */
  readonly type: string | null
  readonly data: Record<string, unknown> | null
  readonly retryAfterMs: number | null

  constructor(
    kind: ApiErrorKind,
    message: string,
    init: {
      status?: number
      type?: string | null
      data?: Record<string, unknown> | null
      retryAfterMs?: number | null
    } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.kind = kind
    this.status = init.status ?? 0
    this.type = init.type ?? null
    this.data = init.data ?? null
    this.retryAfterMs = init.retryAfterMs ?? null
  }
}

const KIND_BY_TYPE: Record<string, ApiErrorKind> = {
  authentication: 'authentication',
  unauthorized: 'authentication',
  authorization: 'authorization',
  access_denied: 'authorization',
  insufficient_scope: 'authorization',
  missing_access: 'missing_access',
  validation: 'validation',
  invalid_request: 'validation',
  not_found: 'not_found',
  resource_not_found: 'not_found',
  chat_inactive: 'chat_inactive',
  too_many_requests: 'too_many_requests',
  temporarily_unavailable: 'too_many_requests',
  misdirected_request: 'misdirected_request',
  internal: 'server',
  server_error: 'server',
  service_unavailable: 'server',
  request_timeout: 'timeout',
}

export function kindForType(type: string | null, status: number): ApiErrorKind {
  if (type && KIND_BY_TYPE[type]) return KIND_BY_TYPE[type]
  if (status === 401) return 'authentication'
  if (status === 403) return 'authorization'
  if (status === 404) return 'not_found'
  if (status === 429) return 'too_many_requests'
  if (status >= 500) return 'server'
  return 'unknown'
}

/** Plain words for the agent; never echoes the response body, which could reflect a token. */
export function describeApiError(error: ApiError): string {
  switch (error.kind) {
    case 'authentication':
      return 'Your LiveChat session is no longer valid. Sign in again to continue.'
    case 'authorization':
      return 'Your sign-in does not include the permission this needs.'
    case 'missing_access':
      return 'You do not have access to this item (it belongs to a group you are not in).'
    case 'validation':
      return 'LiveChat refused the request as malformed.'
    case 'not_found':
      return 'LiveChat could not find this item. It may have been removed.'
    case 'chat_inactive':
      return 'This chat is closed, so nothing more can be sent to it.'
    case 'too_many_requests':
      return 'LiveChat is rate-limiting requests. Retrying shortly.'
    case 'misdirected_request':
      return 'The request went to the wrong LiveChat region.'
    case 'server':
      return 'LiveChat is having trouble right now. Try again in a moment.'
    case 'network':
      return 'Could not reach LiveChat. Check your connection; we will retry.'
    case 'timeout':
      return 'LiveChat took too long to answer. Try again.'
    case 'malformed_response':
      return 'LiveChat sent an answer we could not read. Try again.'
    default:
      return 'Something went wrong talking to LiveChat. Try again.'
  }
}
