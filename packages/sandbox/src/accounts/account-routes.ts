// Who the credential belongs to and where: `GET /v2/accounts/me`, `GET /v2/organizations`,
// `GET /v2/organizations/{organization_id | me}` as LiveChat's Global Accounts API document
// describes them (https://platform.text.com/docs/authorization/global-accounts-api), and
// `GET /v2/organizations/my`, which the document lacks but LiveChat's @livechat/developer-sdk
// calls. All take OAuth tokens and PATs (docs/ACCOUNTS.md). The list is every organization of
// the account; `me`/`my` and the roles are the credential's organization's.
import { Hono } from 'hono'
import type { Organization, Person } from '../seed/identity'
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
      // "The default organization is the first assigned to a given account" (the document).
      default_organization_id: state.directory.organizationsOf(person.accountId)[0]?.id ?? null,
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
    return c.json(state.directory.organizationsOf(caller.accountId).map(organizationView))
  })

  routes.get('/v2/organizations/:organization_id', (c) => {
    const caller = authenticateCaller(c, state, null)
    if (caller instanceof Response) return caller
    const asked = c.req.param('organization_id')
    // `me` as the document says; `my` as the developer SDK sends it: the credential's own.
    const id = asked === 'me' || asked === 'my' ? caller.organizationId : asked
    const organization = state.directory.organizationsOf(caller.accountId).find((o) => o.id === id)
    // One the account is not a member of is as unknown as one that does not exist.
    if (organization) return c.json(organizationView(organization))
    return accountsError(c, 404, 'resource_not_found', {
      resource_name: 'organization',
      resource_id: asked,
    })
  })

  return routes
}

/** The organization as the document describes it, plus the license number LiveChat apps use. */
function organizationView(organization: Organization) {
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
