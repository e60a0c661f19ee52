// Who the credential belongs to: `GET /v2/accounts/me` (§5.6, checklist E.5; with a PAT,
// livechat-pat.md §3 and §9.8) and `GET /v2/organizations/my` (used by DEVSDK; its shape is
// undocumented, see ACCOUNTS.md). Both take OAuth tokens and PATs.
import { Hono } from 'hono'
import type { Person } from '../seed/identity'
import type { SandboxState } from '../state'
import { authenticateCaller } from './caller-auth'
import { holdsScope } from '../scope-rules'

export function accountRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.get('/v2/accounts/me', (c) => {
    // OAuth needs `accounts--my:ro`; GAS lists no scope for PATs here (option to require it).
    const record = authenticateCaller(c, state, (caller) =>
      caller.kind === 'pat' && !state.options.patAccountsMeNeedsScope ? null : 'accounts--my:ro',
    )
    if (record instanceof Response) return record
    const person = record.person
    return c.json({
      account_id: person.accountId,
      name: person.name,
      email: person.email,
      email_verified: true,
      default_product: 'LiveChat',
      default_organization_id: state.directory.organization.id,
      avatar_url: '',
      // `roles` only with accounts.roles--all:ro, as §5.6 says.
      ...(holdsScope(record.scopes, 'accounts.roles--all:ro') ? { roles: rolesOf(person) } : {}),
      updated_at: person.createdAt,
      created_at: person.createdAt,
      properties: { active: true, mfa: false, lc: { suspended: false }, avatar_url: '' },
    })
  })

  routes.get('/v2/organizations/my', (c) => {
    const record = authenticateCaller(c, state, null)
    if (record instanceof Response) return record
    const { organization } = state.directory
    return c.json({
      organization_id: organization.id,
      name: organization.name,
      license_id: Number(organization.licenseId),
    })
  })

  return routes
}

/** Global Accounts roles (§7 "Scopes and roles"): a primary Accounts role and a LiveChat one. */
function rolesOf(person: Person) {
  const accounts =
    person.role === 'owner' ? 'owner' : person.role === 'administrator' ? 'administrator' : 'member'
  const livechat = person.role === 'normal' ? 'normal' : 'administrator'
  return [
    {
      role_id: `accounts-${accounts}`,
      product: 'accounts',
      role: accounts,
      type: 'primary',
      predefined: true,
    },
    {
      role_id: `lc-${livechat}`,
      product: 'lc',
      role: livechat,
      type: 'secondary',
      predefined: true,
    },
  ]
}
