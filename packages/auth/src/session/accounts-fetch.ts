// One fetch wrapper for the accounts /v2 endpoints: network failures and unreadable bodies become
// AuthErrors here, so callers only interpret statuses and fields. The raw body is never put into
// an error: it may echo a token.
import { AuthError } from '../errors/auth-error'

export interface AccountsResponse {
  status: number
  ok: boolean
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown
}

/** An abort may come from another realm's DOMException (e.g. Node's fetch under jsdom): go by name. */
function isAbort(error: unknown, signal: AbortSignal | null | undefined): boolean {
  return (
    signal?.aborted === true ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'AbortError')
  )
}

export async function accountsFetch(url: string, init: RequestInit): Promise<AccountsResponse> {
  let response: Response
  try {
    response = await fetch(url, { ...init, cache: 'no-store', credentials: 'omit' })
  } catch (error) {
    // The caller cancelled: let it see its own abort, not a made-up network failure.
    if (isAbort(error, init.signal)) throw error
    throw new AuthError('network', undefined, { cause: error })
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    if (isAbort(error, init.signal)) throw error
    throw new AuthError('network', undefined, { cause: error })
  }
  if (text.trim() === '') return { status: response.status, ok: response.ok, body: undefined }
  try {
    return { status: response.status, ok: response.ok, body: JSON.parse(text) as unknown }
  } catch {
    if (!response.ok) return { status: response.status, ok: false, body: undefined }
    throw new AuthError('malformed_response', 'LiveChat answered with something that is not JSON.')
  }
}

/** A field of a JSON object, or undefined; never throws on odd shapes. */
export function field(body: unknown, key: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  return Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined
}

/** The OAuth/JSON error code of an error body (docs/livechat-notes.md#errors), when it is a short plain code. */
export function errorCode(body: unknown): string | undefined {
  const code = field(body, 'error')
  return typeof code === 'string' && /^[a-z_]{1,64}$/.test(code) ? code : undefined
}
