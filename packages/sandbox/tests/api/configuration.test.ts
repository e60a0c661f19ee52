// Configuration API and routing statuses: docs/AGENT-API.md (list_agents, get_agent,
// list_groups, login_status with spaces) and docs/AGENT-API.md (set_routing_status reflected in
// list_routing_statuses, the agents' login_status and the groups' routing_status).
import { describe, expect, test } from 'vitest'
import { PEOPLE } from '../../src/seed/identity'
import { ADAM, ApiKit, BEN, NINA, OLIVIA, SAM } from '../harness/api-kit'

describe('list_agents / get_agent', () => {
  test('list_agents returns every person with id = email, account_id, role and login_status', async () => {
    const kit = new ApiKit()
    const result = await kit.config(kit.token(NINA), 'list_agents')
    expect(result.status).toBe(200)
    expect(result.body.map((a: { id: string }) => a.id)).toEqual(PEOPLE.map((p) => p.email))
    const olivia = result.body.find((a: { id: string }) => a.id === OLIVIA)
    expect(olivia).toEqual({
      id: OLIVIA,
      account_id: PEOPLE[0]?.accountId,
      name: 'Olivia Owner',
      avatar_path: expect.any(String),
      role: 'owner',
      login_status: 'not accepting chats',
    })
  })

  test('fields add the requested properties; an unknown field is 400 validation', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    const result = await kit.config(token, 'list_agents', {
      fields: ['groups', 'job_title', 'max_chats_count'],
    })
    const ben = result.body.find((a: { id: string }) => a.id === BEN)
    expect(ben.groups).toEqual([
      { id: 1, priority: 'last' },
      { id: 2, priority: 'normal' },
    ])
    expect(ben.job_title).toBe('Weekend Agent')
    expect(typeof ben.max_chats_count).toBe('number')
    expect((await kit.config(token, 'list_agents', { fields: ['salary'] })).status).toBe(400)
  })

  test('filters.group_ids keeps the members of those groups', async () => {
    const kit = new ApiKit()
    const result = await kit.config(kit.token(NINA), 'list_agents', { filters: { group_ids: [2] } })
    expect(result.body.map((a: { id: string }) => a.id).sort()).toEqual(
      [ADAM, BEN, OLIVIA, SAM].sort(),
    )
  })

  test('get_agent says `avatar` (not avatar_path); an unknown agent is 404 not_found', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    const me = await kit.config(token, 'get_agent', { id: NINA, fields: ['groups'] })
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({
      id: NINA,
      name: 'Nina Agent',
      role: 'normal',
      login_status: 'accepting chats',
    })
    expect(me.body.avatar).toEqual(expect.any(String))
    expect(me.body).not.toHaveProperty('avatar_path')
    expect(me.body.groups.map((g: { id: number }) => g.id)).toEqual([0, 1])
    const unknown = await kit.config(token, 'get_agent', { id: 'nobody@acme.test' })
    expect(unknown.status).toBe(404)
    expect((await kit.config(token, 'get_agent', {})).status).toBe(400)
  })
})

describe('list_groups', () => {
  test('the three groups; fields add agent_priorities and routing_status', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    const plain = await kit.config(token, 'list_groups')
    expect(plain.body).toEqual([
      { id: 0, name: 'General', language_code: 'en' },
      { id: 1, name: 'Sales', language_code: 'en' },
      { id: 2, name: 'Support', language_code: 'en' },
    ])
    const full = await kit.config(token, 'list_groups', {
      fields: ['agent_priorities', 'routing_status'],
    })
    const support = full.body.find((g: { id: number }) => g.id === 2)
    expect(support.agent_priorities).toMatchObject({
      [ADAM]: 'supervisor',
      [SAM]: 'normal',
      [BEN]: 'normal',
    })
    expect(support.routing_status).toBe('accepting_chats')
    expect((await kit.config(token, 'list_groups', { fields: ['members'] })).status).toBe(400)
  })

  test('get_group: an unknown id is 404 group_not_found', async () => {
    const kit = new ApiKit()
    const result = await kit.config(kit.token(NINA), 'get_group', { id: 9 })
    expect(result.status).toBe(404)
    expect(result.body.error.type).toBe('group_not_found')
  })
})

describe('set_routing_status is reflected everywhere', () => {
  test('Nina goes not accepting: list_routing_statuses, list_agents and get_agent all say so', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    expect(
      (await kit.call(token, 'set_routing_status', { status: 'not_accepting_chats' })).body,
    ).toEqual({})
    const statuses = await kit.call(token, 'list_routing_statuses')
    expect(statuses.body).toContainEqual({ agent_id: NINA, status: 'not_accepting_chats' })
    const me = await kit.config(token, 'get_agent', { id: NINA })
    expect(me.body.login_status).toBe('not accepting chats')
    await kit.call(token, 'set_routing_status', { status: 'accepting_chats' })
    expect((await kit.call(token, 'list_routing_statuses')).body).toContainEqual({
      agent_id: NINA,
      status: 'accepting_chats',
    })
  })

  test('a group goes not_accepting_chats when its last accepting member stops', async () => {
    const kit = new ApiKit()
    const admin = kit.token(ADAM, ['agents--all:rw', 'groups--all:ro'])
    for (const agent of [SAM, ADAM]) {
      await kit.call(admin, 'set_routing_status', {
        status: 'not_accepting_chats',
        agent_id: agent,
      })
    }
    const groups = await kit.config(admin, 'list_groups', { fields: ['routing_status'] })
    expect(groups.body.find((g: { id: number }) => g.id === 2).routing_status).toBe(
      'not_accepting_chats',
    )
  })

  test('agents cannot be set offline (bots only); the status is an enum', async () => {
    const kit = new ApiKit()
    const token = kit.token(NINA)
    for (const status of ['offline', 'busy', 42]) {
      const result = await kit.call(token, 'set_routing_status', { status })
      expect(result.status).toBe(400)
      expect(result.body.error.type).toBe('validation')
    }
    expect((await kit.call(token, 'set_routing_status', {})).status).toBe(400)
  })

  test('a bot can be set offline with agents-bot--my:rw by its own client', async () => {
    const kit = new ApiKit()
    const botId = kit.state.world.bots[0]?.id
    const token = kit.token(ADAM, ['agents-bot--my:rw', 'agents-bot--all:ro'])
    expect(
      (await kit.call(token, 'set_routing_status', { status: 'offline', agent_id: botId })).status,
    ).toBe(200)
    const statuses = await kit.call(token, 'list_routing_statuses')
    expect(statuses.body).toEqual([{ agent_id: botId, status: 'offline' }])
  })

  test('list_routing_statuses filters by group', async () => {
    const kit = new ApiKit()
    const result = await kit.call(kit.token(NINA), 'list_routing_statuses', {
      filters: { group_ids: [2] },
    })
    expect(result.body.map((r: { agent_id: string }) => r.agent_id).sort()).toEqual(
      [ADAM, BEN, OLIVIA, SAM].sort(),
    )
  })
})
