// docs/livechat/agent-api.md#pagination: the first request carries filters/limit/sort_order,
// every later one ONLY page_id. Checked against the sandbox, which refuses mixed requests.
import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiClient } from 'livechat-browser-auth'
import { archiveQueries } from '../../../src/api/archives'
import { chatQueries } from '../../../src/api/chats'
import { nextPageId, pageRequestBody } from '../../../src/api/pagination'
import { sandboxConfig } from '../../support/app-config'
import { mintToken } from '../../support/sandbox-msw'
import { sandbox, server } from '../../support/sandbox-msw'

describe('page request bodies', () => {
  it('the first page sends the filters; later pages send only page_id (plus required ids)', () => {
    const first = { filters: { active: true }, limit: 10, sort_order: 'desc' }
    expect(pageRequestBody(first, undefined)).toEqual(first)
    expect(pageRequestBody(first, 'MTUxNzM5ODEzMTQ5Ng==')).toEqual({
      page_id: 'MTUxNzM5ODEzMTQ5Ng==',
    })
    expect(pageRequestBody({ limit: 3 }, 'abc', { chat_id: 'PJ0MRSHTDG' })).toEqual({
      chat_id: 'PJ0MRSHTDG',
      page_id: 'abc',
    })
  })

  it('the list ends when next_page_id is absent or empty', () => {
    expect(nextPageId({ next_page_id: 'abc' })).toBe('abc')
    expect(nextPageId({ previous_page_id: 'abc' })).toBeUndefined()
    expect(nextPageId({ next_page_id: '' })).toBeUndefined()
  })
})

describe('infinite queries against the sandbox', () => {
  const bodies: Record<string, unknown>[] = []
  const record = async ({ request }: { request: Request }) => {
    if (request.url.includes('/action/'))
      bodies.push((await request.clone().json()) as Record<string, unknown>)
  }
  beforeEach(() => {
    bodies.length = 0
    server.events.on('request:start', record)
  })
  afterEach(() => {
    server.events.removeListener('request:start', record)
  })

  const api = () => {
    const token = mintToken('olivia@acme.test', ['chats--all:ro'])
    return createApiClient(
      sandboxConfig,
      { scheme: 'Bearer', value: token.token },
      { organizationId: 'org', accountId: 'acc' },
    )
  }

  it('list_archives pages through to the end with page_id-only requests', async () => {
    const client = new QueryClient()
    const options = archiveQueries.list(api(), {})
    const total = sandbox.state.world.chats.reduce((sum, chat) => sum + chat.threads.length, 0)
    const pages = Math.ceil(total / 10)
    const data = await client.fetchInfiniteQuery({ ...options, pages })
    expect(data.pages.flatMap((page) => page.chats)).toHaveLength(total)
    expect(data.pages.at(-1)?.next_page_id).toBeUndefined()
    expect(bodies[0]).toMatchObject({ filters: {}, limit: 10, sort_order: 'desc' })
    expect(bodies.slice(1)).toHaveLength(pages - 1)
    for (const body of bodies.slice(1)) expect(Object.keys(body)).toEqual(['page_id'])
  })

  it('list_chats follows the same rules', async () => {
    const client = new QueryClient()
    const data = await client.fetchInfiniteQuery({
      ...chatQueries.list(api(), { active: null }),
      pages: 2,
    })
    expect(data.pages).toHaveLength(2)
    expect(bodies[0]).toMatchObject({ filters: { active: null }, limit: 10 })
    expect(Object.keys(bodies[1] ?? {})).toEqual(['page_id'])
    const ids = data.pages.flatMap((page) => page.chats_summary.map((chat) => chat.id))
    expect(new Set(ids).size).toBe(20)
  })
})
