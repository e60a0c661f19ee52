// Who the token belongs to: `GET /v2/accounts/me` (§5.6, checklist E.5) and
// `GET /v2/organizations/my` (used by DEVSDK; its shape is undocumented, see ACCOUNTS.md).
import { Hono } from 'hono'
import { ORGANIZATION, type Person } from '../seed/identity'
import type { SandboxState } from '../state'
import { authenticate } from './bearer-auth'
import { accountsError } from './json-errors'
import { holdsScope } from '../scope-rules'

export function accountRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.get('/v2/accounts/me', (c) => {
    const record = authenticate(c, state, 'accounts--my:ro')
    if (record instanceof Response) return record
    const person = state.person(record.accountId)
    if (!person)
      return accountsError(c, 404, 'resource_not_found', {
        resource_name: 'account',
        resource_id: record.accountId,
      })
    return c.json({
      account_id: person.accountId,
      name: person.name,
      email: person.email,
      email_verified: true,
      default_product: 'LiveChat',
      default_organization_id: ORGANIZATION.id,
      avatar_url: '',
      // `roles` only with accounts.roles--all:ro, as §5.6 says.
      ...(holdsScope(record.scopes, 'accounts.roles--all:ro') ? { roles: rolesOf(person) } : {}),
      updated_at: person.createdAt,
      created_at: person.createdAt,
      properties: { active: true, mfa: false, lc: { suspended: false }, avatar_url: '' },
    })
  })

  routes.get('/v2/organizations/my', (c) => {
    const record = authenticate(c, state, null)
    if (record instanceof Response) return record
    return c.json({
      organization_id: ORGANIZATION.id,
      name: ORGANIZATION.name,
      license_id: Number(ORGANIZATION.licenseId),
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
