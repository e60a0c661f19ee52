// Who the credential belongs to and where: `GET /v2/accounts/me`, `GET /v2/organizations`,
// `GET /v2/organizations/{organization_id | me}` as LiveChat's Global Accounts API document
// describes them (https://platform.text.com/docs/authorization/global-accounts-api), and
// `GET /v2/organizations/my`, which the document lacks but LiveChat's @livechat/developer-sdk
// calls. All take OAuth tokens and PATs (docs/ACCOUNTS.md).
import { Hono } from 'hono'
import type { Person } from '../seed/identity'
import type { SandboxState } from '../state'
import { authenticateCaller } from './caller-auth'
import { accountsError } from './json-errors'
import { holdsScope } from '../scope-rules'

export function accountRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.get('/v2/accounts/me', (c) => {
    // OAuth needs `accounts--my:ro`; the Global Accounts API document lists no scope for PATs here (option to require it).
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
      // A URL or nothing, as the document says; sandbox people have no avatar.
      avatar_url: null,
      // `roles` only with accounts.roles--all:ro, as the document says.
      ...(holdsScope(record.scopes, 'accounts.roles--all:ro') ? { roles: rolesOf(person) } : {}),
      updated_at: person.createdAt,
      created_at: person.createdAt,
      properties: { active: true, mfa: false, lc: { suspended: false } },
    })
  })

  routes.get('/v2/organizations', (c) => {
    const caller = authenticateCaller(c, state, null)
    if (caller instanceof Response) return caller
    return c.json([organizationOf(state)])
  })

  routes.get('/v2/organizations/:organization_id', (c) => {
    const caller = authenticateCaller(c, state, null)
    if (caller instanceof Response) return caller
    const id = c.req.param('organization_id')
    // `me` as the document says; `my` as the developer SDK sends it.
    if (id === 'me' || id === 'my' || id === state.directory.organization.id)
      return c.json(organizationOf(state))
    return accountsError(c, 404, 'resource_not_found', {
      resource_name: 'organization',
      resource_id: id,
    })
  })

  return routes
}

/** The organization as the document describes it, plus the license number LiveChat apps use. */
function organizationOf(state: SandboxState) {
  const { organization } = state.directory
  return {
    organization_id: organization.id,
    name: organization.name,
    license_id: Number(organization.licenseId),
  }
}

/** Global Accounts roles: a primary Accounts role and a secondary LiveChat one. */
function rolesOf(person: Person) {
  const accounts =
    person.role === 'owner' ? 'owner' : person.role === 'administrator' ? 'administrator' : 'member'
  const livechat = person.role === 'normal' ? 'normal' : 'administrator'
  return [
    {
      role_id: `accounts-${accounts}`,
      product: 'Accounts',
      role: accounts,
      type: 'primary',
      predefined: true,
    },
    {
      role_id: `lc-${livechat}`,
      product: 'LiveChat',
      role: livechat,
      type: 'secondary',
      predefined: true,
    },
  ]
}
