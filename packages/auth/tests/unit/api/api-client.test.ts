import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { FaultRule } from 'livechat-sandbox'
import { createApiClient } from '../../../src/api/api-client'
import type { Credential } from '../../../src/protocol/credential'
import { ApiError } from '../../../src/api/api-error'
import { sandboxConfig } from '../../support/sandbox-config'
import { mintToken } from '../../../../../tests/support/sandbox-msw'
import { SANDBOX_ORIGIN, sandbox, server } from '../../../../../tests/support/sandbox-msw'

const scopes = ['accounts--my:ro', 'agents--all:ro', 'chats--access:rw']
const bearer = (value: string): Credential => ({ scheme: 'Bearer', value })

describe('api client against the sandbox', () => {
  it('calls the agent API with the bearer token and the region from its prefix', async () => {
    const token = mintToken('nina@acme.test', scopes)
    const api = createApiClient(sandboxConfig, bearer(token.token))
    const statuses = await api.agent<{ agent_id: string }[]>('list_routing_statuses')
    expect(Array.isArray(statuses)).toBe(true)
    expect(statuses.length).toBeGreaterThan(0)
  })

  it('maps LiveChat errors to typed values (missing scope → authorization, never re-auth)', async () => {
    const token = mintToken('nina@acme.test', ['accounts--my:ro'])
    const reauthenticate = vi.fn()
    const api = createApiClient(sandboxConfig, bearer(token.token), {}, { reauthenticate })
    const error = await api.agent('list_chats').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).kind).toBe('authorization')
    expect(reauthenticate).not.toHaveBeenCalled()
  })

  it('a 401 asks the auth layer once for a fresh token and retries with it', async () => {
    const old = mintToken('nina@acme.test', scopes)
    sandbox.state.tokens.revokeAccessToken(old)
    const fresh = mintToken('nina@acme.test', scopes)
    const reauthenticate = vi.fn(async () => bearer(fresh.token))
    const api = createApiClient(sandboxConfig, bearer(old.token), {}, { reauthenticate })
    const me = await api.accounts<{ email: string }>('/v2/accounts/me')
    expect(me.email).toBe('nina@acme.test')
    expect(reauthenticate).toHaveBeenCalledTimes(1)
  })

  it('a 401 that re-auth cannot fix surfaces as authentication', async () => {
    const old = mintToken('nina@acme.test', scopes)
    sandbox.state.tokens.revokeAccessToken(old)
    const api = createApiClient(
      sandboxConfig,
      bearer(old.token),
      {},
      {
        reauthenticate: async () => null,
      },
    )
    await expect(api.agent('list_routing_statuses')).rejects.toMatchObject({
      kind: 'authentication',
    })
  })

  it('sends any credential as it is: a Basic one (a PAT) with no X-Region, a Bearer one with its prefix', async () => {
    const seen: { authorization: string | null; region: string | null }[] = []
    const record = ({ request }: { request: Request }) => {
      seen.push({
        authorization: request.headers.get('Authorization'),
        region: request.headers.get('X-Region'),
      })
    }
    server.events.on('request:start', record)
    try {
      const basic = createApiClient(sandboxConfig, { scheme: 'Basic', value: 'YWJjOmRlZg==' })
      await basic.agent('list_routing_statuses').catch(() => undefined)
      const token = mintToken('nina@acme.test', scopes)
      await createApiClient(sandboxConfig, bearer(token.token)).agent('list_routing_statuses')
    } finally {
      server.events.removeListener('request:start', record)
    }
    expect(seen[0]).toEqual({ authorization: 'Basic YWJjOmRlZg==', region: null })
    expect(seen.at(-1)?.authorization).toMatch(/^Bearer dal:/)
    expect(seen.at(-1)?.region).toBe('dal')
  })

  it('retries once in the region LiveChat names on misdirected_request', async () => {
    sandbox.state.options.apiRegion = 'fra'
    const token = mintToken('nina@acme.test', scopes)
    const api = createApiClient(sandboxConfig, bearer(token.token))
    const statuses = await api.agent<unknown[]>('list_routing_statuses')
    expect(statuses.length).toBeGreaterThan(0)
  })
})

// SECURITY.md #52–#58: what the client makes of odd answers.
describe('api client: odd answers (#52–#58)', () => {
  const client = (options: Parameters<typeof createApiClient>[3] = {}) => {
    const token = mintToken('nina@acme.test', scopes)
    return {
      api: createApiClient(sandboxConfig, bearer(token.token), {}, options),
      token,
    }
  }
  const fault = (rule: Partial<FaultRule> & Pick<FaultRule, 'status'>) =>
    sandbox.state.faults.push({
      id: crypto.randomUUID(),
      path: '/v3.6/agent/action/list_routing_statuses',
      remaining: 1,
      body: 'json',
      ...rule,
    })

  it.each([200, 400])(
    '#52: too_many_requests in an HTTP %s body is a rate limit like a 429',
    async (status) => {
      fault({
        status,
        json: { error: { type: 'too_many_requests', message: 'Too many requests' } },
        retryAfter: '3',
      })
      const error = await client()
        .api.agent('list_routing_statuses')
        .catch((e: unknown) => e)
      expect(error).toMatchObject({ kind: 'too_many_requests', retryAfterMs: 3000 })
    },
  )

  it.each(['malformed', 'html', 'empty'] as const)(
    '#54: a %s body with 200 is a handled error that never quotes the body',
    async (body) => {
      fault({ status: 200, body })
      const error = await client()
        .api.agent('list_routing_statuses')
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).kind).toBe('malformed_response')
      expect((error as ApiError).message).not.toMatch(/<|Inter|html/i)
    },
  )

  it('#54: an HTML 502 page is a server error, its markup not in the message', async () => {
    fault({ status: 502, body: 'html' })
    const error = await client()
      .api.agent('list_routing_statuses')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'server', status: 502 })
    expect((error as ApiError).message).not.toContain('<')
  })

  it('#55: a network failure is a `network` error (never an authentication one)', async () => {
    const reauthenticate = vi.fn()
    server.use(
      http.post(`${SANDBOX_ORIGIN}/v3.6/agent/action/list_routing_statuses`, () =>
        HttpResponse.error(),
      ),
    )
    const error = await client({ reauthenticate })
      .api.agent('list_routing_statuses')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'network' })
    expect(reauthenticate).not.toHaveBeenCalled()
  })

  it('#56: a stalled request is aborted after the client timeout', async () => {
    fault({ status: 200, delayMs: 1_000, json: [] })
    const started = Date.now()
    const error = await client({ timeoutMs: 100 })
      .api.agent('list_routing_statuses')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'timeout' })
    expect(Date.now() - started).toBeLessThan(900)
  })

  it('#57: the workspace signal aborts requests in flight, and nothing more is sent after it', async () => {
    const scope = new AbortController()
    fault({ status: 200, delayMs: 500, json: [] })
    const { api } = client({ signal: scope.signal })
    const inFlight = api.agent('list_routing_statuses').catch((e: unknown) => e)
    await new Promise((resolve) => setTimeout(resolve, 50))
    scope.abort()
    expect(await inFlight).toMatchObject({ name: 'AbortError' })
    const before = sandbox.state.requestLog.length
    expect(await api.agent('list_chats').catch((e: unknown) => e)).toMatchObject({
      name: 'AbortError',
    })
    expect(sandbox.state.requestLog.length).toBe(before)
  })

  it('#58: a region hint changes only the X-Region header, never the host the token goes to', async () => {
    sandbox.state.options.apiRegion = 'fra'
    const hosts: string[] = []
    const listener = ({ request }: { request: Request }) => {
      if (request.headers.get('Authorization'))
        hosts.push(`${new URL(request.url).origin} ${request.headers.get('X-Region')}`)
    }
    server.events.on('request:start', listener)
    try {
      fault({
        status: 421,
        json: {
          error: { type: 'misdirected_request', message: 'Wrong region', data: { region: 'fra' } },
        },
      })
      await client().api.agent('list_routing_statuses')
    } finally {
      server.events.removeListener('request:start', listener)
    }
    expect(hosts).toEqual([`${SANDBOX_ORIGIN} dal`, `${SANDBOX_ORIGIN} fra`])
  })

  it('a region hint that is not a region name is not followed', async () => {
    fault({
      status: 421,
      json: {
        error: {
          type: 'misdirected_request',
          message: 'Wrong region',
          data: { region: 'evil.example.com/' },
        },
      },
    })
    await expect(client().api.agent('list_routing_statuses')).rejects.toMatchObject({
      kind: 'misdirected_request',
    })
  })
})
