// One small fetch client bound to the session's credential (an OAuth token or a personal access
// token: it cannot tell), for the Agent Chat and Configuration APIs (v3.6) and Global Accounts
// /v2: what a call is (its URL, headers and body), one re-authentication after a 401, one retry
// in the region LiveChat names, and recorded responses taken once. The exchange itself and its
// deadline are http-exchange.ts; reading a response into data or an ApiError, read-response.ts.
// It has no side effects: it throws typed ApiErrors and leaves sign-out, messages and retry
// policy (api/retry-policy.ts) to the layers above.
import type { AuthConfig } from '../config/auth-config'
import {
  authorizationOf,
  credentialRegion,
  isRegion,
  type Credential,
} from '../protocol/credential'
import { ApiError } from './api-error'
import { exchange } from './http-exchange'

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
      exchange<T>(
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
          if (isRegion(region) && region !== own) {
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
          exchange(
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
