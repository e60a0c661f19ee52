// A personal access token as the sandbox keeps it: a SHA-256 hash next to its owner, name,
// immutable scopes and creation time; the token itself is shown once and never stored.

export interface PatRecord {
  id: string
  accountId: string
  organizationId: string
  name: string
  scopes: string[]
  createdAt: number
  /** Null: PATs do not expire (no doc gives a lifetime); `patLifetime` sets one for tests. */
  expiresAt: number | null
  /** SHA-256 of the token. The token itself is never kept (the console shows it once). */
  hash: Buffer
}
