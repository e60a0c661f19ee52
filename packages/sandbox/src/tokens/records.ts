// What the accounts server remembers about what it issued: access and refresh tokens,
// authorization codes and the sign-ins (accounts sessions) they were minted in.

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
  /**
   * The organization the session is in (docs/ACCOUNTS.md, "Organizations"): chosen on the Choose
   * an organization page, or the last one a token was issued for. Null until then.
   */
  organizationId: string | null
  createdAt: number
  userAgent: string
  ended: boolean
}
