// Every `agent_disconnected` reason the sandbox can cause, each followed by a close (U6), and
// the socket controls: docs/RTM.md (reasons, update_session, remote logout), docs/RTM.md
// U6, U8, U16, U17; issue 11's /sandbox/rtm/* contract.
import { afterEach, describe, expect, test } from 'vitest'
import { RtmServer, type RtmClient } from '../harness/rtm-kit'

const NINA = 'nina@acme.test'
const SAM = 'sam@acme.test'
const ADAM = 'adam@acme.test'

let server: RtmServer
afterEach(async () => server?.close())

async function start(options: Parameters<typeof RtmServer.start>[0] = {}) {
  server = await RtmServer.start(options)
  return server
}

/** The push, then the close with the reason as close reason (U6). */
async function endedWith(client: RtmClient, reason: string, data?: unknown) {
  const push = await client.push('agent_disconnected')
  expect(push.payload).toEqual(data === undefined ? { reason } : { reason, data })
  const closed = await client.closed
  expect(closed).toEqual({ code: 1000, reason })
  const order = client.frames.map((f) => f.action)
  expect(order.at(-1)).toBe('agent_disconnected')
}

async function loginWith(token: string) {
  return (await server.login({ token: `Bearer ${token}` })).client
}

describe('access_token_expired (U16)', () => {
  test('POST /sandbox/tokens/expire ends the sockets of that token, no one else’s', async () => {
    await start()
    const token = server.token(NINA)
    const client = await loginWith(token)
    const other = await loginWith(server.token(NINA))
    expect((await server.post('/sandbox/tokens/expire', { token })).body).toEqual({ expired: 1 })
    await endedWith(client, 'access_token_expired')
    await other.sync()
    expect(other.isOpen).toBe(true)
  })

  test('POST /sandbox/clock past the token lifetime ends the socket', async () => {
    await start()
    const client = await loginWith(server.token(NINA))
    await server.post('/sandbox/clock', { advanceSeconds: 28_801 })
    await endedWith(client, 'access_token_expired')
  })

  test('the token’s own lifetime running out ends the socket by itself', async () => {
    await start({ tokenLifetime: 0.3 })
    const client = await loginWith(server.token(NINA))
    await endedWith(client, 'access_token_expired')
  })

  test('update_session with a new token keeps the socket past the old token’s expiry', async () => {
    await start({ tokenLifetime: 0.4 })
    const old = server.token(NINA)
    const client = await loginWith(old)
    server.sandbox.state.setOptions({ tokenLifetime: 3600 })
    const renewed = server.token(NINA)
    const response = await client.request('update_session', { token: `Bearer ${renewed}` })
    expect(response).toMatchObject({ success: true, payload: {} })
    await new Promise((resolve) => setTimeout(resolve, 600))
    await client.sync()
    expect(client.pushes('agent_disconnected')).toEqual([])
    // The socket now lives and dies with the new token.
    await server.post('/sandbox/tokens/expire', { token: renewed })
    await endedWith(client, 'access_token_expired')
  })

  test('update_session with a bad token, or another account’s, is authentication and changes nothing', async () => {
    await start()
    const token = server.token(NINA)
    const client = await loginWith(token)
    const bad = await client.request('update_session', { token: 'Bearer dal:nope' })
    expect(bad.payload.error.type).toBe('authentication')
    const foreign = await client.request('update_session', { token: `Bearer ${server.token(SAM)}` })
    expect(foreign.payload.error.type).toBe('authentication')
    await server.post('/sandbox/tokens/expire', { token })
    await endedWith(client, 'access_token_expired')
  })
})

describe('access_token_revoked (U17)', () => {
  test('POST /sandbox/tokens/revoke ends the socket', async () => {
    await start()
    const token = server.token(NINA)
    const client = await loginWith(token)
    await server.post('/sandbox/tokens/revoke', { token })
    await endedWith(client, 'access_token_revoked')
  })

  test('the app’s own revocation (DELETE /v2/token) ends the socket', async () => {
    await start()
    const token = server.token(NINA)
    const client = await loginWith(token)
    const response = await fetch(`${server.origin}/v2/token?code=${encodeURIComponent(token)}`, {
      method: 'DELETE',
    })
    expect(response.status).toBe(200)
    await endedWith(client, 'access_token_revoked')
  })
})

describe('agent_logged_out_remotely', () => {
  test('logout {agent_id} by someone with agents--all:rw ends every socket of that agent', async () => {
    await start()
    const nina1 = await loginWith(server.token(NINA))
    const nina2 = await loginWith(server.token(NINA))
    const sam = await loginWith(server.token(SAM))
    const adam = await loginWith(server.token(ADAM, ['agents--all:rw', 'chats--access:ro']))
    const response = await adam.request('logout', { agent_id: NINA })
    expect(response).toMatchObject({ success: true, payload: {} })
    await endedWith(nina1, 'agent_logged_out_remotely')
    await endedWith(nina2, 'agent_logged_out_remotely')
    await sam.sync()
    expect(sam.isOpen && adam.isOpen).toBe(true)
  })

  test('without agents--all:rw a remote logout is authorization; nobody is logged out', async () => {
    await start()
    const nina = await loginWith(server.token(NINA))
    const sam = await loginWith(server.token(SAM))
    const response = await sam.request('logout', { agent_id: NINA })
    expect(response.payload.error.type).toBe('authorization')
    await nina.sync()
    expect(nina.isOpen).toBe(true)
  })
})

describe('U8 connection cap', () => {
  test('refuse (default): past rtmMaxConnectionsPerAgent the new socket gets too_many_connections', async () => {
    await start({ rtmMaxConnectionsPerAgent: 2 })
    const first = await loginWith(server.token(NINA))
    await loginWith(server.token(NINA))
    const third = await server.connect()
    third.send({
      request_id: 'l3',
      action: 'login',
      payload: { token: `Bearer ${server.token(NINA)}` },
    })
    await endedWith(third, 'too_many_connections')
    expect(third.frames.some((f) => f.type === 'response' && f.request_id === 'l3')).toBe(false)
    // Other agents are not counted against Nina's cap.
    await loginWith(server.token(SAM))
    await first.sync()
    expect(first.isOpen).toBe(true)
  })

  test('evict-oldest: the oldest socket gets connection_evicted and the new one logs in', async () => {
    await start({ rtmMaxConnectionsPerAgent: 2, rtmConnectionLimitPolicy: 'evict-oldest' })
    const oldest = await loginWith(server.token(NINA))
    const middle = await loginWith(server.token(NINA))
    const newest = await loginWith(server.token(NINA))
    await endedWith(oldest, 'connection_evicted')
    await middle.sync()
    await newest.sync()
    expect(middle.isOpen && newest.isOpen).toBe(true)
  })
})

describe('misdirected_connection', () => {
  test('a token of another region: misdirected_request in the response, then the push with data.region', async () => {
    await start({ apiRegion: 'fra' })
    const client = await server.connect()
    const response = await client.request('login', { token: `Bearer ${server.token(NINA)}` })
    expect(response.payload.error).toEqual({
      type: 'misdirected_request',
      message: 'Wrong region',
      data: { region: 'fra' },
    })
    await endedWith(client, 'misdirected_connection', { region: 'fra' })
  })

  test('a token of the region the sandbox plays logs in', async () => {
    await start({ apiRegion: 'fra' })
    const client = await server.connect()
    const response = await client.request('login', {
      token: `Bearer ${server.token(NINA, undefined, 'fra')}`,
    })
    expect(response.success).toBe(true)
  })
})

describe('POST /sandbox/rtm/disconnect and /drop, GET /sandbox/rtm/connections', () => {
  test('connections lists every socket: logged in or not, with account, email, time and pushes sent', async () => {
    await start()
    const anonymous = await server.connect()
    const nina = await loginWith(server.token(NINA))
    await nina.push('incoming_customers')
    await anonymous.sync()
    const response = await fetch(`${server.origin}/sandbox/rtm/connections`)
    const { connections } = (await response.json()) as { connections: Record<string, unknown>[] }
    expect(connections).toHaveLength(2)
    expect(connections).toContainEqual({
      id: expect.any(String),
      account_id: null,
      email: null,
      organization_id: null,
      logged_in: false,
      since: expect.stringMatching(/Z$/),
      pushes_sent: 0,
      credential: null,
    })
    expect(connections).toContainEqual({
      id: expect.any(String),
      account_id: server.sandbox.state.directory.personByEmail(NINA)?.accountId,
      email: NINA,
      organization_id: server.sandbox.state.directory.primary.id,
      logged_in: true,
      since: expect.stringMatching(/Z$/),
      pushes_sent: 1,
      credential: 'oauth',
    })
  })

  test.each([
    'role_permissions_changed',
    'agent_disconnected_by_server',
    'license_expired',
    'internal_error',
  ])(
    'disconnect {email, reason: %s} sends that reason to the person’s sockets and closes them',
    async (reason) => {
      await start()
      const nina = await loginWith(server.token(NINA))
      const sam = await loginWith(server.token(SAM))
      const result = await server.post('/sandbox/rtm/disconnect', { email: NINA, reason })
      expect(result).toEqual({ status: 200, body: { disconnected: 1 } })
      await endedWith(nina, reason)
      await sam.sync()
      expect(sam.isOpen).toBe(true)
    },
  )

  test('disconnect by token picks that token’s socket; misdirected_connection carries data.region', async () => {
    await start()
    const token = server.token(NINA)
    const one = await loginWith(token)
    const two = await loginWith(server.token(NINA))
    await server.post('/sandbox/rtm/disconnect', {
      token,
      reason: 'misdirected_connection',
      region: 'fra',
    })
    await endedWith(one, 'misdirected_connection', { region: 'fra' })
    await two.sync()
    expect(two.isOpen).toBe(true)
  })

  test('disconnect needs a documented reason; unknown people and tokens are refused', async () => {
    await start()
    expect((await server.post('/sandbox/rtm/disconnect', { reason: 'bored' })).status).toBe(400)
    expect(
      (await server.post('/sandbox/rtm/disconnect', { email: 'x@y.z', reason: 'internal_error' }))
        .status,
    ).toBe(400)
    expect(
      (await server.post('/sandbox/rtm/disconnect', { token: 'dal:x', reason: 'internal_error' }))
        .status,
    ).toBe(404)
  })

  test('drop closes without a push, like a network failure (1006 for the client)', async () => {
    await start()
    const nina = await loginWith(server.token(NINA))
    const sam = await loginWith(server.token(SAM))
    expect((await server.post('/sandbox/rtm/drop', { email: NINA })).body).toEqual({ dropped: 1 })
    expect((await nina.closed).code).toBe(1006)
    expect(nina.pushes('agent_disconnected')).toEqual([])
    await sam.sync()
    expect(sam.isOpen).toBe(true)
    // No email: every socket.
    expect((await server.post('/sandbox/rtm/drop', {})).body).toEqual({ dropped: 1 })
    expect((await sam.closed).code).toBe(1006)
  })

  test('POST /sandbox/reset ends every socket with agent_disconnected_by_server', async () => {
    await start()
    const nina = await loginWith(server.token(NINA))
    const anonymous = await server.connect()
    await server.post('/sandbox/reset', {})
    await endedWith(nina, 'agent_disconnected_by_server')
    expect((await anonymous.closed).code).toBe(1000)
    const { connections } = (await (
      await fetch(`${server.origin}/sandbox/rtm/connections`)
    ).json()) as {
      connections: unknown[]
    }
    expect(connections).toEqual([])
  })
})
