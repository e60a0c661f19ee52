// The RTM endpoint, framing and connection lifecycle through a real WebSocket client, against
// docs/RTM.md (URL, handshake, framing, limits), docs/RTM.md (state machine, login
// request and response) and the emulator options of docs/RTM.md (U1–U21)
import { afterEach, describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import { ORGANIZATION } from '../../src/seed/identity'
import { RtmServer, sleep, type RtmClient } from '../harness/rtm-kit'

const NINA = 'nina@acme.test'
const SAM = 'sam@acme.test'

let server: RtmServer
afterEach(async () => server?.close())

async function start(options: Parameters<typeof RtmServer.start>[0] = {}) {
  server = await RtmServer.start(options)
  return server
}

/** The HTTP status a refused upgrade answers with. */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      ws.close()
      reject(new Error('upgrade was accepted'))
    })
    ws.on('error', () => undefined)
  })
}

describe('the endpoint', () => {
  test('ws://…/v3.6/agent/rtm/ws accepts the upgrade without organization_id (U1 default)', async () => {
    await start()
    const client = await server.connect()
    expect(client.isOpen).toBe(true)
  })

  test('another version of the path is 404, and so is any other path', async () => {
    await start()
    expect(await upgradeStatus(`${server.wsOrigin}/v3.5/agent/rtm/ws`)).toBe(404)
    expect(await upgradeStatus(`${server.wsOrigin}/v3.7/agent/rtm/ws`)).toBe(404)
    expect(await upgradeStatus(`${server.wsOrigin}/v3.6/customer/rtm/ws`)).toBe(404)
    expect(await upgradeStatus(`${server.wsOrigin}/v3.6/agent/action/list_chats`)).toBe(404)
  })

  test('U1 requireOrganizationId: an upgrade without organization_id is refused with 400', async () => {
    await start({ requireOrganizationId: true })
    expect(await upgradeStatus(`${server.wsOrigin}/v3.6/agent/rtm/ws`)).toBe(400)
    const client = await server.connect(`?organization_id=${ORGANIZATION.id}`)
    expect(client.isOpen).toBe(true)
  })

  test('U1 organization_id, when given, must be the token’s organization at login', async () => {
    await start()
    const right = await server.connect(`?organization_id=${ORGANIZATION.id}`)
    const ok = await right.request('login', { token: `Bearer ${server.token(NINA)}` })
    expect(ok.success).toBe(true)
    const wrong = await server.connect('?organization_id=00000000-0000-4000-8000-000000000000')
    const refused = await wrong.request('login', { token: `Bearer ${server.token(NINA)}` })
    expect(refused.success).toBe(false)
    expect(refused.payload.error.type).toBe('authentication')
  })

  test('U2 an offered subprotocol is answered with the first one', async () => {
    await start()
    const ws = new WebSocket(`${server.wsOrigin}/v3.6/agent/rtm/ws`, ['lc-first', 'lc-second'])
    await new Promise((resolve) => ws.once('open', resolve))
    expect(ws.protocol).toBe('lc-first')
    ws.close()
  })
})

describe('framing', () => {
  test('a response echoes request_id and action, with type "response" and success', async () => {
    await start()
    const client = await server.connect()
    const response = await client.request('ping', {})
    expect(response).toEqual({
      request_id: response.request_id,
      action: 'ping',
      type: 'response',
      success: true,
      payload: {},
    })
  })

  test('without a request_id the response carries none', async () => {
    await start()
    const client = await server.connect()
    client.send({ action: 'ping' })
    const response = await client.waitFor((f) => f.action === 'ping')
    expect(response).toEqual({ action: 'ping', type: 'response', success: true, payload: {} })
  })

  test('a numeric request_id (the Python SDK’s) is echoed as sent', async () => {
    await start()
    const client = await server.connect()
    client.send({ request_id: 12345, action: 'ping' })
    expect((await client.waitFor((f) => f.request_id === 12345)).success).toBe(true)
  })

  test('errors are success:false with payload {error:{type, message}}', async () => {
    await start()
    const client = await server.connect()
    const response = await client.request('login', {})
    expect(response).toMatchObject({ action: 'login', type: 'response', success: false })
    expect(response.payload).toEqual({
      error: { type: 'validation', message: '`token` is required', data: { field: 'token' } },
    })
  })

  test('a request without an action is validation, its request_id echoed', async () => {
    await start()
    const client = await server.connect()
    client.send({ request_id: 'no-action', payload: {} })
    const response = await client.waitFor((f) => f.request_id === 'no-action')
    expect(response.payload.error.type).toBe('validation')
  })

  test('U21 malformed JSON and binary frames are ignored; the socket stays open', async () => {
    await start()
    const client = await server.connect()
    client.send('{"action": "ping", ')
    client.ws.send(Buffer.from([1, 2, 3]), { binary: true })
    client.send('[1,2,3]')
    await client.sync()
    expect(client.frames).toHaveLength(1)
  })

  test('U21 rtmStrictFrames closes on a malformed frame', async () => {
    await start({ rtmStrictFrames: true })
    const client = await server.connect()
    client.send('not json')
    expect((await client.closed).code).toBe(1007)
  })

  test('U20 version: absent or "3.6" is served, "3.7" is validation, older is unsupported_version', async () => {
    await start()
    const client = await server.connect()
    expect((await client.request('ping', {}, { version: '3.6' })).success).toBe(true)
    expect((await client.request('ping', {}, { version: '3.7' })).payload.error.type).toBe(
      'validation',
    )
    expect((await client.request('ping', {}, { version: '3.5' })).payload.error.type).toBe(
      'unsupported_version',
    )
  })
})

describe('before login', () => {
  test('U3 ping is answered with success and {} before login, also without a payload (JS SDK form)', async () => {
    await start()
    const client = await server.connect()
    client.send({ request_id: 'sdk-ping', action: 'ping' })
    expect(await client.waitFor((f) => f.request_id === 'sdk-ping')).toMatchObject({
      success: true,
      payload: {},
    })
  })

  test('U3 rtmPreLoginPing "ignore" leaves it unanswered; "error" answers authentication', async () => {
    await start({ rtmPreLoginPing: 'ignore' })
    const quiet = await server.connect()
    quiet.send({ request_id: 'p', action: 'ping' })
    await quiet.request('login', { token: `Bearer ${server.token(NINA)}` })
    await quiet.sync()
    expect(quiet.frames.some((f) => f.request_id === 'p')).toBe(false)
    server.sandbox.state.setOptions({ rtmPreLoginPing: 'error' })
    const strict = await server.connect()
    expect((await strict.request('ping')).payload.error.type).toBe('authentication')
  })

  test('U4 any other action before login is authentication; the socket stays open', async () => {
    await start()
    const client = await server.connect()
    const response = await client.request('list_chats', {})
    expect(response.success).toBe(false)
    expect(response.payload.error.type).toBe('authentication')
    expect((await client.request('ping')).success).toBe(true)
  })
})

describe('login', () => {
  test('succeeds with "Bearer <token>" and answers {license, my_profile, chats_summary}', async () => {
    await start()
    const { response } = await server.login({ email: NINA })
    expect(Object.keys(response.payload).sort()).toEqual(['chats_summary', 'license', 'my_profile'])
    expect(response.payload.license).toMatchObject({
      id: ORGANIZATION.licenseId,
      organization_id: ORGANIZATION.id,
      plan: expect.any(String),
      expiration_timestamp: expect.any(Number),
      creation_timestamp: expect.any(Number),
      in_trial: false,
    })
    expect(response.payload.my_profile).toMatchObject({
      id: NINA,
      type: 'agent',
      name: 'Nina Agent',
      email: NINA,
      present: true,
      routing_status: 'accepting_chats',
      permission: 'normal',
      events_seen_up_to: expect.stringMatching(/Z$/),
    })
  })

  test('U14 chats_summary: the agent’s chats and the active chats of her groups, never Support’s', async () => {
    await start()
    const { response } = await server.login({ email: NINA })
    const world = server.sandbox.state.world
    const ids = response.payload.chats_summary.map((c: { id: string }) => c.id)
    const expected = world.chats
      .filter((chat) => chat.access.group_ids.some((g) => g === 0 || g === 1))
      .filter((chat) => chat.threads.at(-1)?.active || chat.users.some((u) => u.id === NINA))
      .map((chat) => chat.id)
    expect([...ids].sort()).toEqual([...expected].sort())
    expect(ids.length).toBeGreaterThan(0)
    const support = world.chats.filter(
      (c) => c.access.group_ids.includes(2) && !c.users.some((u) => u.id === NINA),
    )
    for (const chat of support) expect(ids).not.toContain(chat.id)
    // The list_chats shape (data structures, "Chat summary").
    expect(response.payload.chats_summary[0]).toMatchObject({
      id: expect.any(String),
      last_thread_summary: expect.any(Object),
      users: expect.any(Array),
      is_followed: expect.any(Boolean),
    })
  })

  test('incoming_customers is pushed after the login response, only with customers:ro', async () => {
    await start()
    const { client } = await server.login({ email: NINA })
    const push = await client.push('incoming_customers')
    expect(push.payload).toEqual({ customer_monitoring_level: 'my', customers: expect.any(Array) })
    const order = client.frames.map((f) => f.action)
    expect(order.indexOf('login')).toBeLessThan(order.indexOf('incoming_customers'))
    const without = await server.login({ email: SAM, scopes: ['chats--access:ro'] })
    await without.client.sync()
    expect(without.client.pushes('incoming_customers')).toEqual([])
  })

  test('customer_monitoring_level chosen at login is echoed in incoming_customers', async () => {
    await start()
    const { client } = await server.login(
      { email: NINA },
      { customer_monitoring_level: 'chatting' },
    )
    const push = await client.push('incoming_customers')
    expect(push.payload.customer_monitoring_level).toBe('chatting')
    const my = (await server.login({ email: SAM })).client
    const mine = await my.push('incoming_customers')
    expect(push.payload.customers.length).toBeGreaterThanOrEqual(mine.payload.customers.length)
  })

  test('another client’s token is fine: any live token of the agent logs in', async () => {
    await start()
    const state = server.sandbox.state
    const person = state.directory.personByEmail(NINA)
    const other = state.tokens.issueAccessToken({
      accountId: person?.accountId as string,
      clientId: 'fedcba9876543210fedcba9876543210',
      organizationId: ORGANIZATION.id,
      scopes: ['chats--access:ro'],
      grant: 'implicit',
      sessionId: null,
      withRefreshToken: false,
    })
    const { response } = await server.login({ token: `Bearer ${other.token}` })
    expect(response.payload.my_profile.id).toBe(NINA)
  })

  test.each([
    ['an unknown token', () => 'Bearer dal:not-a-token'],
    ['the token without the "Bearer " prefix', () => server.token(NINA)],
    [
      'an expired token',
      () => {
        const token = server.token(NINA)
        const record = server.sandbox.state.tokens.accessTokens.get(token)
        if (record) record.expiresAt = server.sandbox.state.now() - 1
        return `Bearer ${token}`
      },
    ],
    [
      'a revoked token',
      () => {
        const token = server.token(NINA)
        const record = server.sandbox.state.tokens.accessTokens.get(token)
        if (record) server.sandbox.state.tokens.revokeAccessToken(record)
        return `Bearer ${token}`
      },
    ],
    ['an empty token', () => ''],
  ])('U5 refuses %s with authentication, and the socket stays open', async (_label, token) => {
    await start()
    const client = await server.connect()
    const value = token()
    const response = await client.request('login', { token: value })
    expect(response.success).toBe(false)
    expect(response.payload.error.type).toBe(value === '' ? 'validation' : 'authentication')
    if (value !== '') expect(response.payload.error.message).toBe('Invalid access token')
    // Still open, and a good login afterwards works.
    expect((await client.request('login', { token: `Bearer ${server.token(NINA)}` })).success).toBe(
      true,
    )
  })

  test('a second login on a logged-in socket is validation', async () => {
    await start()
    const { client } = await server.login({ email: NINA })
    const again = await client.request('login', { token: `Bearer ${server.token(NINA)}` })
    expect(again.payload.error.type).toBe('validation')
  })

  test('login options are validated: a bad customer_monitoring_level is validation', async () => {
    await start()
    const client = await server.connect()
    const response = await client.request('login', {
      token: `Bearer ${server.token(NINA)}`,
      customer_monitoring_level: 'everyone',
    })
    expect(response.payload.error.type).toBe('validation')
  })
})

describe('/ U9 limits', () => {
  test('at most 10 pending requests: the 11th is answered at once with pending_requests_limit_reached', async () => {
    await start()
    const client = await server.connect()
    server.sandbox.state.latencyMs = 300
    for (let i = 1; i <= 11; i++) client.send({ request_id: `p${i}`, action: 'ping' })
    const refused = await client.waitFor((f) => f.request_id === 'p11')
    expect(refused.payload.error).toEqual({
      type: 'pending_requests_limit_reached',
      message: 'Requests limit reached',
    })
    // The other ten were not answered yet when the 11th was refused, and all are answered later.
    expect(client.frames).toHaveLength(1)
    await client.waitFor((f) => f.request_id === 'p10', 3000)
    expect(client.frames.filter((f) => f.success)).toHaveLength(10)
  })

  test('rtmPendingRequestsLimit changes the limit', async () => {
    await start({ rtmPendingRequestsLimit: 2 })
    const client = await server.connect()
    server.sandbox.state.latencyMs = 200
    for (let i = 1; i <= 3; i++) client.send({ request_id: `p${i}`, action: 'ping' })
    expect((await client.waitFor((f) => f.request_id === 'p3')).payload.error.type).toBe(
      'pending_requests_limit_reached',
    )
  })

  test('a request slower than rtmRequestTimeoutMs gets request_timeout', async () => {
    await start({ rtmRequestTimeoutMs: 100 })
    const client = await server.connect()
    server.sandbox.state.latencyMs = 5000
    const response = await client.request('ping')
    expect(response.payload.error).toEqual({
      type: 'request_timeout',
      message: 'Request timed out',
    })
  })
})

describe('/ U7 timeouts', () => {
  async function disconnection(client: RtmClient) {
    const push = await client.push('agent_disconnected', () => true, 3000)
    const closed = await client.closed
    return { reason: push.payload.reason, code: closed.code, closeReason: closed.reason }
  }

  test('no login within rtmLoginTimeoutMs: agent_disconnected connection_timeout, then close', async () => {
    await start({ rtmLoginTimeoutMs: 150 })
    const client = await server.connect()
    expect(await disconnection(client)).toEqual({
      reason: 'connection_timeout',
      code: 1000,
      closeReason: 'connection_timeout',
    })
  })

  test('a login in time clears the deadline', async () => {
    await start({ rtmLoginTimeoutMs: 150, rtmIdleTimeoutMs: 5000 })
    const { client } = await server.login({ email: NINA })
    await sleep(300)
    expect(client.isOpen).toBe(true)
  })

  test('after login, silence longer than rtmIdleTimeoutMs ends the socket with connection_timeout', async () => {
    await start({ rtmIdleTimeoutMs: 200 })
    const { client } = await server.login({ email: NINA })
    expect((await disconnection(client)).reason).toBe('connection_timeout')
  })

  test('protocol pings keep a logged-in socket alive past the idle timeout', async () => {
    await start({ rtmIdleTimeoutMs: 400 })
    const { client } = await server.login({ email: NINA })
    for (let i = 0; i < 8; i++) {
      await sleep(100)
      await client.request('ping')
    }
    expect(client.isOpen).toBe(true)
    expect(client.pushes('agent_disconnected')).toEqual([])
  })

  test('control-frame pings (RFC 6455, the Python SDK’s) count as activity too', async () => {
    await start({ rtmIdleTimeoutMs: 400 })
    const { client } = await server.login({ email: NINA })
    let pongs = 0
    client.ws.on('pong', () => (pongs += 1))
    for (let i = 0; i < 8; i++) {
      await sleep(100)
      client.ws.ping()
    }
    await sleep(20)
    expect(client.isOpen).toBe(true)
    expect(pongs).toBeGreaterThan(0)
  })

  test('U6 rtmDisconnectCloseCode and rtmDisconnectCloseDelayMs shape the close after the push', async () => {
    await start({
      rtmLoginTimeoutMs: 50,
      rtmDisconnectCloseCode: 4001,
      rtmDisconnectCloseDelayMs: 200,
    })
    const client = await server.connect()
    await client.push('agent_disconnected')
    const pushedAt = Date.now()
    const closed = await client.closed
    expect(Date.now() - pushedAt).toBeGreaterThanOrEqual(150)
    expect(closed.code).toBe(4001)
  })
})

describe('logout', () => {
  test('logout answers {} and then closes the socket normally', async () => {
    await start()
    const { client } = await server.login({ email: NINA })
    expect((await client.request('logout', {})).payload).toEqual({})
    expect(await client.closed).toEqual({ code: 1000, reason: 'logout' })
    expect(client.pushes('agent_disconnected')).toEqual([])
  })
})
