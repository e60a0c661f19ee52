// Which WebSocket upgrades reach the RTM (docs/RTM.md, U1):
// exactly `/v3.6/agent/rtm/ws`; any other version (or path) is 404. `organization_id` is
// optional unless `requireOrganizationId`; when given, `login` checks it against the token's
// organization. Shared by the `ws` server and the MSW adapter.
import type { SandboxOptions } from '../options/sandbox-options'

export const RTM_PATH = '/v3.6/agent/rtm/ws'

export type Admission =
  { ok: true; organizationId: string | null } | { ok: false; status: 400 | 404; message: string }

export function admitUpgrade(url: URL, options: SandboxOptions): Admission {
  if (url.pathname !== RTM_PATH) {
    const version = /^\/(v[^/]+)\/agent\/rtm\/ws\/?$/.exec(url.pathname)?.[1]
    return {
      ok: false,
      status: 404,
      message: version ? `RTM API version ${version} is not served here (only v3.6)` : 'Not found',
    }
  }
  const organizationId = url.searchParams.get('organization_id') || null
  if (options.requireOrganizationId && organizationId === null) {
    return { ok: false, status: 400, message: 'organization_id is required' }
  }
  return { ok: true, organizationId }
}
