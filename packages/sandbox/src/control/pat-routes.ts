// /sandbox/pats: the Developer Console's "Personal Access Tokens" page, emulated (its API is
// undocumented; docs/PAT.md). Create returns the token and its
// Base64 form once; the list never shows them; revoking ends the PAT's live RTM sockets with
// `access_token_revoked`. Reference: docs/PAT.md.
import { Hono, type Context } from 'hono'
import { encodeBasicCredentials } from '../credentials/basic-credentials'
import { issuePat, patsOf } from '../credentials/pat-store'
import { rfc3339Micro } from '../seed/ids'
import type { Person } from '../seed/identity'
import { roleCanHold } from '../seed/scope-roles'
import type { RtmHub } from '../rtm/hub'
import type { SandboxState } from '../state'
import {
  ControlError,
  organizationField,
  readInput,
  reply,
  replyError,
  scopesField,
  stringField,
  type ControlInput,
} from './control-input'
import { listPats } from './pat-list'
import { renderControlPage } from './page/control-page'

const MAX_NAME_LENGTH = 100

export function patRoutes(state: SandboxState, rtm: RtmHub): Hono {
  const routes = new Hono()

  routes.post('/pats', async (c) => {
    const input = await readInput(c)
    try {
      const account = accountField(state, input.data)
      // A PAT acts for one organization (docs/PAT.md): the role there decides its scopes.
      const organizationId = organizationField(state, input.data, account)
      const person = state.directory.member(account.accountId, organizationId) ?? account
      const name = nameField(input.data)
      if (patsOf(state, person.accountId).some((pat) => pat.name === name)) {
        throw new ControlError(`${person.name} already has a token named "${name}"`)
      }
      const scopes = scopesField(input.data, 'scopes') ?? []
      if (scopes.length === 0) throw new ControlError('scopes must list at least one scope')
      for (const scope of scopes) {
        // Unknown scopes are held by nobody; the console offers only what the role can hold.
        if (!roleCanHold(person.role, scope))
          throw new ControlError(`${person.name} (${person.role}) cannot hold ${scope}`)
      }
      const { record, token } = issuePat(state, { person, organizationId, name, scopes })
      const created = {
        account_id: record.accountId,
        organization_id: record.organizationId,
        name: record.name,
        token,
        base64: encodeBasicCredentials(record.accountId, token),
        scopes: [...record.scopes],
        created_at: rfc3339Micro(record.createdAt),
      }
      // The page shows the secret once, in this answer: never in a redirect URL or history.
      if (input.fromForm)
        return renderControlPage(state, rtm, { created: { ...created, person: person.name } })
      return c.json(created, 201)
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  routes.get('/pats', (c) => c.json({ pats: listPats(state) }))

  const revoke = async (c: Context, input: ControlInput) => {
    try {
      const person = accountField(state, input.data)
      const name = nameField(input.data)
      const record = patsOf(state, person.accountId).find((pat) => pat.name === name)
      if (!record) throw new ControlError(`${person.name} has no token named "${name}"`, 404)
      state.pats.delete(record.id)
      state.credentialsChanged()
      return reply(c, input, { revoked: 1 }, `Revoked token "${name}" of ${person.name}`)
    } catch (error) {
      return replyError(c, input, error)
    }
  }
  routes.delete('/pats', async (c) => revoke(c, await readInput(c)))
  // HTML forms cannot send DELETE.
  routes.post('/pats/revoke', async (c) => revoke(c, await readInput(c)))

  return routes
}

/** `account`: an account id or a person's email. */
function accountField(state: SandboxState, data: Record<string, unknown>): Person {
  const account = stringField(data, 'account')
  const person = account
    ? (state.directory.personByEmail(account) ?? state.directory.person(account))
    : undefined
  if (!person) {
    const emails = state.directory.people.map((p) => p.email).join(', ')
    throw new ControlError(`account must be an account id or one of: ${emails}`)
  }
  return person
}

function nameField(data: Record<string, unknown>): string {
  const name = stringField(data, 'name')?.trim() ?? ''
  if (name === '') throw new ControlError('name is required')
  if (name.length > MAX_NAME_LENGTH)
    throw new ControlError(`name must be at most ${MAX_NAME_LENGTH} characters`)
  return name
}
