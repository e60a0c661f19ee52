// The organization one sign-in is for (protocol/organization.ts): asked for with
// organization_id and required of the token, unless the configuration pins another.
import { describe, expect, it } from 'vitest'
import { buildAuthorizeUrl } from '../../../src/protocol/authorize-url'
import { forOrganization } from '../../../src/protocol/organization'
import { sandboxConfig } from '../../support/sandbox-config'

const LABS = '8e4c2a19-7b3d-4f5e-a1c6-0d9b8f7e6a5c'
const SUPPORT = '7a1e4c52-3b8d-4f6a-9c2e-5d0b8f1a2c3e'
const url = (config: typeof sandboxConfig) =>
  new URL(buildAuthorizeUrl(config, { responseType: 'token', state: 's', scopes: [] }))

describe('forOrganization', () => {
  it('no organization asked for: the configuration as it is, no organization_id', () => {
    expect(forOrganization(sandboxConfig)).toBe(sandboxConfig)
    expect(url(forOrganization(sandboxConfig, null)).searchParams.has('organization_id')).toBe(
      false,
    )
  })

  it('one asked for: sent as organization_id, and held as the token’s organization', () => {
    const config = forOrganization(sandboxConfig, LABS)
    expect(config.organizationId).toBe(LABS)
    expect(url(config).searchParams.get('organization_id')).toBe(LABS)
    expect(sandboxConfig.organizationId).toBeNull()
  })

  it('a pin stays a lock: the same organization is fine, another is wrong_organization', () => {
    const pinned = { ...sandboxConfig, organizationId: SUPPORT }
    expect(forOrganization(pinned, SUPPORT)).toBe(pinned)
    expect(() => forOrganization(pinned, LABS)).toThrow(
      expect.objectContaining({ kind: 'wrong_organization' }),
    )
  })
})
