// PKCE checks at the token endpoint (docs/ACCOUNTS.md).
// `S256` accepts both the RFC 7636 value and the value the accounts SDK really sends: sjcl
// hashes the verifier to eight signed 32-bit words and `btoa()` stringifies that array, so the
// SDK's challenge is base64url of text like `-200609994,-1138722330,…`.
import { createHash, timingSafeEqual } from 'node:crypto'

export type ChallengeMethod = 'plain' | 'S256'

/** RFC 7636: base64url(sha256(verifier)). */
export function rfcS256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'utf8').digest('base64url')
}

/** The SDK 2.1.3 value: base64url(utf8(words.join(','))), words = the digest as big-endian int32. */
export function sdkS256Challenge(verifier: string): string {
  return sdkChallengeFromDigest(createHash('sha256').update(verifier, 'utf8').digest())
}

/** The SDK's encoding of a SHA-256 digest; split out so the doc's probe pair can be checked. */
export function sdkChallengeFromDigest(digest: Buffer): string {
  const words: number[] = []
  for (let offset = 0; offset < digest.length; offset += 4) words.push(digest.readInt32BE(offset))
  return Buffer.from(words.join(','), 'utf8').toString('base64url')
}

/** Normalizes the `code_challenge_method` parameter; the docs write `s256`, the SDK `S256`. */
export function parseChallengeMethod(value: string | null): ChallengeMethod | null {
  if (value === null || value === '') return 'plain'
  if (value === 'plain') return 'plain'
  if (value.toUpperCase() === 'S256') return 'S256'
  return null
}

/** The docs' table: a challenge is 43–128 characters; both S256 forms use the base64url alphabet. */
export function isWellFormedChallenge(challenge: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(challenge)
}

export function verifyPkce(method: ChallengeMethod, challenge: string, verifier: string): boolean {
  if (method === 'plain') return safeEqual(verifier, challenge)
  return (
    safeEqual(rfcS256Challenge(verifier), challenge) ||
    safeEqual(sdkS256Challenge(verifier), challenge)
  )
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}
