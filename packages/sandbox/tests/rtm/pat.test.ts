// Personal access tokens over RTM: `login {token: "Basic <base64(account_id:PAT)>"}`
// (docs/PAT.md), refusals as for a bad token
// (docs/RTM.md), the PAT's scopes deciding methods and pushes (docs/RTM.md), and a revoked PAT's
// live sockets ending with `access_token_revoked` (docs/RTM.md).
import { afterEach, describe, expect, test } from 'vitest'
import { RtmServer, type Frame, type RtmClient } from '../harness/rtm-kit'

const NINA = 'nina@acme.test'
const SAM = 'sam@acme.test'

let server: RtmServer
afterEach(async () => server?.close())

async function mintPat(account: string, scopes: string[], name = 'rtm'): Promise<Frame> {
  const result = await server.post('/sandbox/pats', { account, name, scopes })
  expect(result.status).toBe(201)
  return result.body
}

async function refusal(client: RtmClient, token: string) {
  const response = await client.request('login', { token })
  return response.success ? 'accepted' : response.payload.error
}

const AGENT = ['chats--access:rw', 'agents--all:ro', 'agents--my:rw', 'customers:ro']

describe('login with Basic', () => {
  test('a PAT logs in as its owner, with the login response of ', async () => {
    server = await RtmServer.start()
    const pat = await mintPat(NINA, AGENT)
    const { response } = await server.login({ token: `Basic ${pat.base64}` })
    expect(response.payload.my_profile).toMatchObject({ id: NINA, name: 'Nina Agent' })
    expect(response.payload.chats_summary.length).toBeGreaterThan(0)
    const connections = (await (
      await fetch(`${server.origin}/sandbox/rtm/connections`)
    ).json()) as {
      connections: Frame[]
    }
    expect(connections.connections[0]).toMatchObject({
      email: NINA,
      credential: 'pat',
      logged_in: true,
    })
  })

  test('every refused form answers authentication "Invalid access token"; the socket stays open', async () => {
    server = await RtmServer.start()
    const pat = await mintPat(NINA, AGENT)
    const samId = server.sandbox.state.directory.personByEmail(SAM)?.accountId
    const client = await server.connect()
    const invalid = { type: 'authentication', message: 'Invalid access token' }
    expect(await refusal(client, `Bearer ${pat.token}`)).toEqual(invalid)
    expect(await refusal(client, `Bearer ${pat.base64}`)).toEqual(invalid)
    expect(await refusal(client, `Basic ${pat.account_id}:${pat.token}`)).toEqual(invalid)
    expect(
      await refusal(client, `Basic ${Buffer.from(`${samId}:${pat.token}`).toString('base64')}`),
    ).toEqual(invalid)
    expect(await refusal(client, pat.base64)).toEqual(invalid)
    expect(await refusal(client, `Basic ${pat.base64}`)).toBe('accepted')
  })

  test('a revoked PAT cannot log in', async () => {
    server = await RtmServer.start()
    const pat = await mintPat(NINA, AGENT)
    await fetch(`${server.origin}/sandbox/pats`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: NINA, name: 'rtm' }),
    })
    const client = await server.connect()
    expect(await refusal(client, `Basic ${pat.base64}`)).toEqual({
      type: 'authentication',
      message: 'Invalid access token',
    })
  })
})

describe('the PAT’s scopes over RTM', () => {
  test('methods: a PAT without a chats scope is refused list_chats with authorization', async () => {
    server = await RtmServer.start()
    const pat = await mintPat(NINA, ['agents--my:rw'])
    const { client } = await server.login({ token: `Basic ${pat.base64}` })
    expect((await client.request('list_chats')).payload.error.type).toBe('authorization')
    expect(
      (await client.request('set_routing_status', { status: 'not_accepting_chats' })).success,
    ).toBe(true)
  })

  test('pushes: only the families its scopes open (no customers:ro → no incoming_customers)', async () => {
    server = await RtmServer.start()
    const pat = await mintPat(NINA, ['chats--access:ro'])
    const { client } = await server.login({ token: `Basic ${pat.base64}` })
    await server.post('/sandbox/customer/chat', { group_id: 1, text: 'Hi PAT' })
    await server.web(server.token(SAM), 'set_routing_status', { status: 'not_accepting_chats' })
    await client.sync()
    expect(client.pushes().map((f) => f.action)).toEqual(['incoming_chat'])
  })
})

describe('revoking a PAT ends its live sockets', () => {
  test('DELETE /sandbox/pats: access_token_revoked, then the close; the owner’s other PAT lives on', async () => {
    server = await RtmServer.start()
    const doomed = await mintPat(NINA, AGENT, 'doomed')
    const kept = await mintPat(NINA, AGENT, 'kept')
    const a = (await server.login({ token: `Basic ${doomed.base64}` })).client
    const b = (await server.login({ token: `Basic ${kept.base64}` })).client
    await fetch(`${server.origin}/sandbox/pats`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: NINA, name: 'doomed' }),
    })
    expect((await a.push('agent_disconnected')).payload).toEqual({ reason: 'access_token_revoked' })
    expect(await a.closed).toEqual({ code: 1000, reason: 'access_token_revoked' })
    await b.sync()
    expect(b.isOpen).toBe(true)
  })

  test('patLifetime: a PAT that expires ends its socket with access_token_expired', async () => {
    server = await RtmServer.start({ patLifetime: 0.3 })
    const pat = await mintPat(NINA, AGENT)
    const { client } = await server.login({ token: `Basic ${pat.base64}` })
    expect((await client.push('agent_disconnected')).payload).toEqual({
      reason: 'access_token_expired',
    })
  })

  test('POST /sandbox/rtm/disconnect {token: <PAT>} selects the PAT’s sockets', async () => {
    server = await RtmServer.start()
    const pat = await mintPat(NINA, AGENT)
    const { client } = await server.login({ token: `Basic ${pat.base64}` })
    const result = await server.post('/sandbox/rtm/disconnect', {
      token: pat.token,
      reason: 'role_permissions_changed',
    })
    expect(result.body).toEqual({ disconnected: 1 })
    expect((await client.push('agent_disconnected')).payload.reason).toBe(
      'role_permissions_changed',
    )
  })

  test('update_session may switch an OAuth socket to the same account’s PAT', async () => {
    server = await RtmServer.start()
    const token = server.token(NINA)
    const { client } = await server.login({ token: `Bearer ${token}` })
    const pat = await mintPat(NINA, AGENT)
    expect((await client.request('update_session', { token: `Basic ${pat.base64}` })).success).toBe(
      true,
    )
    await server.post('/sandbox/tokens/revoke', { token })
    await client.sync()
    expect(client.isOpen).toBe(true)
  })
})
