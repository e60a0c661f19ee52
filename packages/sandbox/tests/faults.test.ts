// Fault injection, latency and the request log (docs/AGENT-API.md,
// docs/AGENT-API.md rate limits, docs/AGENT-API.md error shapes; docs/ACCOUNTS.md accounts error shape).
import { describe, expect, test } from 'vitest'
import type { FaultRule } from '../src/fault-rule'
import { ApiKit, NINA } from './harness/api-kit'

async function addFault(kit: ApiKit, fault: Record<string, unknown>): Promise<string> {
  const response = await kit.app.request('/sandbox/faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { id: string }).id
}

const LIST_CHATS = '/v3.6/agent/action/list_chats'

describe('fault rules', () => {
  test('the next N calls to the path fail, then the real API answers again', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    await addFault(kit, { path: LIST_CHATS, status: 503, count: 2 })
    for (let i = 0; i < 2; i++) {
      const failed = await kit.call(token, 'list_chats')
      expect(failed.status).toBe(503)
      expect(failed.body).toEqual({
        error: { type: 'service_unavailable', message: 'Service unavailable' },
      })
    }
    expect((await kit.call(token, 'list_chats')).status).toBe(200)
    expect(kit.state.faults).toEqual([])
  })

  test('a faulted call never reaches the handler: a faulted send_event stores nothing', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => c.users.some((u) => u.id === NINA && u.present))
    const thread = chat.threads[chat.threads.length - 1]
    const before = thread?.events.length
    await addFault(kit, { path: '/v3.6/agent/action/send_event', status: 500 })
    const result = await kit.call(kit.token(NINA), 'send_event', {
      chat_id: chat.id,
      event: { type: 'message', text: 'lost' },
    })
    expect(result.status).toBe(500)
    expect(result.body.error.type).toBe('internal')
    expect(thread?.events.length).toBe(before)
  })

  test.each([
    [400, 'validation'],
    [401, 'authentication'],
    [403, 'authorization'],
    [404, 'not_found'],
    [429, 'too_many_requests'],
    [500, 'internal'],
    [502, 'internal'],
    [503, 'service_unavailable'],
    [504, 'request_timeout'],
  ])('status %s on /v3.* defaults to the agent API error type %s', async (status, type) => {
    const kit = new ApiKit()
    await addFault(kit, { path: '/v3.6/*', status })
    const result = await kit.call(kit.token(NINA), 'list_chats')
    expect(result.status).toBe(status)
    expect(result.body.error.type).toBe(type)
    expect(typeof result.body.error.message).toBe('string')
  })

  test('421 carries data.region = the served region, so the client can retry there', async () => {
    const kit = new ApiKit({ apiRegion: 'fra' })
    await addFault(kit, { path: LIST_CHATS, status: 421 })
    const result = await kit.call(
      kit.token(NINA),
      'list_chats',
      {},
      { headers: { 'X-Region': 'fra' } },
    )
    expect(result.body).toEqual({
      error: { type: 'misdirected_request', message: 'Wrong region', data: { region: 'fra' } },
    })
  })

  test('errorType picks the agent API error, e.g. chat_inactive on 409', async () => {
    const kit = new ApiKit()
    await addFault(kit, { path: LIST_CHATS, status: 409, errorType: 'chat_inactive' })
    const result = await kit.call(kit.token(NINA), 'list_chats')
    expect(result.body).toEqual({ error: { type: 'chat_inactive', message: 'Chat is inactive' } })
  })

  test('429 with Retry-After (too_many_requests), exposed to browsers', async () => {
    const kit = new ApiKit()
    await addFault(kit, { path: LIST_CHATS, status: 429, retryAfter: 5 })
    const result = await kit.call(
      kit.token(NINA),
      'list_chats',
      {},
      { headers: { Origin: 'http://localhost:5173' } },
    )
    expect(result.status).toBe(429)
    expect(result.headers.get('Retry-After')).toBe('5')
    expect(result.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173')
    expect(result.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After')
  })

  test('/v2 paths default to the accounts error shape {error, error_description}', async () => {
    const kit = new ApiKit()
    await addFault(kit, { path: '/v2/info', status: 500 })
    const response = await kit.app.request('/v2/info', {
      headers: { Authorization: `Bearer ${kit.token(NINA)}` },
    })
    expect(response.status).toBe(500)
    const body = (await response.json()) as { error: string; error_description: string }
    expect(body.error).toBe('server_error')
    expect(typeof body.error_description).toBe('string')
  })

  test('json overrides the body, even with a 200 (e.g. too_many_requests in a 200)', async () => {
    const kit = new ApiKit()
    const json = { error: { type: 'too_many_requests', message: 'Too many requests' } }
    await addFault(kit, { path: LIST_CHATS, status: 200, json })
    const result = await kit.call(kit.token(NINA), 'list_chats')
    expect(result.status).toBe(200)
    expect(result.body).toEqual(json)
  })

  test.each([
    ['malformed', /^\{"error":\{"type":"internal","message":"Inter$/, 'application/json'],
    ['empty', /^$/, 'application/json'],
    ['html', /^<!doctype html>/, 'text/html'],
  ])('body %s', async (body, pattern, contentType) => {
    const kit = new ApiKit()
    await addFault(kit, { path: LIST_CHATS, status: 502, body })
    const result = await kit.call(kit.token(NINA), 'list_chats')
    expect(result.status).toBe(502)
    expect(result.text).toMatch(pattern)
    expect(result.headers.get('Content-Type')).toContain(contentType)
  })

  test('path prefixes with *, and the optional HTTP method', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    await addFault(kit, { path: '/v3.6/configuration/*', status: 500, method: 'post', count: 5 })
    expect((await kit.call(token, 'list_chats')).status).toBe(200)
    expect((await kit.config(token, 'list_groups')).status).toBe(500)
    expect((await kit.config(token, 'list_agents')).status).toBe(500)
    const kit2 = new ApiKit()
    await addFault(kit2, { path: LIST_CHATS, status: 500, method: 'GET' })
    expect((await kit2.call(kit2.token(NINA), 'list_chats')).status).toBe(200)
  })

  test('rules apply in the order they were added', async () => {
    const kit = new ApiKit()
    await addFault(kit, { path: LIST_CHATS, status: 502 })
    await addFault(kit, { path: '/v3.6/*', status: 503 })
    const token = kit.token(NINA)
    expect((await kit.call(token, 'list_chats')).status).toBe(502)
    expect((await kit.call(token, 'list_chats')).status).toBe(503)
    expect((await kit.call(token, 'list_chats')).status).toBe(200)
  })

  test('delayMs holds the faulted answer; latencyMs holds every answer', async () => {
    const kit = new ApiKit()
    await addFault(kit, { path: LIST_CHATS, status: 504, delayMs: 120 })
    const token = kit.token(NINA)
    let started = performance.now()
    expect((await kit.call(token, 'list_chats')).status).toBe(504)
    expect(performance.now() - started).toBeGreaterThanOrEqual(110)
    kit.state.latencyMs = 80
    started = performance.now()
    expect((await kit.call(token, 'list_chats')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(70)
  })

  test('control paths are never faulted or delayed, so a test can always clean up', async () => {
    const kit = new ApiKit()
    const rule: FaultRule = { id: 'x', path: '/*', remaining: 100, status: 500, body: 'json' }
    kit.state.faults.push(rule)
    kit.state.latencyMs = 5_000
    const started = performance.now()
    const health = await kit.app.request('/sandbox/health')
    expect(health.status).toBe(200)
    expect(performance.now() - started).toBeLessThan(1_000)
    const cleared = await kit.app.request('/sandbox/faults', { method: 'DELETE' })
    expect(cleared.status).toBe(200)
    expect(kit.state.faults).toEqual([])
    const refused = await kit.app.request('/sandbox/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/sandbox/health', status: 500 }),
    })
    expect(refused.status).toBe(400)
  })
})

describe('request log', () => {
  test('every non-control request is logged with method, path, time and final status', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    await kit.call(token, 'list_chats')
    await kit.call(null, 'list_chats')
    await addFault(kit, { path: LIST_CHATS, status: 503 })
    await kit.call(token, 'list_chats')
    await kit.app.request('/sandbox/health')
    const log = kit.state.requestLog
    expect(log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST ${LIST_CHATS} 200`,
      `POST ${LIST_CHATS} 401`,
      `POST ${LIST_CHATS} 503`,
    ])
    for (const entry of log) expect(entry.at).toBeGreaterThan(0)
  })
})
