// /sandbox/tokens: mint a token without the sign-in pages (for API tests and scripts), for the
// person's default organization or the `organization_id` given, and expire or revoke tokens on
// demand so the app's re-auth paths can be exercised.
import { Hono } from 'hono'
import { AGENT_SCOPES } from '../seed/identity'
import { CLIENT_ID } from '../seed/clients'
import { roleCanHold, SCOPE_ROLE } from '../seed/scope-roles'
import type { AccessTokenRecord, Grant } from '../tokens/records'
import type { Region } from '../options/sandbox-options'
import type { SandboxState } from '../state'
import {
  ControlError,
  organizationField,
  readInput,
  reply,
  replyError,
  scopesField,
  stringField,
} from './control-input'

const GRANTS: readonly Grant[] = ['implicit', 'authorization_code', 'refresh_token']
const REGIONS: readonly Region[] = ['dal', 'fra', 'fra-a', 'fra-b']

export function tokenRoutes(state: SandboxState): Hono {
  const routes = new Hono()

  routes.post('/tokens', async (c) => {
    const input = await readInput(c)
    try {
      const record = mint(state, input.data)
      const body: Record<string, unknown> = {
        access_token: record.token,
        token_type: 'Bearer',
        expires_in: Math.round((record.expiresAt - state.now()) / 1000),
        scope: record.scopes.join(','),
        account_id: record.accountId,
        organization_id: record.organizationId,
        client_id: record.clientId,
      }
      if (record.refreshToken) body.refresh_token = record.refreshToken
      return reply(c, input, body, `Token minted for ${String(input.data.email)}`)
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  // Every secret issued since the last reset, so browser tests can sweep the page for leaks.
  routes.get('/tokens', (c) =>
    c.json({
      tokens: [...state.tokens.accessTokens.values()].map((record) => ({
        token: record.token,
        refreshToken: record.refreshToken ?? null,
        email: state.directory.person(record.accountId)?.email ?? null,
        organizationId: record.organizationId,
        clientId: record.clientId,
        grant: record.grant,
        scopes: record.scopes,
        revoked: record.revoked,
        expired: record.expiresAt <= state.now(),
      })),
      codes: [...state.tokens.codes.keys()],
    }),
  )

  routes.post('/tokens/expire', async (c) => {
    const input = await readInput(c)
    try {
      const records = selectTokens(state, input.data)
      for (const record of records) record.expiresAt = Math.min(record.expiresAt, state.now())
      state.credentialsChanged()
      return reply(c, input, { expired: records.length }, `Expired ${records.length} token(s)`)
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  routes.post('/tokens/revoke', async (c) => {
    const input = await readInput(c)
    try {
      const records = selectTokens(state, input.data)
      for (const record of records) state.tokens.revokeAccessToken(record)
      return reply(c, input, { revoked: records.length }, `Revoked ${records.length} token(s)`)
    } catch (error) {
      return replyError(c, input, error)
    }
  })

  return routes
}

function mint(state: SandboxState, data: Record<string, unknown>): AccessTokenRecord {
  const email = stringField(data, 'email')
  const account = email ? state.directory.personByEmail(email) : undefined
  if (!account) throw new ControlError('email must be one of the sandbox people')
  const organizationId = organizationField(state, data, account)
  // The role that decides the scopes is the one in that organization.
  const person = state.directory.member(account.accountId, organizationId) ?? account
  const clientId = stringField(data, 'clientId') ?? CLIENT_ID
  const client = state.clients.find(clientId)
  if (!client) throw new ControlError('clientId is not a sandbox client')
  const scopes = scopesField(data, 'scopes') ?? [...AGENT_SCOPES]
  // A token no sign-in could produce would make tests prove nothing: keep to the role's scopes.
  for (const scope of scopes) {
    if (SCOPE_ROLE[scope] !== undefined && !roleCanHold(person.role, scope)) {
      throw new ControlError(`invalid_scope: ${person.name} (${person.role}) cannot hold ${scope}`)
    }
  }
  const grant = (stringField(data, 'grant') ?? 'implicit') as Grant
  if (!GRANTS.includes(grant)) throw new ControlError(`grant must be one of: ${GRANTS.join(', ')}`)
  const region = stringField(data, 'region') as Region | undefined
  if (region !== undefined && !REGIONS.includes(region))
    throw new ControlError(`region must be one of: ${REGIONS.join(', ')}`)
  const record = state.tokens.issueAccessToken({
    accountId: person.accountId,
    clientId,
    organizationId,
    scopes,
    grant,
    sessionId: null,
    withRefreshToken: grant !== 'implicit',
  })
  if (region && !record.token.startsWith(`${region}:`)) {
    // Another data centre's token: same record under a re-prefixed string.
    state.tokens.accessTokens.delete(record.token)
    record.token = `${region}:${record.token.slice(record.token.indexOf(':') + 1)}`
    state.tokens.accessTokens.set(record.token, record)
  }
  return record
}

function selectTokens(state: SandboxState, data: Record<string, unknown>): AccessTokenRecord[] {
  const token = stringField(data, 'token')
  const email = stringField(data, 'email')
  if (token) {
    const record = state.tokens.accessTokens.get(token)
    if (!record) throw new ControlError('unknown token', 404)
    return [record]
  }
  if (email) {
    const person = state.directory.personByEmail(email)
    if (!person) throw new ControlError('email must be one of the sandbox people')
    return [...state.tokens.accessTokens.values()].filter(
      (r) => r.accountId === person.accountId && !r.revoked,
    )
  }
  throw new ControlError('token or email is required')
}
