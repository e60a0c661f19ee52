// The sandbox's mutable world: a clock, issued tokens/codes, accounts sessions, consents,
// redirect counters and faults. One instance per sandbox app, so tests get fresh worlds.
import { randomBytes, randomUUID } from 'node:crypto'
import { PEOPLE, type Person } from './seed/identity'
import { createWorld, type World } from './seed/world'

export type Region = 'dal' | 'fra' | 'fra-a' | 'fra-b'

/**
 * Behaviours the LiveChat docs leave unknown (livechat-auth-protocol.md marks them UNKNOWN).
 * Each is a switch; the defaults are written next to each field.
 */
export interface SandboxOptions {
  /** Prefix of new access tokens and codes. Default `dal`. */
  tokenRegion: Region
  /** Region the agent API serves; a token or X-Region for another gives misdirected_request. Default `dal`. */
  apiRegion: Region
  /** Lifetime of access tokens in seconds. Default 28800 (OAUTH). */
  tokenLifetime: number
  /** Lifetime of authorization codes in seconds. Default 300 ("a few minutes"). */
  codeLifetime: number
  /** Echo `state` inside the postMessage `data` too. Default true (v2's verify() reads data.state). */
  echoStateInData: boolean
  /** Popup/iframe payload carries `scopes` (array, historical) or `scope` (comma string). Default `scopes`. */
  scopeField: 'scopes' | 'scope'
  /** targetOrigin of postMessage: the redirect_uri origin, or `*`. Default `redirect_uri`. */
  postMessageTarget: 'redirect_uri' | '*'
  /** oauth_exception paired with too_many_redirects. Default `invalid_request` (checklist B.7). */
  tooManyRedirectsException: string
  /** oauth_exception for a non-whitelisted redirect_uri in popup mode. Default `invalid_request` (SDK text). */
  popupRedirectUriException: string
  /** Code for a scope outside the client's set. Default `invalid_scope`. */
  unknownScopeException: 'invalid_scope' | 'access_denied'
  /** What a denied consent does in popup mode: post access_denied, or stay on an accounts page. Default `post`. */
  popupDenyBehaviour: 'post' | 'stay'
  /** Authorize hits per (client, account) allowed in the window before too_many_redirects. Default 3 in 30 s. */
  redirectLimit: number
  redirectWindowSeconds: number
  /** Live access tokens per (client, account); the oldest is revoked past it. Default 25. */
  tokenCap: number
  /** Agent API rate limit: requests per token and method in the window; 0 turns it off. Default 0. */
  apiRateLimit: number
  apiRateLimitWindowSeconds: number
  /**
   * Whether chats in group 0 (General) are visible to every agent with `chats--access:*`, as
   * agent-api §2 words it. Default false: group 0 is an ordinary group and only its members
   * (identity.ts) see its chats, so Sam (group 2 only) sees Support chats only.
   */
  groupZeroIsEveryone: boolean
}

export const DEFAULT_OPTIONS: SandboxOptions = {
  tokenRegion: 'dal',
  apiRegion: 'dal',
  tokenLifetime: 28800,
  codeLifetime: 300,
  echoStateInData: true,
  scopeField: 'scopes',
  postMessageTarget: 'redirect_uri',
  tooManyRedirectsException: 'invalid_request',
  popupRedirectUriException: 'invalid_request',
  unknownScopeException: 'invalid_scope',
  popupDenyBehaviour: 'post',
  redirectLimit: 3,
  redirectWindowSeconds: 30,
  tokenCap: 25,
  apiRateLimit: 0,
  apiRateLimitWindowSeconds: 60,
  groupZeroIsEveryone: false,
}

export type Grant = 'implicit' | 'authorization_code' | 'refresh_token'

export interface AccessTokenRecord {
  token: string
  accountId: string
  clientId: string
  organizationId: string
  scopes: string[]
  issuedAt: number
  expiresAt: number
  grant: Grant
  /** Refresh token issued with this access token (code and refresh grants only). */
  refreshToken?: string
  /** Accounts session the token was minted in; DELETE /v2/sessions kills them together. */
  sessionId: string | null
  revoked: boolean
}

export interface RefreshTokenRecord {
  token: string
  accountId: string
  clientId: string
  organizationId: string
  scopes: string[]
  sessionId: string | null
  issuedAt: number
  used: boolean
  revoked: boolean
}

export interface CodeRecord {
  code: string
  accountId: string
  clientId: string
  organizationId: string
  scopes: string[]
  redirectUri: string
  codeChallenge: string | null
  codeChallengeMethod: string | null
  sessionId: string | null
  expiresAt: number
  used: boolean
}

export interface AccountsSession {
  id: string
  accountId: string
  createdAt: number
  userAgent: string
  ended: boolean
}

export type FaultBody = 'json' | 'malformed' | 'empty' | 'html'

export interface FaultRule {
  id: string
  /** Matched against the request path: exact, or a prefix when it ends with `*`. */
  path: string
  method?: string
  remaining: number
  status: number
  body: FaultBody
  /** Overrides the JSON error body; defaults to the API's own error shape for the status. */
  json?: unknown
  retryAfter?: string
  /** Agent API error type for the default JSON body, e.g. `chat_inactive`; default by status. */
  errorType?: string
  /** Extra delay before answering this request, in ms. */
  delayMs?: number
}

export class SandboxState {
  options: SandboxOptions
  /** Added to the real clock; `POST /sandbox/clock` moves it forward. */
  clockOffsetMs = 0
  /** Added to every non-control request, in ms. */
  latencyMs = 0
  faults: FaultRule[] = []
  accessTokens = new Map<string, AccessTokenRecord>()
  refreshTokens = new Map<string, RefreshTokenRecord>()
  codes = new Map<string, CodeRecord>()
  sessions = new Map<string, AccountsSession>()
  /** `${clientId} ${accountId}` → scopes the account consented to for that client. */
  consents = new Map<string, Set<string>>()
  /** `${clientId} ${accountId}` → timestamps of recent authorize hits. */
  authorizeHits = new Map<string, number[]>()
  /** Every request the sandbox saw (method, path, time): tests and the bench count them. */
  /** `at`: the request arrived; `end`: its answer was ready (after any latency). */
  requestLog: { method: string; path: string; at: number; end?: number; status?: number }[] = []
  /** Chats, customers, routing statuses: what the agent API reads and writes. */
  world: World = createWorld()
  /** Authorization code → the access token it was exchanged for: a replayed code revokes it (RFC 6749 §4.1.2). */
  codeTokens = new Map<string, string>()

  constructor(options: Partial<SandboxOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options }
  }

  /** Back to a fresh world (POST /sandbox/reset): every field above, options included. */
  reset(options: Partial<SandboxOptions> = {}): void {
    this.options = { ...DEFAULT_OPTIONS, ...options }
    this.clockOffsetMs = 0
    this.latencyMs = 0
    this.faults = []
    this.accessTokens.clear()
    this.refreshTokens.clear()
    this.codes.clear()
    this.sessions.clear()
    this.consents.clear()
    this.authorizeHits.clear()
    this.requestLog = []
    this.world = createWorld()
    this.codeTokens.clear()
  }

  now(): number {
    return Date.now() + this.clockOffsetMs
  }

  person(accountId: string): Person | undefined {
    return PEOPLE.find((p) => p.accountId === accountId)
  }

  personByEmail(email: string): Person | undefined {
    return PEOPLE.find((p) => p.email === email)
  }

  /** `dal:` + 22 random url-safe characters, like `dal:test_DQTRHGbZCFkAoss4Q`. */
  newPrefixed(): string {
    return `${this.options.tokenRegion}:${opaque()}`
  }

  newSession(accountId: string, userAgent: string): AccountsSession {
    const session: AccountsSession = {
      id: randomUUID(),
      accountId,
      createdAt: this.now(),
      userAgent,
      ended: false,
    }
    this.sessions.set(session.id, session)
    return session
  }

  liveSession(sessionId: string | undefined): AccountsSession | undefined {
    if (!sessionId) return undefined
    const session = this.sessions.get(sessionId)
    return session && !session.ended ? session : undefined
  }

  issueAccessToken(input: {
    accountId: string
    clientId: string
    organizationId: string
    scopes: string[]
    grant: Grant
    sessionId: string | null
    withRefreshToken: boolean
  }): AccessTokenRecord {
    const now = this.now()
    const record: AccessTokenRecord = {
      token: this.newPrefixed(),
      accountId: input.accountId,
      clientId: input.clientId,
      organizationId: input.organizationId,
      scopes: [...input.scopes],
      issuedAt: now,
      expiresAt: now + this.options.tokenLifetime * 1000,
      grant: input.grant,
      sessionId: input.sessionId,
      revoked: false,
    }
    if (input.withRefreshToken) {
      const refresh: RefreshTokenRecord = {
        // Refresh tokens carry no region prefix (OAUTH).
        token: opaque(),
        accountId: input.accountId,
        clientId: input.clientId,
        organizationId: input.organizationId,
        scopes: [...input.scopes],
        sessionId: input.sessionId,
        issuedAt: now,
        used: false,
        revoked: false,
      }
      record.refreshToken = refresh.token
      this.refreshTokens.set(refresh.token, refresh)
      this.enforceCap(this.refreshTokens, input.clientId, input.accountId, (r) => r.used)
    }
    this.accessTokens.set(record.token, record)
    this.enforceCap(this.accessTokens, input.clientId, input.accountId, () => false)
    return record
  }

  /** 25 tokens per client per account; the oldest live one is revoked (§8 "Token limits"). */
  private enforceCap<
    T extends { clientId: string; accountId: string; revoked: boolean; issuedAt: number },
  >(map: Map<string, T>, clientId: string, accountId: string, isDead: (t: T) => boolean): void {
    const live = [...map.values()]
      .filter(
        (t) => t.clientId === clientId && t.accountId === accountId && !t.revoked && !isDead(t),
      )
      .sort((a, b) => a.issuedAt - b.issuedAt)
    while (live.length > this.options.tokenCap) {
      const oldest = live.shift()
      if (oldest) oldest.revoked = true
    }
  }

  /** The live access token for a bearer string, or undefined when unknown, revoked or expired. */
  liveAccessToken(token: string | undefined | null): AccessTokenRecord | undefined {
    if (!token) return undefined
    const record = this.accessTokens.get(token)
    if (!record || record.revoked || record.expiresAt <= this.now()) return undefined
    return record
  }

  revokeAccessToken(record: AccessTokenRecord): void {
    record.revoked = true
    if (record.refreshToken) {
      const refresh = this.refreshTokens.get(record.refreshToken)
      if (refresh) refresh.revoked = true
    }
  }

  /** Ends every accounts session of the account and revokes every token tied to it. */
  endAllSessions(accountId: string): void {
    for (const session of this.sessions.values()) {
      if (session.accountId === accountId) session.ended = true
    }
    for (const record of this.accessTokens.values()) {
      if (record.accountId === accountId) this.revokeAccessToken(record)
    }
    for (const refresh of this.refreshTokens.values()) {
      if (refresh.accountId === accountId) refresh.revoked = true
    }
  }
}

function opaque(): string {
  return randomBytes(16).toString('base64url')
}
