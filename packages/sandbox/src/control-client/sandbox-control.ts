// Typed helpers for a running sandbox's control API (/sandbox/*), for a developer's own Vitest or
// Playwright suite: mint a persona's token or a PAT, play a customer, inject faults and latency,
// move the clock, switch options, reset. Each call is one HTTP request; a refusal throws with the
// sandbox's own message.
import type { FaultBody, FaultRule } from '../fault-rule'
import type { Region, SandboxOptions } from '../options/sandbox-options'

export interface MintedToken {
  access_token: string
  token_type: 'Bearer'
  expires_in: number
  /** Comma-separated, as LiveChat answers it. */
  scope: string
  account_id: string
  organization_id: string
  client_id: string
  /** Only for the `authorization_code` and `refresh_token` grants. */
  refresh_token?: string
}

export interface MintTokenInput {
  /** A person's email, e.g. `nina@acme.test`. */
  email: string
  /** One of the person's organizations; default their default (first) one. */
  organizationId?: string
  /** Default: the agent scopes. A scope the person's role cannot hold is refused. */
  scopes?: string[]
  /** Default: the sandbox's own client. */
  clientId?: string
  grant?: 'implicit' | 'authorization_code' | 'refresh_token'
  /** Re-prefix the token for another data centre (`fra:…`). */
  region?: Region
}

export interface MintedPat {
  account_id: string
  /** The organization the PAT acts for. */
  organization_id: string
  name: string
  token: string
  /** `base64(account_id:token)`: the value after `Basic `. */
  base64: string
  scopes: string[]
  created_at: string
}

export interface PatListing {
  account_id: string
  email: string | null
  organization_id: string
  name: string
  scopes: string[]
  created_at: string
  expires_at: string | null
}

export interface FaultInput {
  /** Exact path, or a prefix ending in `*`, e.g. `/v3.6/agent/action/*`. */
  path: string
  status: number
  method?: string
  /** How many matching requests fail. Default 1. */
  count?: number
  body?: FaultBody
  json?: unknown
  retryAfter?: string | number
  delayMs?: number
  errorType?: string
}

export interface CustomerEvent {
  chat_id: string
  thread_id: string
  event_id?: string
  customer_id?: string
}

/** Which sockets or tokens a call is about: a person, a token, or (neither) all of them. */
export interface Selection {
  email?: string
  token?: string
}

export class SandboxControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    const message =
      typeof body === 'object' && body !== null && 'error' in body
        ? String((body as { error: unknown }).error)
        : `HTTP ${status}`
    super(`${what}: ${message}`)
    this.name = 'SandboxControlError'
  }
}

export class SandboxControl {
  /** @param url The sandbox's origin, e.g. `http://localhost:4010`. */
  constructor(readonly url: string) {}

  /** One control request; JSON in, JSON out. */
  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const parsed: unknown = text === '' ? undefined : JSON.parse(text)
    if (!response.ok)
      throw new SandboxControlError(response.status, parsed, `${method} /sandbox${path}`)
    return parsed as T
  }

  async health(): Promise<boolean> {
    return (await this.request<{ ok: boolean }>('GET', '/health')).ok
  }

  /** A fresh world: no tokens, sessions, consents, PATs or faults; options from the start plus `options`. */
  async reset(options: Partial<SandboxOptions> = {}): Promise<SandboxOptions> {
    return (await this.request<{ options: SandboxOptions }>('POST', '/reset', { options })).options
  }

  options(): Promise<SandboxOptions> {
    return this.request('GET', '/options')
  }

  setOptions(patch: Partial<SandboxOptions>): Promise<SandboxOptions> {
    return this.request('POST', '/options', patch)
  }

  /** A persona's access token without the sign-in pages, as a sign-in would have minted it. */
  mintToken({ organizationId, ...input }: MintTokenInput): Promise<MintedToken> {
    const body =
      organizationId === undefined ? input : { ...input, organization_id: organizationId }
    return this.request('POST', '/tokens', body)
  }

  expireTokens(selection: Selection): Promise<{ expired: number }> {
    return this.request('POST', '/tokens/expire', selection)
  }

  revokeTokens(selection: Selection): Promise<{ revoked: number }> {
    return this.request('POST', '/tokens/revoke', selection)
  }

  /** A personal access token, as the Developer Console creates one. `account`: email or account id. */
  createPat(input: {
    account: string
    name: string
    scopes: string[]
    /** One of the account's organizations; default its default one. */
    organization_id?: string
  }): Promise<MintedPat> {
    return this.request('POST', '/pats', input)
  }

  async listPats(): Promise<PatListing[]> {
    return (await this.request<{ pats: PatListing[] }>('GET', '/pats')).pats
  }

  revokePat(input: { account: string; name: string }): Promise<unknown> {
    return this.request('DELETE', '/pats', input)
  }

  /**
   * A customer starts a chat (in `group_id`, default General, of `organization_id`, default the
   * first organization) with a first message.
   */
  startCustomerChat(input: {
    text: string
    group_id?: number
    customer_name?: string
    organization_id?: string
  }): Promise<CustomerEvent> {
    return this.request('POST', '/customer/chat', input)
  }

  customerMessage(input: { chat_id: string; text: string }): Promise<CustomerEvent> {
    return this.request('POST', '/customer/message', input)
  }

  customerTyping(input: {
    chat_id: string
    is_typing: boolean
    text?: string
  }): Promise<CustomerEvent> {
    return this.request('POST', '/customer/typing', input)
  }

  customerLeave(input: { chat_id: string }): Promise<CustomerEvent> {
    return this.request('POST', '/customer/leave', input)
  }

  /** The next `count` requests matching `path` (and `method`) get this answer instead. */
  async addFault(input: FaultInput): Promise<FaultRule> {
    return (await this.request<{ fault: FaultRule }>('POST', '/faults', input)).fault
  }

  async faults(): Promise<FaultRule[]> {
    return (await this.request<{ faults: FaultRule[] }>('GET', '/faults')).faults
  }

  clearFaults(): Promise<{ removed: number }> {
    return this.request('DELETE', '/faults')
  }

  /** Every non-control request waits this long. */
  setLatency(ms: number): Promise<unknown> {
    return this.request('POST', '/latency', { ms })
  }

  /** Moves the sandbox clock forward: tokens and codes expire as if the time had passed. */
  advanceClock(seconds: number): Promise<unknown> {
    return this.request('POST', '/clock', { advanceSeconds: seconds })
  }

  async requests(): Promise<
    { method: string; path: string; at: number; end?: number; status?: number }[]
  > {
    return (await this.request<{ requests: never[] }>('GET', '/requests')).requests
  }

  /** The open RTM sockets. */
  async rtmConnections(): Promise<Record<string, unknown>[]> {
    return (
      await this.request<{ connections: Record<string, unknown>[] }>('GET', '/rtm/connections')
    ).connections
  }

  /** Sends the chosen sockets an `agent_disconnected` push with `reason`, then closes them. */
  disconnectRtm(input: Selection & { reason: string }): Promise<unknown> {
    return this.request('POST', '/rtm/disconnect', input)
  }

  /** Closes the chosen sockets without a word, like a network failure. */
  dropRtm(selection: Selection = {}): Promise<unknown> {
    return this.request('POST', '/rtm/drop', selection)
  }

  /** Adds a redirect URI to the sandbox's own client until the next reset. */
  addRedirectUri(uri: string): Promise<unknown> {
    return this.request('POST', '/redirect-uris', { uri })
  }
}
