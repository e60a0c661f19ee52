// Scopes and group access (docs/AGENT-API.md): the scopes each method needs, a missing scope
// → 403 `authorization`, group access and `missing_access`.
import { describe, expect, test } from 'vitest'
import {
  ADAM,
  AGENT_SET,
  ApiKit,
  hasPresentAgent,
  inGroup,
  isActive,
  NINA,
  OLIVIA,
  SAM,
  SUPERVISOR_SET,
} from '../harness/api-kit'

async function allChatIds(kit: ApiKit, token: string): Promise<string[]> {
  const result = await kit.call(token, 'list_chats', { limit: 100 })
  expect(result.status).toBe(200)
  return result.body.chats_summary.map((c: { id: string }) => c.id)
}

describe('a missing scope is 403 authorization', () => {
  test.each([
    ['list_chats', {}, 'agent'],
    ['get_chat', { chat_id: 'XXXXXXXXXX' }, 'agent'],
    ['list_threads', { chat_id: 'XXXXXXXXXX' }, 'agent'],
    ['list_archives', {}, 'agent'],
    ['get_customer', { id: 'x' }, 'agent'],
    ['send_event', { chat_id: 'XXXXXXXXXX', event: { type: 'message', text: 'hi' } }, 'agent'],
    ['deactivate_chat', { id: 'XXXXXXXXXX' }, 'agent'],
    ['set_routing_status', { status: 'accepting_chats' }, 'agent'],
    ['list_routing_statuses', {}, 'agent'],
    ['list_agents', {}, 'configuration'],
    ['get_agent', { id: NINA }, 'configuration'],
    ['list_groups', {}, 'configuration'],
  ] as const)('%s without any LiveChat scope', async (method, body, api) => {
    const kit = new ApiKit()
    const token = kit.token(NINA, ['accounts--my:ro'])
    const result = await kit.call(token, method, body, { api })
    expect(result.status).toBe(403)
    expect(result.body.error.type).toBe('authorization')
  })

  test('the error names the scopes the method documents', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA, ['customers:ro']), 'list_chats')
    expect(result.body.error.message).toContain('chats--all:ro')
    expect(result.body.error.message).toContain('chats--access:ro')
  })

  test('get_customer needs customers:ro; a token without it is refused, one with customers:rw is accepted', async () => {
    const kit = new ApiKit()
    const id = kit.state.world.customers[0]?.id
    const without = await kit.call(
      kit.token(
        NINA,
        AGENT_SET.filter((s) => s !== 'customers:ro'),
      ),
      'get_customer',
      { id },
    )
    expect(without.status).toBe(403)
    const rw = await kit.call(kit.token(NINA, ['customers:rw']), 'get_customer', { id })
    expect(rw.status).toBe(200)
  })

  test('read-only chat scope cannot send or deactivate; conversation write can send but not deactivate', async () => {
    const kit = new ApiKit()
    const chat = kit.chat((c) => isActive(c) && hasPresentAgent(NINA)(c))
    const event = { type: 'message', text: 'hello' }
    const readOnly = kit.token(NINA, ['chats--access:ro'])
    expect(
      (await kit.call(readOnly, 'send_event', { chat_id: chat.id, event })).body.error.type,
    ).toBe('authorization')
    expect((await kit.call(readOnly, 'deactivate_chat', { id: chat.id })).body.error.type).toBe(
      'authorization',
    )
    const conversation = kit.token(NINA, ['chats.conversation--access:rw'])
    expect((await kit.call(conversation, 'get_chat', { chat_id: chat.id })).status).toBe(200)
    expect((await kit.call(conversation, 'send_event', { chat_id: chat.id, event })).status).toBe(
      200,
    )
    expect((await kit.call(conversation, 'deactivate_chat', { id: chat.id })).body.error.type).toBe(
      'authorization',
    )
  })
})

describe('group access with chats--access:*', () => {
  test('Nina (General + Sales) lists exactly the chats of groups 0 and 1', async () => {
    const kit = new ApiKit()
    const ids = await allChatIds(kit, kit.token(NINA))
    const expected = kit.chats((c) => inGroup(0)(c) || inGroup(1)(c)).map((c) => c.id)
    expect(ids.sort()).toEqual(expected.sort())
    expect(kit.chats(inGroup(2)).some((c) => ids.includes(c.id))).toBe(false)
  })

  test('Sam (Support) lists Support chats only', async () => {
    const kit = new ApiKit()
    const ids = await allChatIds(kit, kit.token(SAM))
    expect(ids.sort()).toEqual(
      kit
        .chats(inGroup(2))
        .map((c) => c.id)
        .sort(),
    )
  })

  test('Olivia with the agent scopes sees every chat because she is in every group; so does Adam', async () => {
    const kit = new ApiKit()
    expect(await allChatIds(kit, kit.token(OLIVIA))).toHaveLength(kit.state.world.chats.length)
    expect(await allChatIds(kit, kit.token(ADAM))).toHaveLength(kit.state.world.chats.length)
  })

  test('chats--all:ro (supervisor set) sees every chat even for someone outside the groups', async () => {
    const kit = new ApiKit()
    // Adam is an administrator: the role may hold chats--all:ro. Take him out of Support to prove `all`.
    const adam = kit.state.directory.personByEmail(ADAM)
    if (!adam) throw new Error('no Adam')
    const saved = adam.groupIds
    adam.groupIds = [0]
    try {
      const accessOnly = await allChatIds(kit, kit.token(ADAM))
      const all = await allChatIds(kit, kit.token(ADAM, SUPERVISOR_SET))
      expect(all).toHaveLength(kit.state.world.chats.length)
      expect(accessOnly.length).toBeLessThan(all.length)
    } finally {
      adam.groupIds = saved
    }
  })

  test('groupZeroIsEveryone option: General chats become visible to Sam', async () => {
    const kit = new ApiKit({ groupZeroIsEveryone: true })
    const ids = await allChatIds(kit, kit.token(SAM))
    expect(ids.sort()).toEqual(
      kit
        .chats((c) => inGroup(0)(c) || inGroup(2)(c))
        .map((c) => c.id)
        .sort(),
    )
  })

  test('list_archives is filtered the same way: Sam finds no thread of a Sales or General chat', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(SAM), 'list_archives', { limit: 100 })
    expect(result.status).toBe(200)
    expect(result.body.chats.length).toBeGreaterThan(0)
    for (const row of result.body.chats) expect(row.access.group_ids).toEqual([2])
  })

  test.each([
    ['get_chat', (id: string) => ({ chat_id: id })],
    ['list_threads', (id: string) => ({ chat_id: id })],
    ['send_event', (id: string) => ({ chat_id: id, event: { type: 'message', text: 'hi' } })],
    ['deactivate_chat', (id: string) => ({ id })],
    [
      'mark_events_as_seen',
      (id: string) => ({ chat_id: id, seen_up_to: '2030-01-01T00:00:00.000000Z' }),
    ],
    ['follow_chat', (id: string) => ({ id })],
  ])('%s on a Support chat by Nina: 403 missing_access', async (method, body) => {
    const kit = new ApiKit()
    const support = kit.chat((c) => inGroup(2)(c) && isActive(c))
    const result = await kit.call(kit.token(NINA), method, body(support.id))
    expect(result.status).toBe(403)
    expect(result.body.error.type).toBe('missing_access')
  })

  test('an unknown chat is 404 not_found, not missing_access', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'get_chat', { chat_id: 'ZZZZZZZZZZ' })
    expect(result.status).toBe(404)
    expect(result.body.error.type).toBe('not_found')
  })
})

describe('agents: own vs everyone', () => {
  test('set_routing_status for yourself needs agents--my:rw; for another agent agents--all:rw', async () => {
    const kit = new ApiKit()
    const agentSet = kit.token(NINA)
    expect(
      (await kit.call(agentSet, 'set_routing_status', { status: 'not_accepting_chats' })).status,
    ).toBe(200)
    const other = await kit.call(agentSet, 'set_routing_status', {
      status: 'not_accepting_chats',
      agent_id: SAM,
    })
    expect(other.status).toBe(403)
    expect(other.body.error.type).toBe('authorization')
    const admin = kit.token(ADAM, ['agents--all:rw'])
    expect(
      (
        await kit.call(admin, 'set_routing_status', {
          status: 'not_accepting_chats',
          agent_id: SAM,
        })
      ).status,
    ).toBe(200)
    const readOnly = kit.token(NINA, ['agents--all:ro'])
    expect(
      (await kit.call(readOnly, 'set_routing_status', { status: 'accepting_chats' })).status,
    ).toBe(403)
  })

  test('get_agent: yourself with agents--my:ro; someone else needs agents--all:ro', async () => {
    const kit = new ApiKit()
    const mine = kit.token(NINA, ['agents--my:ro'])
    expect((await kit.config(mine, 'get_agent', { id: NINA })).status).toBe(200)
    const other = await kit.config(mine, 'get_agent', { id: SAM })
    expect(other.status).toBe(403)
    expect(other.body.error.type).toBe('authorization')
    expect((await kit.config(kit.token(NINA), 'get_agent', { id: SAM })).status).toBe(200)
  })

  test('list_routing_statuses: agents with agents--all:ro, bots only with agents-bot--all:ro', async () => {
    const kit = new ApiKit()
    const agentsOnly = await kit.call(kit.token(NINA), 'list_routing_statuses')
    expect(agentsOnly.status).toBe(200)
    const botId = kit.state.world.bots[0]?.id
    expect(agentsOnly.body.map((r: { agent_id: string }) => r.agent_id)).not.toContain(botId)
    const both = await kit.call(
      kit.token(NINA, ['agents--all:ro', 'agents-bot--all:ro']),
      'list_routing_statuses',
    )
    expect(both.body.map((r: { agent_id: string }) => r.agent_id)).toContain(botId)
  })
})
