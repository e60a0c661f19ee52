// Agent Chat / Configuration API errors (docs/AGENT-API.md): the body
// `{"error":{"type","message","data?"}}`, and the HTTP status the sandbox gives each type. The
// docs give no statuses; the defaults below are the spec's emulator column, one choice each.

export const ERROR_TYPES = {
  authentication: { status: 401, message: 'Invalid access token' },
  authorization: { status: 403, message: 'Authorization error' },
  missing_access: { status: 403, message: 'Missing access' },
  validation: { status: 400, message: 'Wrong format of request' },
  not_found: { status: 404, message: 'Not found' },
  chat_inactive: { status: 409, message: 'Chat is inactive' },
  agent_offline: { status: 409, message: 'Agent offline' },
  too_many_requests: { status: 429, message: 'Too many requests' },
  misdirected_request: { status: 421, message: 'Wrong region' },
  entity_too_large: { status: 413, message: 'Upload limit exceeded (10MB)' },
  limit_reached: { status: 403, message: 'Limit reached' },
  license_expired: { status: 402, message: 'License expired' },
  license_not_found: { status: 404, message: 'License not found' },
  unsupported_version: { status: 400, message: 'Cannot call unsupported API versions.' },
  wrong_product_version: { status: 400, message: 'Wrong product version' },
  request_timeout: { status: 504, message: 'Request timed out' },
  internal: { status: 500, message: 'Internal server error' },
  service_unavailable: { status: 503, message: 'Service unavailable' },
  already_exists: { status: 409, message: 'Already exists' },
  group_not_found: { status: 404, message: 'Group not found' },
  ownership_transfer: { status: 400, message: 'Ownership transfer' },
} as const satisfies Record<string, { status: number; message: string }>

export type ApiErrorType = keyof typeof ERROR_TYPES

export function isApiErrorType(value: string): value is ApiErrorType {
  return Object.hasOwn(ERROR_TYPES, value)
}

/** A failed call: handlers throw it, the transport turns it into the error response. */
export class ApiFailure extends Error {
  constructor(
    readonly type: ApiErrorType,
    message: string = ERROR_TYPES[type].message,
    readonly data?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiFailure'
  }

  get status(): number {
    return ERROR_TYPES[this.type].status
  }
}

export interface ApiErrorBody {
  error: { type: string; message: string; data?: Record<string, unknown> }
}

export function errorBody(
  type: string,
  message: string,
  data?: Record<string, unknown>,
): ApiErrorBody {
  return { error: data === undefined ? { type, message } : { type, message, data } }
}

/** The error type a bare status most likely means, for fault injection's default bodies. */
export function errorTypeForStatus(status: number): ApiErrorType {
  const exact: Record<number, ApiErrorType> = {
    400: 'validation',
    401: 'authentication',
    402: 'license_expired',
    403: 'authorization',
    404: 'not_found',
    409: 'chat_inactive',
    413: 'entity_too_large',
    421: 'misdirected_request',
    429: 'too_many_requests',
    500: 'internal',
    503: 'service_unavailable',
    504: 'request_timeout',
  }
  return exact[status] ?? (status >= 500 ? 'internal' : 'validation')
}
