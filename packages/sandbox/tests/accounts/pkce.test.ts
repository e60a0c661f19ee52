// docs/ACCOUNTS.md (PKCE in the SDK and its S256 bug):
// plain, RFC 7636 S256 and the SDK's own S256 are all accepted at the token endpoint.
import { webcrypto } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import {
  isWellFormedChallenge,
  parseChallengeMethod,
  rfcS256Challenge,
  sdkChallengeFromDigest,
  sdkS256Challenge,
  verifyPkce,
} from '../../src/accounts/pkce'

/** The SDK's computation, transcribed: sjcl words → `btoa(array)` → base64url (dist/index.esm.js). */
async function sdkChallengeAsTheSdkDoesIt(verifier: string): Promise<string> {
  const digest = new DataView(
    await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)),
  )
  const words = Array.from({ length: 8 }, (_, i) => digest.getInt32(i * 4, false))
  return btoa(String(words)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const verifier = 'mR7-kq.Uv_3~ZxA0pLc9YtE5nBf2HsJ8dQw4oKi6gVr1aXyNeMz-PlOuTbCwDjSh'

describe('the SDK S256 value', () => {
  test("the doc's probe pair: the SDK value is the RFC digest read as eight signed big-endian words", () => {
    const rfc = '9ArvNrwgeeYMS_ysqTYRdqXgO3rt6tQYCOOzc86XIbk'
    const sdk =
      'LTIwMDYwOTk5NCwtMTEzODcyMjMzMCwyMDYzMDY0NzYsLTE0NTYwNzQzNzgsLTE1MTIwMzEzNjYsLTMwMzM3NzM4NCwxNDkxNDAzMzksLTgyODk1NjIzMQ'
    expect(sdkChallengeFromDigest(Buffer.from(rfc, 'base64url'))).toBe(sdk)
  })

  test('matches a transcription of the SDK code for any verifier', async () => {
    expect(sdkS256Challenge(verifier)).toBe(await sdkChallengeAsTheSdkDoesIt(verifier))
    expect(sdkS256Challenge(verifier)).not.toBe(rfcS256Challenge(verifier))
    expect(isWellFormedChallenge(sdkS256Challenge(verifier))).toBe(true)
  })
})

describe('verification', () => {
  test('plain: the verifier equals the challenge', () => {
    expect(verifyPkce('plain', verifier, verifier)).toBe(true)
    expect(verifyPkce('plain', verifier, `${verifier}x`)).toBe(false)
  })

  test('S256 accepts the RFC 7636 value and the SDK value, nothing else', () => {
    expect(verifyPkce('S256', rfcS256Challenge(verifier), verifier)).toBe(true)
    expect(verifyPkce('S256', sdkS256Challenge(verifier), verifier)).toBe(true)
    expect(verifyPkce('S256', sdkS256Challenge(verifier), `${verifier}x`)).toBe(false)
    // S256 never degrades to plain: sending the verifier as the "challenge" fails.
    expect(verifyPkce('S256', verifier, verifier)).toBe(false)
  })

  test('the method is `plain` by default; the docs write `s256`, the SDK `S256`', () => {
    expect(parseChallengeMethod(null)).toBe('plain')
    expect(parseChallengeMethod('s256')).toBe('S256')
    expect(parseChallengeMethod('S256')).toBe('S256')
    expect(parseChallengeMethod('S512')).toBeNull()
  })

  test('a challenge is 43–128 characters of the unreserved alphabet', () => {
    expect(isWellFormedChallenge('a'.repeat(42))).toBe(false)
    expect(isWellFormedChallenge('a'.repeat(43))).toBe(true)
    expect(isWellFormedChallenge('a'.repeat(129))).toBe(false)
    expect(isWellFormedChallenge(`${'a'.repeat(50)}+/=`)).toBe(false)
  })
})
