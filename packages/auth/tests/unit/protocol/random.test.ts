// State of at least 128 bits from a CSPRNG, and RFC 7636 §4.1's verifier.
import { describe, expect, it, vi } from 'vitest'
import { randomState, randomVerifier } from '../../../src/protocol/random'

describe('random values', () => {
  it('a state is 43 base64url characters and never repeats', () => {
    const states = new Set(Array.from({ length: 200 }, () => randomState()))
    expect(states.size).toBe(200)
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('a verifier is 43–128 characters of the RFC 7636 charset', () => {
    const verifier = randomVerifier()
    expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/)
    expect(randomVerifier()).not.toBe(verifier)
  })

  it('draws from crypto.getRandomValues (32 bytes for a state)', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues')
    randomState()
    expect(spy).toHaveBeenCalledTimes(1)
    expect((spy.mock.calls[0]?.[0] as Uint8Array).length).toBe(32)
    spy.mockRestore()
  })
})
