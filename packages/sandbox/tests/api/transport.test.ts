// Transport, authentication and region of the emulated agent APIs (docs/AGENT-API.md): endpoints,
// headers, region and the error format.
import { describe, expect, test } from 'vitest'
import { ApiKit, NINA } from '../harness/api-kit'

describe('transport', () => {
  test('POST /v3.6/agent/action/<method> and /v3.6/configuration/action/<method> answer 200 JSON', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    const chats = await kit.call(token, 'list_chats')
    expect(chats.status).toBe(200)
    expect(chats.headers.get('Content-Type')).toMatch(/application\/json/)
    expect(Array.isArray(chats.body.chats_summary)).toBe(true)
    const agents = await kit.config(token, 'list_agents')
    expect(agents.status).toBe(200)
    expect(Array.isArray(agents.body)).toBe(true)
  })

  test('other v3.x versions are served; legacy v3.5 says Legacy, deprecated v3.4 says Deprecation', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    const v35 = await kit.call(token, 'list_chats', {}, { version: '3.5' })
    expect(v35.status).toBe(200)
    expect(v35.headers.get('Legacy')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const v34 = await kit.call(token, 'list_chats', {}, { version: '3.4' })
    expect(v34.status).toBe(200)
    expect(v34.headers.get('Deprecation')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const v36 = await kit.call(token, 'list_chats')
    expect(v36.headers.get('Legacy')).toBeNull()
    expect(v36.headers.get('Deprecation')).toBeNull()
  })

  test.each(['2.0', '3.0', '3.9', '4.0'])(
    'an unknown version v%s answers 400 unsupported_version',
    async (version) => {
      const kit = new ApiKit()
      const result = await kit.call(kit.token(NINA), 'list_chats', {}, { version })
      expect(result.status).toBe(400)
      expect(result.body).toEqual({
        error: { type: 'unsupported_version', message: 'Cannot call unsupported API versions.' },
      })
    },
  )

  test('an unknown method answers 404 not_found in the error shape', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'list_customers')
    expect(result.status).toBe(404)
    expect(result.body.error.type).toBe('not_found')
    expect(typeof result.body.error.message).toBe('string')
    const configOnAgent = await kit.call(kit.token(NINA), 'list_agents')
    expect(configOnAgent.status).toBe(404)
  })

  test('methods are POST only: GET answers 405 with Allow: POST', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'list_chats', undefined, { httpMethod: 'GET' })
    expect(result.status).toBe(405)
    expect(result.headers.get('Allow')).toBe('POST')
    expect(result.body.error.type).toBe('validation')
  })

  test.each([
    ['not JSON', '{"limit":'],
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('a body that is %s answers 400 validation', async (_name, raw) => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'list_chats', undefined, { raw })
    expect(result.status).toBe(400)
    expect(result.body.error.type).toBe('validation')
  })

  test('an empty body counts as {} [assumed]', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'list_chats', undefined, { raw: '' })
    expect(result.status).toBe(200)
  })

  test('a browser call with an Origin gets CORS headers on the answer, errors included', async () => {
    const kit = new ApiKit()
    const ok = await kit.call(
      kit.token(NINA),
      'list_chats',
      {},
      { headers: { Origin: 'http://localhost:5173' } },
    )
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173')
    const denied = await kit.call(
      'dal:nope',
      'list_chats',
      {},
      { headers: { Origin: 'http://localhost:5173' } },
    )
    expect(denied.status).toBe(401)
    expect(denied.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173')
  })
})

describe('authentication', () => {
  const invalid = { error: { type: 'authentication', message: 'Invalid access token' } }

  test('no Authorization header: 401 authentication "Invalid access token"', async () => {
    const kit = new ApiKit()
    const result = await kit.call(null, 'list_chats')
    expect(result.status).toBe(401)
    expect(result.body).toEqual(invalid)
  })

  test.each([
    ['an unknown token', 'Bearer dal:definitely-not-issued'],
    ['a Basic header (PATs are not emulated)', 'Basic bm9wZTpub3Bl'],
    ['a bare token without the Bearer scheme', 'dal:abc'],
  ])('%s: 401 authentication', async (_name, authorization) => {
    const kit = new ApiKit()
    const result = await kit.call(
      null,
      'list_chats',
      {},
      { headers: { Authorization: authorization } },
    )
    expect(result.status).toBe(401)
    expect(result.body).toEqual(invalid)
  })

  test('an expired token: 401 authentication, on the agent and the configuration API', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    expect((await kit.call(token, 'list_chats')).status).toBe(200)
    kit.state.clockOffsetMs += (kit.state.options.tokenLifetime + 1) * 1000
    const chats = await kit.call(token, 'list_chats')
    expect(chats.status).toBe(401)
    expect(chats.body).toEqual(invalid)
    expect((await kit.config(token, 'list_agents')).status).toBe(401)
  })

  test('a revoked token: 401 authentication', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    const record = kit.state.tokens.accessTokens.get(token)
    if (!record) throw new Error('token not stored')
    kit.state.tokens.revokeAccessToken(record)
    expect((await kit.call(token, 'list_chats')).body).toEqual(invalid)
  })

  test('authentication is checked before the body is read: garbage body with no token is still 401', async () => {
    const kit = new ApiKit()
    const result = await kit.call(null, 'list_chats', undefined, { raw: '{{{' })
    expect(result.status).toBe(401)
  })
})

describe('region', () => {
  function fraToken(kit: ApiKit): string {
    const token = kit.token(NINA)
    const record = kit.state.tokens.accessTokens.get(token)
    if (!record) throw new Error('token not stored')
    kit.state.tokens.accessTokens.delete(token)
    record.token = `fra:${token.slice(token.indexOf(':') + 1)}`
    kit.state.tokens.accessTokens.set(record.token, record)
    return record.token
  }

  test('a dal token on the dal sandbox works with or without X-Region: dal', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    expect(token.startsWith('dal:')).toBe(true)
    expect((await kit.call(token, 'list_chats')).status).toBe(200)
    expect(
      (await kit.call(token, 'list_chats', {}, { headers: { 'X-Region': 'dal' } })).status,
    ).toBe(200)
  })

  test('X-Region naming another region: 421 misdirected_request with data.region = the served region', async () => {
    const kit = new ApiKit()
    const result = await kit.call(
      kit.token(NINA),
      'list_chats',
      {},
      { headers: { 'X-Region': 'fra' } },
    )
    expect(result.status).toBe(421)
    expect(result.body).toEqual({
      error: { type: 'misdirected_request', message: 'Wrong region', data: { region: 'dal' } },
    })
  })

  test('a fra: token without X-Region is misdirected; the retry with X-Region = data.region succeeds', async () => {
    const kit = new ApiKit()
    const token = fraToken(kit)
    const first = await kit.call(token, 'list_chats', {}, { headers: { 'X-Region': 'fra' } })
    expect(first.status).toBe(421)
    const region = first.body.error.data.region
    expect(region).toBe('dal')
    const retry = await kit.call(token, 'list_chats', {}, { headers: { 'X-Region': region } })
    expect(retry.status).toBe(200)
    const bare = await kit.call(token, 'list_chats')
    expect(bare.status).toBe(421)
  })

  test('apiRegion fra: dal tokens are misdirected to fra; the configuration API too', async () => {
    const kit = new ApiKit({ apiRegion: 'fra' })
    const token = kit.token(NINA)
    const result = await kit.config(token, 'list_groups')
    expect(result.status).toBe(421)
    expect(result.body.error.data).toEqual({ region: 'fra' })
  })

  test('an invalid token is an authentication error, not a region error', async () => {
    const kit = new ApiKit()
    const result = await kit.call('fra:unknown', 'list_chats')
    expect(result.status).toBe(401)
  })
})

describe('rate limiter option (off by default)', () => {
  test('off by default: 30 quick calls all succeed', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    const statuses = new Set<number>()
    for (let i = 0; i < 30; i++)
      statuses.add((await kit.call(token, 'list_groups', {}, { api: 'configuration' })).status)
    expect([...statuses]).toEqual([200])
  })

  test('apiRateLimit 3 per 60 s per token and method: the 4th call is 429 too_many_requests with Retry-After', async () => {
    const kit = new ApiKit({ apiRateLimit: 3, apiRateLimitWindowSeconds: 60 })
    const token = kit.token(NINA)
    for (let i = 0; i < 3; i++) expect((await kit.call(token, 'list_chats')).status).toBe(200)
    const limited = await kit.call(token, 'list_chats')
    expect(limited.status).toBe(429)
    expect(limited.body).toEqual({
      error: { type: 'too_many_requests', message: 'Too many requests' },
    })
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect(Number(limited.headers.get('Retry-After'))).toBeLessThanOrEqual(60)
    // Another method and another token have their own budgets.
    expect((await kit.call(token, 'list_archives')).status).toBe(200)
    expect((await kit.call(kit.token(NINA), 'list_chats')).status).toBe(200)
    // The window slides: a minute later the token is unblocked.
    kit.state.clockOffsetMs += 61_000
    expect((await kit.call(token, 'list_chats')).status).toBe(200)
  })
})
