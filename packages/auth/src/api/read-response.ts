// Reading LiveChat's response: the data of a success, or a typed ApiError from either error
// envelope (the agent APIs' and the accounts server's), with Retry-After read for the retry
// policy. Never the body itself in a message: it could reflect a token.
import { ApiError, kindForType } from './api-error'

/** The data of a successful response, or the ApiError it carries (in any status). */
export function readResponse<T>(response: Response, text: string): T {
  let parsed: unknown = undefined
  if (text !== '') {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
  }
  const error = readError(parsed)
  // LiveChat may report an error inside a 2xx (e.g. too_many_requests with HTTP 200): an error
  // envelope is an error whatever the status (SECURITY.md #52).
  if (response.ok && error.type === null) {
    if (parsed === undefined) {
      if (text === '' && response.status === 204) return {} as T
      // Never the body itself in the message: it may reflect a token (SECURITY.md #54).
      throw new ApiError('malformed_response', 'Malformed response', { status: response.status })
    }
    return parsed as T
  }
  throw new ApiError(
    kindForType(error.type, response.status),
    error.message ?? `HTTP ${response.status}`,
    {
      status: response.status,
      type: error.type,
      data: error.data,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), Date.now()),
    },
  )
}

interface ErrorParts {
  type: string | null
  message: string | null
  data: Record<string, unknown> | null
}

/** Agent APIs: `{error: {type, message, data}}`; accounts: `{error, error_description, sub_error}`. */
function readError(body: unknown): ErrorParts {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { type: null, message: null, data: null }
  const error = (body as { error?: unknown }).error
  if (typeof error === 'object' && error !== null) {
    const e = error as { type?: unknown; message?: unknown; data?: unknown }
    return {
      type: typeof e.type === 'string' ? e.type : null,
      message: typeof e.message === 'string' ? e.message.slice(0, 300) : null,
      data:
        typeof e.data === 'object' && e.data !== null ? (e.data as Record<string, unknown>) : null,
    }
  }
  const b = body as { sub_error?: unknown; error_description?: unknown }
  return {
    type: typeof b.sub_error === 'string' ? b.sub_error : typeof error === 'string' ? error : null,
    message: typeof b.error_description === 'string' ? b.error_description.slice(0, 300) : null,
    data: null,
  }
}

/** Retry-After as delta-seconds or an HTTP date; null when absent or unusable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  // An HTTP-date always names a weekday or month; bare numbers like "-1" are not dates.
  if (!/[a-z]/i.test(trimmed)) return null
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}
