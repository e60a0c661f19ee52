// The sandbox's mutable world: a clock, issued tokens/codes, accounts sessions, consents,
// redirect counters and faults. One instance per sandbox app, so tests get fresh worlds.
import { randomBytes, randomUUID } from 'node:crypto'
import type { PatRecord } from './credentials/pat-store'
import { SandboxEvents } from './events/sandbox-events'
import { CLIENT_ID, PEOPLE, type OAuthClient, type Person } from './seed/identity'
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
  /** Prefix of new personal access tokens. Default none: the PAT format is UNKNOWN (livechat-pat.md §9.2). */
  patTokenPrefix: string
  /** PAT lifetime in seconds; 0 = never expires (no doc gives one, §9.3). Default 0. */
  patLifetime: number
  /**
   * Whether `GET /v2/accounts/me` with a PAT needs `accounts--my:ro` on it. Default false: GAS
   * lists no scopes for the PAT scheme there (livechat-pat.md §9.8).
   */
  patAccountsMeNeedsScope: boolean
  /**
   * Send `WWW-Authenticate: Basic` with 401s of the agent and accounts APIs. Default false: a
   * browser would then show its own credential prompt (livechat-pat.md §9.14).
   */
  wwwAuthenticateBasic: boolean

  // RTM (livechat-rtm-api.md §9, U1–U21; sandbox/RTM.md gives each its reason).
  /** U1: refuse an upgrade without `organization_id` (HTTP 400). Default false: the JS SDK never sends it. */
  requireOrganizationId: boolean
  /** U3: a `ping` before `login` is answered (`respond`), ignored, or refused with an error. Default `respond`. */
  rtmPreLoginPing: 'respond' | 'ignore' | 'error'
  /** U7: time to log in after connecting, in ms. Default 30000 (RTM "Authorization"). */
  rtmLoginTimeoutMs: number
  /** U7: time without any frame (or control ping) after login before `connection_timeout`. Default 30000. */
  rtmIdleTimeoutMs: number
  /** U6: delay between `agent_disconnected` and the close, in ms. Default 50. */
  rtmDisconnectCloseDelayMs: number
  /** U6: close code after `agent_disconnected` (the reason goes in the close reason). Default 1000. */
  rtmDisconnectCloseCode: number
  /** U8: logged-in connections per agent. Default 10. */
  rtmMaxConnectionsPerAgent: number
  /** U8: past the cap, refuse the new login (`too_many_connections`) or evict the oldest (`connection_evicted`). Default `refuse`. */
  rtmConnectionLimitPolicy: 'refuse' | 'evict-oldest'
  /** U9: unanswered requests per socket before `pending_requests_limit_reached`. Default 10. */
  rtmPendingRequestsLimit: number
  /** U9: a request still unanswered after this many ms gets `request_timeout`. Default 15000. */
  rtmRequestTimeoutMs: number
  /** U11: the requester's push before its response. Default false (response first). */
  pushBeforeResponse: boolean
  /** U15: member-only chat pushes (incoming_event …) to every agent with group access too. Default false. */
  rtmBroadcastAllChatPushesToGroup: boolean
  /** U21: close the socket (1003) on a malformed or binary frame instead of ignoring it. Default false. */
  rtmStrictFrames: boolean
  /** A socket whose unsent output passes this many bytes is dropped (a slow consumer). Default 8 MiB. */
  rtmMaxBufferedBytes: number

  // The customer simulator's automatic customer (sandbox/RTM.md "Autopilot").
  /** Customers answer agents' messages and new chats arrive now and then. Default false. */
  autopilot: boolean
  /** How long a customer takes to answer an agent's message, in ms. Default 2500. */
  autopilotReplyDelayMs: number
  /** How often a new customer starts a chat, in ms; 0 = never. Default 45000. */
  autopilotNewChatEveryMs: number
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
  patTokenPrefix: '',
  patLifetime: 0,
  patAccountsMeNeedsScope: false,
  wwwAuthenticateBasic: false,
  requireOrganizationId: false,
  rtmPreLoginPing: 'respond',
  rtmLoginTimeoutMs: 30_000,
  rtmIdleTimeoutMs: 30_000,
  rtmDisconnectCloseDelayMs: 50,
  rtmDisconnectCloseCode: 1000,
  rtmMaxConnectionsPerAgent: 10,
  rtmConnectionLimitPolicy: 'refuse',
  rtmPendingRequestsLimit: 10,
  rtmRequestTimeoutMs: 15_000,
  pushBeforeResponse: false,
  rtmBroadcastAllChatPushesToGroup: false,
  rtmStrictFrames: false,
  rtmMaxBufferedBytes: 8 * 1024 * 1024,
  autopilot: false,
  autopilotReplyDelayMs: 2_500,
  autopilotNewChatEveryMs: 45_000,
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

/** Where an extra redirect URI of the app's client came from. */
export type RedirectUriSource = 'env' | 'control'

/** How the sandbox was started: what outlives POST /sandbox/reset. */
export interface SandboxConfig {
  /** Extra redirect URIs for the app's client (`SANDBOX_REDIRECT_URIS`), already validated. */
  redirectUris?: readonly string[]
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
  /** Personal access tokens by record id (hashes only; livechat-pat.md §9.2). */
  pats = new Map<string, PatRecord>()
  /**
   * The one event bus: writes (Web API, RTM, customer simulator) announce what changed, the RTM
   * layer fans it out as pushes and the autopilot reacts. Survives reset, so listeners stay.
   */
  readonly events = new SandboxEvents()
  /**
   * Redirect URIs added to the app's client beyond the seed's: from `SANDBOX_REDIRECT_URIS`
   * (kept across resets) and from the control page (forgotten by a reset).
   */
  extraRedirectUris: { uri: string; source: RedirectUriSource }[]
  private readonly configuredRedirectUris: readonly string[]

  constructor(options: Partial<SandboxOptions> = {}, config: SandboxConfig = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options }
    this.configuredRedirectUris = [...(config.redirectUris ?? [])]
    this.extraRedirectUris = this.configuredRedirectUris.map((uri) => ({ uri, source: 'env' }))
  }

  /** The client's redirect URIs as the authorize endpoint matches them (auth-protocol §8). */
  redirectUrisOf(client: OAuthClient): string[] {
    if (client.id !== CLIENT_ID) return client.redirectUris
    return [...client.redirectUris, ...this.extraRedirectUris.map((entry) => entry.uri)]
  }

  /** Partial options (POST /sandbox/options); listeners (RTM, autopilot) re-read them. */
  setOptions(patch: Partial<SandboxOptions>): void {
    this.options = { ...this.options, ...patch }
    this.events.emit('options')
  }

  /**
   * Something that decides whether a credential is live changed (revoked, expired, the clock
   * moved): live sockets re-check theirs (RTM U16/U17).
   */
  credentialsChanged(): void {
    this.events.emit('credentials')
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
    this.pats.clear()
    this.extraRedirectUris = this.configuredRedirectUris.map((uri) => ({ uri, source: 'env' }))
    this.events.emit('reset')
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
      this.credentialsChanged()
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
    this.credentialsChanged()
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
