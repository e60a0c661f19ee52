// Sign-out, sessions and who-am-I (docs/ACCOUNTS.md): a revoked or signed-out token is dead
// everywhere.
import { describe, expect, test } from 'vitest'
import { ORGANIZATION } from '../../src/seed/identity'
import {
  Browser,
  accountIdOf,
  authorizeQuery,
  bearer,
  implicitToken,
  isSignInPage,
  newSandbox,
} from '../harness/accounts-kit'

const INSUFFICIENT = {
  error: 'access_denied',
  sub_error: 'insufficient_scope',
  error_description: 'The resource owner or authorization server denied the request.',
}

describe('DELETE /v2/sessions: sign out everywhere', () => {
  test('ends every session of the account and revokes all its tokens, 200 {}', async () => {
    const { sandbox, browser: laptop } = newSandbox()
    const phone = new Browser(sandbox)
    const laptopToken = await implicitToken(laptop, 'Nina Agent')
    const phoneToken = await implicitToken(phone, 'Nina Agent')
    const otherApp = await implicitToken(phone, 'Nina Agent', {
      client_id: 'fedcba9876543210fedcba9876543210',
    })
    const samToken = await implicitToken(new Browser(sandbox), 'Sam Support')

    const response = await sandbox.app.request('/v2/sessions', {
      method: 'DELETE',
      headers: { ...bearer(laptopToken), 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({})

    for (const token of [laptopToken, phoneToken, otherApp]) {
      expect((await sandbox.app.request('/v2/info', { headers: bearer(token) })).status).toBe(401)
    }
    expect((await sandbox.app.request('/v2/info', { headers: bearer(samToken) })).status).toBe(200)
    // The accounts session is gone too: the next authorize asks who you are.
    expect(isSignInPage(await (await laptop.get(`/?${authorizeQuery()}`)).text())).toBe(true)
    expect(isSignInPage(await (await phone.get(`/?${authorizeQuery()}`)).text())).toBe(true)
  })

  test('needs sessions--my:rw (403 insufficient_scope) and a live token (401)', async () => {
    const { sandbox, browser } = newSandbox()
    const token = await implicitToken(browser, 'Nina Agent', { scope: 'accounts--my:ro' })
    const forbidden = await sandbox.app.request('/v2/sessions', {
      method: 'DELETE',
      headers: bearer(token),
    })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toEqual(INSUFFICIENT)
    expect((await sandbox.app.request('/v2/info', { headers: bearer(token) })).status).toBe(200)
    const noToken = await sandbox.app.request('/v2/sessions', { method: 'DELETE' })
    expect(noToken.status).toBe(401)
    expect(await noToken.json()).toMatchObject({ error: 'unauthorized' })
  })
})

describe('one session at a time', () => {
  test('GET /v2/sessions lists my live sessions, marks the current one, names the apps in it', async () => {
    const { sandbox, browser: laptop } = newSandbox()
    const laptopToken = await implicitToken(laptop, 'Nina Agent')
    await implicitToken(new Browser(sandbox), 'Nina Agent')
    await implicitToken(new Browser(sandbox), 'Sam Support')
    const response = await sandbox.app.request('/v2/sessions', { headers: bearer(laptopToken) })
    expect(response.status).toBe(200)
    const sessions = (await response.json()) as Record<string, unknown>[]
    expect(sessions).toHaveLength(2)
    expect(sessions.filter((s) => s.current)).toHaveLength(1)
    expect(sessions[0]).toEqual({
      account_id: accountIdOf('Nina Agent'),
      session_id: expect.any(String),
      current: true,
      user_agent: '',
      identity_source: 'credentials',
      ip: '127.0.0.1',
      applications: [
        {
          name: 'Agent Workspace (sandbox)',
          client_id: '0123456789abcdef0123456789abcdef',
          session_id: sessions[0]?.session_id,
        },
      ],
    })
  })

  test('DELETE /v2/sessions/{id} ends that session only; another account’s session is 404', async () => {
    const { sandbox, browser: laptop } = newSandbox()
    const phone = new Browser(sandbox)
    const laptopToken = await implicitToken(laptop, 'Nina Agent')
    const phoneToken = await implicitToken(phone, 'Nina Agent')
    const samToken = await implicitToken(new Browser(sandbox), 'Sam Support')
    const phoneSession = sandbox.state.tokens.accessTokens.get(phoneToken)?.sessionId ?? ''
    const samSession = sandbox.state.tokens.accessTokens.get(samToken)?.sessionId ?? ''

    const notMine = await sandbox.app.request(`/v2/sessions/${samSession}`, {
      method: 'DELETE',
      headers: bearer(laptopToken),
    })
    expect(notMine.status).toBe(404)
    expect(await notMine.json()).toMatchObject({
      error: 'resource_not_found',
      resource_name: 'session',
      resource_id: samSession,
    })

    const response = await sandbox.app.request(`/v2/sessions/${phoneSession}`, {
      method: 'DELETE',
      headers: bearer(laptopToken),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({})
    expect((await sandbox.app.request('/v2/info', { headers: bearer(phoneToken) })).status).toBe(
      401,
    )
    expect((await sandbox.app.request('/v2/info', { headers: bearer(laptopToken) })).status).toBe(
      200,
    )
    expect(isSignInPage(await (await phone.get(`/?${authorizeQuery()}`)).text())).toBe(true)
  })

  test('DELETE /v2/sessions/my (SDK1) ends the session the token was minted in', async () => {
    const { sandbox, browser: laptop } = newSandbox()
    const phone = new Browser(sandbox)
    const laptopToken = await implicitToken(laptop, 'Nina Agent')
    const phoneToken = await implicitToken(phone, 'Nina Agent')
    const response = await sandbox.app.request('/v2/sessions/my', {
      method: 'DELETE',
      headers: bearer(laptopToken),
    })
    expect(response.status).toBe(200)
    expect((await sandbox.app.request('/v2/info', { headers: bearer(laptopToken) })).status).toBe(
      401,
    )
    expect((await sandbox.app.request('/v2/info', { headers: bearer(phoneToken) })).status).toBe(
      200,
    )
    expect(isSignInPage(await (await laptop.get(`/?${authorizeQuery()}`)).text())).toBe(true)
  })
})

describe('GET /v2/accounts/me', () => {
  test('with accounts--my:ro: the account, without roles unless accounts.roles--all:ro was granted', async () => {
    const { sandbox, browser } = newSandbox()
    const token = await implicitToken(browser, 'Adam Admin', { scope: 'accounts--my:ro' })
    const response = await sandbox.app.request('/v2/accounts/me', { headers: bearer(token) })
    expect(response.status).toBe(200)
    const me = (await response.json()) as Record<string, unknown>
    expect(me).toMatchObject({
      account_id: accountIdOf('Adam Admin'),
      name: 'Adam Admin',
      email: 'adam@acme.test',
      email_verified: true,
      default_product: 'LiveChat',
      default_organization_id: ORGANIZATION.id,
      properties: { active: true },
    })
    expect(me).not.toHaveProperty('roles')
  })

  test('with accounts.roles--all:ro the roles are listed (primary Accounts role + LiveChat role)', async () => {
    const { sandbox } = newSandbox()
    const record = sandbox.state.tokens.issueAccessToken({
      accountId: accountIdOf('Olivia Owner'),
      clientId: '0123456789abcdef0123456789abcdef',
      organizationId: ORGANIZATION.id,
      scopes: ['accounts--my:ro', 'accounts.roles--all:ro'],
      grant: 'implicit',
      sessionId: null,
      withRefreshToken: false,
    })
    const me = (await (
      await sandbox.app.request('/v2/accounts/me', { headers: bearer(record.token) })
    ).json()) as {
      roles: { role: string; type: string }[]
    }
    expect(me.roles.map((r) => [r.type, r.role])).toEqual([
      ['primary', 'owner'],
      ['secondary', 'administrator'],
    ])
  })

  test('without accounts--my:ro → 403 access_denied / insufficient_scope; a dead token → 401', async () => {
    const { sandbox, browser } = newSandbox()
    const token = await implicitToken(browser, 'Nina Agent', { scope: 'agents--my:rw' })
    const forbidden = await sandbox.app.request('/v2/accounts/me', { headers: bearer(token) })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toEqual(INSUFFICIENT)
    const dead = await sandbox.app.request('/v2/accounts/me', { headers: bearer('dal:nope') })
    expect(dead.status).toBe(401)
  })

  test('GET /v2/organizations/my names the organization of the token', async () => {
    const { sandbox, browser } = newSandbox()
    const token = await implicitToken(browser, 'Sam Support', { scope: 'agents--my:rw' })
    const response = await sandbox.app.request('/v2/organizations/my', { headers: bearer(token) })
    expect(await response.json()).toEqual({
      organization_id: ORGANIZATION.id,
      name: 'Acme Support',
      license_id: 104130623,
    })
  })
})
