// The credential's region: one rule for a token's prefix and for the region LiveChat names.
import { describe, expect, it } from 'vitest'
import { credentialRegion, isRegion, regionOf } from '../../../src/protocol/credential'

describe('regions', () => {
  it('isRegion accepts data-center names and nothing that could smuggle a header or host', () => {
    for (const region of ['dal', 'fra', 'fra-a', 'fra-b']) expect(isRegion(region)).toBe(true)
    for (const value of ['', 'DAL', 'fra_a', 'dal\r\nX-Evil: 1', 'api.evil.test', 7, null])
      expect(isRegion(value)).toBe(false)
  })

  it("an OAuth token's prefix names its region; none, or a malformed one, is dal", () => {
    expect(regionOf('fra-a:abc')).toBe('fra-a')
    expect(regionOf('abc')).toBe('dal')
    expect(regionOf('Fra:abc')).toBe('dal')
  })

  it('a personal access token names no region', () => {
    expect(credentialRegion({ scheme: 'Basic', value: 'dGVzdA==' })).toBeNull()
    expect(credentialRegion({ scheme: 'Bearer', value: 'fra:xyz' })).toBe('fra')
  })
})
