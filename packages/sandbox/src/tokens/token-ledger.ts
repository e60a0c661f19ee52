// Issues, finds and revokes access tokens, refresh tokens and codes, with LiveChat's token
// limits: 25 access and 25 refresh tokens per client per account, the oldest revoked past it
// (https://platform.text.com/docs/authorization/oauth-authorization, "Token limits").
import { randomBytes } from 'node:crypto'
import type { SandboxOptions } from '../options/sandbox-options'
import type { AccessTokenRecord, CodeRecord, Grant, RefreshTokenRecord } from './records'

/** What the ledger reads from its sandbox: the clock, the options, and who to tell of changes. */
export interface LedgerHost {
  readonly options: SandboxOptions
  now(): number
  credentialsChanged(): void
}

export interface IssueInput {
  accountId: string
  clientId: string
  organizationId: string
  scopes: string[]
  grant: Grant
  sessionId: string | null
  withRefreshToken: boolean
}

export class TokenLedger {
  readonly accessTokens = new Map<string, AccessTokenRecord>()
  readonly refreshTokens = new Map<string, RefreshTokenRecord>()
  readonly codes = new Map<string, CodeRecord>()
  /** Authorization code → the access token it was exchanged for: a replayed code revokes it (RFC 6749 §4.1.2). */
  readonly codeTokens = new Map<string, string>()

  constructor(private readonly host: LedgerHost) {}

  clear(): void {
    this.accessTokens.clear()
    this.refreshTokens.clear()
    this.codes.clear()
    this.codeTokens.clear()
  }

  /** `dal:` + 22 random url-safe characters, like `dal:test_DQTRHGbZCFkAoss4Q`. */
  newPrefixed(): string {
    return `${this.host.options.tokenRegion}:${opaque()}`
  }

  issueAccessToken(input: IssueInput): AccessTokenRecord {
    const now = this.host.now()
    const record: AccessTokenRecord = {
      token: this.newPrefixed(),
      accountId: input.accountId,
      clientId: input.clientId,
      organizationId: input.organizationId,
      scopes: [...input.scopes],
      issuedAt: now,
      expiresAt: now + this.host.options.tokenLifetime * 1000,
      grant: input.grant,
      sessionId: input.sessionId,
      revoked: false,
    }
    if (input.withRefreshToken) {
      const refresh: RefreshTokenRecord = {
        // Refresh tokens carry no region prefix.
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

  /** The live access token for a bearer string, or undefined when unknown, revoked or expired. */
  liveAccessToken(token: string | undefined | null): AccessTokenRecord | undefined {
    if (!token) return undefined
    const record = this.accessTokens.get(token)
    if (!record || record.revoked || record.expiresAt <= this.host.now()) return undefined
    return record
  }

  revokeAccessToken(record: AccessTokenRecord): void {
    record.revoked = true
    if (record.refreshToken) {
      const refresh = this.refreshTokens.get(record.refreshToken)
      if (refresh) refresh.revoked = true
    }
    this.host.credentialsChanged()
  }

  /** Revokes every access and refresh token that matches (an account's, a session's). */
  revokeWhere(matches: (record: { accountId: string; sessionId: string | null }) => boolean): void {
    for (const record of this.accessTokens.values()) {
      if (matches(record)) this.revokeAccessToken(record)
    }
    for (const refresh of this.refreshTokens.values()) {
      if (matches(refresh)) refresh.revoked = true
    }
  }

  /** Past the cap, the oldest live token of (client, account) is revoked. */
  private enforceCap<
    T extends { clientId: string; accountId: string; revoked: boolean; issuedAt: number },
  >(map: Map<string, T>, clientId: string, accountId: string, isDead: (t: T) => boolean): void {
    const live = [...map.values()]
      .filter(
        (t) => t.clientId === clientId && t.accountId === accountId && !t.revoked && !isDead(t),
      )
      .sort((a, b) => a.issuedAt - b.issuedAt)
    while (live.length > this.host.options.tokenCap) {
      const oldest = live.shift()
      if (oldest) oldest.revoked = true
      this.host.credentialsChanged()
    }
  }
}

function opaque(): string {
  return randomBytes(16).toString('base64url')
}
