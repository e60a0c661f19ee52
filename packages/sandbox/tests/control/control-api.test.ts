// The sandbox control API (/sandbox/*, docs/AGENT-API.md "Control API"): latency, faults,
// tokens (mint, expire, revoke), clock, request log, raw chats, options, reset, and the HTML
// control page's forms. Conformance anchor: docs/AGENT-API.md and
// docs/ACCOUNTS.md (the injectable clock, expired and revoked tokens).
import { describe, expect, test } from 'vitest'
import { AGENT_SCOPES, ORGANIZATION, PEOPLE } from '../../src/seed/identity'
import { CLIENT_ID } from '../../src/seed/clients'
import { ApiKit, NINA, OLIVIA, SAM, type ApiResult } from '../harness/api-kit'

async function post(
  kit: ApiKit,
  path: string,
  body: unknown,
): Promise<Pick<ApiResult, 'status' | 'body'>> {
  const response = await kit.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

async function form(kit: ApiKit, path: string, fields: Record<string, string>): Promise<Response> {
  return kit.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
}

describe('POST /sandbox/tokens', () => {
  test('mints a live token with the agent scopes by default, shaped like /v2/token', async () => {
    const kit = new ApiKit()
    const result = await post(kit, '/sandbox/tokens', { email: NINA })
    expect(result.status).toBe(200)
    expect(result.body).toEqual({
      access_token: expect.stringMatching(/^dal:/),
      token_type: 'Bearer',
      expires_in: 28800,
      scope: AGENT_SCOPES.join(','),
      account_id: PEOPLE.find((p) => p.email === NINA)?.accountId,
      organization_id: ORGANIZATION.id,
      client_id: CLIENT_ID,
    })
    expect((await kit.call(result.body.access_token, 'list_chats')).status).toBe(200)
  })

  test('scopes (array or comma string), client, code grant with a refresh token, and region', async () => {
    const kit = new ApiKit()
    const minted = await post(kit, '/sandbox/tokens', {
      email: OLIVIA,
      scopes: 'chats--all:ro,agents--all:ro',
      clientId: 'fedcba9876543210fedcba9876543210',
      grant: 'authorization_code',
      region: 'fra',
    })
    expect(minted.status).toBe(200)
    expect(minted.body.scope).toBe('chats--all:ro,agents--all:ro')
    expect(minted.body.client_id).toBe('fedcba9876543210fedcba9876543210')
    expect(typeof minted.body.refresh_token).toBe('string')
    expect(minted.body.access_token).toMatch(/^fra:/)
    // A fra token on the dal sandbox is misdirected unless X-Region names dal.
    expect((await kit.call(minted.body.access_token, 'list_chats')).status).toBe(421)
    expect(
      (
        await kit.call(
          minted.body.access_token,
          'list_chats',
          {},
          { headers: { 'X-Region': 'dal' } },
        )
      ).status,
    ).toBe(200)
  })

  test('refuses what no sign-in could produce: a normal agent with chats--all:ro, unknown people or clients', async () => {
    const kit = new ApiKit()
    const adminScope = await post(kit, '/sandbox/tokens', {
      email: NINA,
      scopes: ['chats--all:ro'],
    })
    expect(adminScope.status).toBe(400)
    expect(adminScope.body.error).toContain('invalid_scope')
    expect((await post(kit, '/sandbox/tokens', { email: 'eve@evil.test' })).status).toBe(400)
    expect((await post(kit, '/sandbox/tokens', { email: NINA, clientId: 'nope' })).status).toBe(400)
    expect((await post(kit, '/sandbox/tokens', { email: NINA, grant: 'password' })).status).toBe(
      400,
    )
  })
})

describe('POST /sandbox/tokens/expire and /revoke', () => {
  test.each(['expire', 'revoke'])(
    '%s by token: that token gets 401 authentication, others keep working',
    async (action) => {
      const kit = new ApiKit()
      const a = kit.token(NINA)
      const b = kit.token(NINA)
      const result = await post(kit, `/sandbox/tokens/${action}`, { token: a })
      expect(result.status).toBe(200)
      expect((await kit.call(a, 'list_chats')).body.error.type).toBe('authentication')
      expect((await kit.call(b, 'list_chats')).status).toBe(200)
    },
  )

  test.each(['expire', 'revoke'])(
    '%s by email: every token of that person, nobody else',
    async (action) => {
      const kit = new ApiKit()
      const nina1 = kit.token(NINA)
      const nina2 = kit.token(NINA)
      const sam = kit.token(SAM)
      const result = await post(kit, `/sandbox/tokens/${action}`, { email: NINA })
      expect(Object.values(result.body)).toEqual([2])
      expect((await kit.call(nina1, 'list_chats')).status).toBe(401)
      expect((await kit.call(nina2, 'list_chats')).status).toBe(401)
      expect((await kit.call(sam, 'list_chats')).status).toBe(200)
    },
  )

  test('needs a token or an email; an unknown token is 404', async () => {
    const kit = new ApiKit()
    expect((await post(kit, '/sandbox/tokens/expire', {})).status).toBe(400)
    expect((await post(kit, '/sandbox/tokens/revoke', { token: 'dal:nope' })).status).toBe(404)
  })
})

describe('POST /sandbox/clock', () => {
  test('advancing past the token lifetime expires tokens', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    const result = await post(kit, '/sandbox/clock', { advanceSeconds: 28_801 })
    expect(result.body.clockOffsetMs).toBe(28_801_000)
    expect((await kit.call(token, 'list_chats')).status).toBe(401)
    expect((await post(kit, '/sandbox/clock', { advanceSeconds: -5 })).status).toBe(400)
  })
})

describe('latency, faults, requests, chats', () => {
  test('POST /sandbox/latency sets state.latencyMs; bad values are refused', async () => {
    const kit = new ApiKit()
    expect((await post(kit, '/sandbox/latency', { ms: 250 })).body).toEqual({ latencyMs: 250 })
    expect(kit.state.latencyMs).toBe(250)
    expect((await post(kit, '/sandbox/latency', { ms: -1 })).status).toBe(400)
    expect((await post(kit, '/sandbox/latency', {})).status).toBe(400)
  })

  test('faults: POST returns {id}; GET lists; DELETE /faults/:id removes one; DELETE /faults clears', async () => {
    const kit = new ApiKit()
    const first = await post(kit, '/sandbox/faults', { path: '/v3.6/*', status: 503, count: 3 })
    const second = await post(kit, '/sandbox/faults', { path: '/v2/info', status: 401 })
    expect(first.body.id).toEqual(expect.any(String))
    const listed = (await (await kit.app.request('/sandbox/faults')).json()) as {
      faults: { id: string; remaining: number }[]
    }
    expect(listed.faults.map((f) => f.id)).toEqual([first.body.id, second.body.id])
    expect(listed.faults[0]?.remaining).toBe(3)
    expect(
      (await kit.app.request(`/sandbox/faults/${first.body.id}`, { method: 'DELETE' })).status,
    ).toBe(200)
    expect(kit.state.faults.map((f) => f.id)).toEqual([second.body.id])
    expect((await kit.app.request('/sandbox/faults/unknown', { method: 'DELETE' })).status).toBe(
      404,
    )
    await kit.app.request('/sandbox/faults', { method: 'DELETE' })
    expect(kit.state.faults).toEqual([])
  })

  test.each([
    [{ status: 500 }],
    [{ path: 'v3.6/x', status: 500 }],
    [{ path: '/v3.6/*' }],
    [{ path: '/v3.6/*', status: 99 }],
    [{ path: '/v3.6/*', status: 500, body: 'xml' }],
    [{ path: '/v3.6/*', status: 500, count: 0 }],
  ])('invalid fault %j: 400', async (fault) => {
    const kit = new ApiKit()
    expect((await post(kit, '/sandbox/faults', fault)).status).toBe(400)
    expect(kit.state.faults).toEqual([])
  })

  test('GET /sandbox/requests lists (optionally by path prefix); DELETE clears', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    await kit.call(token, 'list_chats')
    await kit.config(token, 'list_groups')
    const all = (await (await kit.app.request('/sandbox/requests')).json()) as {
      requests: { path: string }[]
    }
    expect(all.requests.map((r) => r.path)).toEqual([
      '/v3.6/agent/action/list_chats',
      '/v3.6/configuration/action/list_groups',
    ])
    const some = (await (
      await kit.app.request('/sandbox/requests?path=/v3.6/configuration')
    ).json()) as { requests: unknown[] }
    expect(some.requests).toHaveLength(1)
    await kit.app.request('/sandbox/requests', { method: 'DELETE' })
    expect(kit.state.requestLog).toEqual([])
  })

  test('GET /sandbox/chats/:id gives the raw chat; an unknown id is 404', async () => {
    const kit = new ApiKit()
    const chat = kit.state.world.chats[3]
    const raw = (await (await kit.app.request(`/sandbox/chats/${chat?.id}`)).json()) as {
      id: string
      threads: unknown[]
    }
    expect(raw.id).toBe(chat?.id)
    expect(raw.threads).toHaveLength(chat?.threads.length ?? -1)
    expect((await kit.app.request('/sandbox/chats/NOPE')).status).toBe(404)
  })
})

describe('options and reset', () => {
  test('POST /sandbox/options still patches with JSON; reset restores everything', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    await post(kit, '/sandbox/options', { apiRateLimit: 1 })
    expect(kit.state.options.apiRateLimit).toBe(1)
    await post(kit, '/sandbox/latency', { ms: 10 })
    await post(kit, '/sandbox/faults', { path: '/v3.6/*', status: 500 })
    const chat = kit.chat((c) => c.users.some((u) => u.id === NINA && u.present))
    chat.threads[chat.threads.length - 1]?.events.push({
      id: 'X_1',
      created_at: '2030-01-01T00:00:00.000000Z',
      type: 'message',
      author_id: NINA,
      text: 'scribble',
      visibility: 'all',
    })
    const reset = await post(kit, '/sandbox/reset', {})
    expect(reset.body.ok).toBe(true)
    expect(kit.state.options.apiRateLimit).toBe(0)
    expect(kit.state.latencyMs).toBe(0)
    expect(kit.state.faults).toEqual([])
    expect((await kit.call(token, 'list_chats')).status).toBe(401)
    const fresh = kit.state.world.chats.find((c) => c.id === chat.id)
    expect(fresh?.threads.flatMap((t) => t.events).some((e) => e.id === 'X_1')).toBe(false)
  })

  test('reset accepts options, e.g. another API region', async () => {
    const kit = new ApiKit()
    await post(kit, '/sandbox/reset', { options: { apiRegion: 'fra' } })
    expect(kit.state.options.apiRegion).toBe('fra')
  })
})

describe('GET /sandbox, the control page', () => {
  test('is an HTML page whose every input and select has a label, and whose forms have named buttons', async () => {
    const kit = new ApiKit()
    const response = await kit.app.request('/sandbox')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toContain('text/html')
    const html = await response.text()
    expect(html).toContain('<h1>LiveChat sandbox control</h1>')
    const controls = [...html.matchAll(/<(?:input|select)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1])
    expect(controls.length).toBeGreaterThanOrEqual(10)
    for (const id of controls) expect(html).toContain(`<label for="${id}">`)
    for (const name of [
      'Set latency',
      'Add fault',
      'Expire tokens',
      'Revoke tokens',
      'Advance clock',
      'Save options',
      'Reset sandbox',
    ]) {
      expect(html).toMatch(new RegExp(`<button[^>]*>${name}</button>`))
    }
  })

  test('forms post to the control API and come back with a status message (303)', async () => {
    const kit = new ApiKit()
    const added = await form(kit, '/sandbox/faults', {
      path: '/v3.6/agent/action/list_chats',
      status: '503',
      count: '1',
      body: 'json',
      method: '',
    })
    expect(added.status).toBe(303)
    expect(added.headers.get('Location')).toMatch(/^\/sandbox\?message=Fault%20added/)
    expect(kit.state.faults).toHaveLength(1)
    expect(kit.state.faults[0]?.method).toBeUndefined()
    const page = await (await kit.app.request(added.headers.get('Location') ?? '')).text()
    expect(page).toContain('<p role="status">Fault added: 503 on /v3.6/agent/action/list_chats</p>')
    expect(page).toContain('<code>/v3.6/agent/action/list_chats</code>')

    await form(kit, '/sandbox/faults/clear', {})
    expect(kit.state.faults).toEqual([])
    await form(kit, '/sandbox/latency', { ms: '40' })
    expect(kit.state.latencyMs).toBe(40)
    const token = kit.token(NINA)
    await form(kit, '/sandbox/tokens/revoke', { email: NINA })
    expect((await kit.call(token, 'list_chats')).status).toBe(401)
    await form(kit, '/sandbox/options', {
      apiRegion: 'fra',
      apiRateLimit: '5',
      apiRateLimitWindowSeconds: '30',
    })
    expect(kit.state.options).toMatchObject({
      apiRegion: 'fra',
      apiRateLimit: 5,
      apiRateLimitWindowSeconds: 30,
    })
    const reset = await form(kit, '/sandbox/reset', {})
    expect(reset.status).toBe(303)
    expect(kit.state.options.apiRegion).toBe('dal')
  })

  test('a bad form value comes back as an alert; query text is escaped', async () => {
    const kit = new ApiKit()
    const bad = await form(kit, '/sandbox/latency', { ms: 'lots' })
    expect(bad.headers.get('Location')).toMatch(/^\/sandbox\?error=/)
    const page = await (await kit.app.request(bad.headers.get('Location') ?? '')).text()
    expect(page).toMatch(/<p role="alert">ms must be a number/)
    const hostile = await (
      await kit.app.request('/sandbox?message=%3Cscript%3Ealert(1)%3C%2Fscript%3E')
    ).text()
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(hostile).not.toContain('<script>alert(1)</script>')
  })
})
