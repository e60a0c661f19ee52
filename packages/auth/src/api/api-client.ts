// One small fetch client bound to the session's credential (an OAuth token or a personal access
// token: it cannot tell), for the Agent Chat and Configuration APIs (v3.6) and Global Accounts /v2. It has no side effects: it throws typed ApiErrors and
// leaves sign-out, messages and retry policy (api/retry-policy.ts) to the layers above.
import type { AuthConfig } from '../config/auth-config'
import { authorizationOf, credentialRegion, type Credential } from '../protocol/credential'
import { ApiError, kindForType } from './api-error'

/** The one place the API version lives; query keys carry it too (api/query-keys.ts). */
export const API_VERSION = '3.6'

/**
 * A little above LiveChat's own 15 s server threshold (`request_timeout`), so a stalled request
 * ends on our side instead of hanging a page (SECURITY.md #56).
 */
export const REQUEST_TIMEOUT_MS = 20_000

/** Whose data a client reads: query keys are built from this, never from the token. */
export interface ApiAccount {
  organizationId: string
  accountId: string
}

export interface ApiClient {
  readonly account: ApiAccount
  /** Agent Chat API method, e.g. `list_chats`. */
  agent<T>(method: string, body?: object, init?: RequestOptions): Promise<T>
  /** Configuration API method, e.g. `list_agents`. */
  configuration<T>(method: string, body?: object, init?: RequestOptions): Promise<T>
  /** Global Accounts API, e.g. `/v2/accounts/me`. */
  accounts<T>(path: string, init?: RequestOptions & { method?: 'GET' | 'DELETE' }): Promise<T>
}

export interface RequestOptions {
  signal?: AbortSignal
}

export interface ApiClientOptions {
  /**
   * Called once when LiveChat answers 401 `authentication`: the auth layer's shared re-auth.
   * The request is retried once with the fresh credential; null means the agent must sign in
   * again.
   */
  reauthenticate?: () => Promise<Credential | null>
  /** Defaults to REQUEST_TIMEOUT_MS; tests shorten it. */
  timeoutMs?: number
  /**
   * Aborts every request of this client: e.g. a signed-in view's lifetime, so signing out cancels
   * whatever is in flight and no late answer lands anywhere (SECURITY.md #57).
   */
  signal?: AbortSignal
  /**
   * Requests already made with this credential before LiveChat confirmed it (see `onToken`):
   * the answer to such a request, handed out once, stands in for sending it again.
   */
  takeRecordedResponse?: (request: string) => Promise<unknown> | undefined
  /** Hears every request this client sends, by the same name `takeRecordedResponse` uses. */
  recordResponse?: (request: string, answer: Promise<unknown>) => void
}

const REGION = /^[a-z]{2,8}(-[a-z0-9]{1,8})?$/

export function createApiClient(
  config: Pick<AuthConfig, 'apiUrl' | 'accountsUrl'>,
  credential: Credential,
  account: Partial<ApiAccount> = {},
  options: ApiClientOptions = {},
): ApiClient {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS
  const signals = (own: AbortSignal | undefined) =>
    [own, options.signal].filter((signal): signal is AbortSignal => signal !== undefined)

  /**
   * Runs a request; after a 401 it asks for a fresh token once and runs it again with it. A 401
   * is answered before LiveChat acts, so replaying a write once cannot duplicate it.
   */
  const withReauth = async <T>(send: (credential: Credential) => Promise<T>): Promise<T> => {
    try {
      return await send(credential)
    } catch (error) {
      if (
        !(error instanceof ApiError && error.kind === 'authentication') ||
        !options.reauthenticate
      )
        throw error
      const fresh = await options.reauthenticate()
      if (!fresh) throw error
      return send(fresh)
    }
  }

  /** A request by its name (API, method or path, body): an answer recorded for it is used once. */
  const once = <T>(request: string, send: () => Promise<T>): Promise<T> => {
    const recorded = options.takeRecordedResponse?.(request)
    if (recorded) return recorded as Promise<T>
    const answer = send()
    options.recordResponse?.(request, answer)
    return answer
  }

  const rpc = <T>(
    api: 'agent' | 'configuration',
    method: string,
    body: object = {},
    init: RequestOptions = {},
  ) => {
    // The host is always the configured one: a region hint only changes the X-Region header.
    const url = `${config.apiUrl}/v${API_VERSION}/${api}/action/${encodeURIComponent(method)}`
    const send = (credential: Credential, region: string | null) =>
      request<T>(
        url,
        {
          method: 'POST',
          headers: {
            Authorization: authorizationOf(credential),
            'Content-Type': 'application/json',
            ...(region === null ? {} : { 'X-Region': region }),
          },
          body: JSON.stringify(body),
        },
        signals(init.signal),
        timeoutMs,
      )
    return once(`${api} ${method} ${JSON.stringify(body)}`, () =>
      withReauth(async (credential) => {
        const own = credentialRegion(credential)
        try {
          return await send(credential, own)
        } catch (error) {
          // One retry in the region LiveChat names (docs/livechat-notes.md#regions).
          const region =
            error instanceof ApiError && error.kind === 'misdirected_request'
              ? error.data?.region
              : undefined
          if (typeof region === 'string' && REGION.test(region) && region !== own) {
            return send(credential, region)
          }
          throw error
        }
      }),
    )
  }

  return {
    account: {
      organizationId: account.organizationId ?? 'unknown-organization',
      accountId: account.accountId ?? 'unknown-account',
    },
    agent: (method, body, init) => rpc('agent', method, body, init),
    configuration: (method, body, init) => rpc('configuration', method, body, init),
    accounts: (path, init = {}) =>
      once(`accounts ${init.method ?? 'GET'} ${path}`, () =>
        withReauth((credential) =>
          request(
            `${config.accountsUrl}${path}`,
            {
              method: init.method ?? 'GET',
              headers: { Authorization: authorizationOf(credential) },
            },
            signals(init.signal),
            timeoutMs,
          ),
        ),
      ),
  }
}

/**
 * One HTTP exchange with its own deadline. The callers' signals (a cancelled query, the end of
 * the client's signal) still abort it, and then the AbortError passes through untouched.
 */
async function request<T>(
  url: string,
  init: RequestInit,
  signals: AbortSignal[],
  timeoutMs: number,
): Promise<T> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const forward = () => controller.abort()
  for (const signal of signals) {
    if (signal.aborted) forward()
    else signal.addEventListener('abort', forward, { once: true })
  }
  const aborted = () => signals.some((signal) => signal.aborted)
  try {
    let response: Response
    let text: string
    try {
      response = await fetch(url, { ...init, signal: controller.signal })
      text = await response.text()
    } catch (error) {
      if (aborted()) throw error
      if (timedOut) throw new ApiError('timeout', 'Request timed out')
      // fetch cannot tell a dropped connection from a CORS refusal; both are "network".
      throw new ApiError('network', 'Network error')
    }
    return interpret<T>(response, text)
  } finally {
    clearTimeout(timer)
    for (const signal of signals) signal.removeEventListener('abort', forward)
  }
}

function interpret<T>(response: Response, text: string): T {
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
