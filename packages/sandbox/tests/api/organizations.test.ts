// Each organization is a world of its own (docs/ACCOUNTS.md, "Organizations"; docs/AGENT-API.md):
// a token or PAT of one reads and writes nothing of the other, on the agent, configuration and
// Global Accounts APIs; the account's roles and groups are those of the credential's
// organization; the organization list is the account's.
import { describe, expect, test } from 'vitest'
import { ACME_LABS } from '../../src/seed/acme-labs'
import { ORGANIZATION } from '../../src/seed/identity'
import type { ChatRecord } from '../../src/seed/world-records'
import { AGENT_SET, ApiKit, mintToken, NINA } from '../harness/api-kit'

const MAYA = 'maya@partner.test'
const SUPPORT = ORGANIZATION.id
const LABS = ACME_LABS.id

const customerNames = (chats: { users: { type: string; name?: string }[] }[]) =>
  chats.flatMap((chat) => chat.users.filter((u) => u.type === 'customer').map((u) => u.name))

async function accounts(kit: ApiKit, path: string, authorization: string) {
  const response = await kit.app.request(path, { headers: { Authorization: authorization } })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

function labsChat(kit: ApiKit, test: (chat: ChatRecord) => boolean): ChatRecord {
  const chat = kit.state.worldOf(LABS).chats.find(test)
  if (!chat) throw new Error('no such Acme Labs chat')
  return chat
}

const customerIs = (kit: ApiKit, name: string) => (chat: ChatRecord) =>
  chat.users.some(
    (u) =>
      u.type === 'customer' &&
      kit.state.worldOf(LABS).customers.find((c) => c.id === u.id)?.name === name,
  )

describe('the seed', () => {
  test('Acme Labs: General and QA, Lab Tester’s active chat is Maya’s, a chat queued in QA', () => {
    const kit = new ApiKit()
    const labs = kit.state.worldOf(LABS)
    expect(labs.groups.map((g) => g.name)).toEqual(['General', 'QA'])
    const tester = labsChat(kit, customerIs(kit, 'Lab Tester'))
    expect(tester.threads.at(-1)?.active).toBe(true)
    expect(tester.users).toContainEqual(expect.objectContaining({ id: MAYA, present: true }))
    const queued = labs.chats.filter((c) => c.threads.at(-1)?.queue)
    expect(queued.map((c) => c.access.group_ids)).toEqual([[1]])
    // No chat or thread id of one organization is another's.
    const ids = (chats: ChatRecord[]) => chats.flatMap((c) => [c.id, ...c.threads.map((t) => t.id)])
    const supportIds = new Set(ids(kit.state.worldOf(SUPPORT).chats))
    expect(ids(labs.chats).filter((id) => supportIds.has(id))).toEqual([])
  })

  test('Maya in Acme Support: group General, an active chat of her own there', () => {
    const kit = new ApiKit()
    const maya = kit.state.directory.member(
      kit.state.directory.personByEmail(MAYA)?.accountId ?? '',
      SUPPORT,
    )
    expect(maya).toMatchObject({ name: 'Maya Partner', role: 'normal', groupIds: [0] })
    expect(
      kit.chats(
        (c) =>
          c.threads.at(-1)?.active === true &&
          c.users.some((u) => u.id === MAYA && u.present) &&
          c.access.group_ids.includes(0),
      ),
    ).toHaveLength(1)
  })
})

describe('a token reaches its own organization only', () => {
  test('list_chats: Maya’s Acme Labs token sees Lab Tester and nothing of Acme Support', async () => {
    const kit = new ApiKit()
    const labs = mintToken(kit.state, MAYA, AGENT_SET, LABS).token
    const support = mintToken(kit.state, MAYA, AGENT_SET, SUPPORT).token
    const inLabs = (await kit.call(labs, 'list_chats')).body.chats_summary
    expect(customerNames(inLabs)).toContain('Lab Tester')
    expect(inLabs).toHaveLength(kit.state.worldOf(LABS).chats.length)
    const inSupport = (await kit.call(support, 'list_chats')).body.chats_summary
    expect(customerNames(inSupport)).not.toContain('Lab Tester')
    expect(customerNames(inSupport)).toContain('Lukas Schmidt')
  })

  test('X4: another organization’s chat, customer and agent are not found, nothing written there', async () => {
    const kit = new ApiKit()
    const nina = kit.token(NINA)
    const tester = labsChat(kit, customerIs(kit, 'Lab Tester'))
    const customer = tester.users.find((u) => u.type === 'customer')?.id
    expect((await kit.call(nina, 'get_chat', { chat_id: tester.id })).body.error.type).toBe(
      'not_found',
    )
    expect((await kit.call(nina, 'get_customer', { id: customer })).body.error.type).toBe(
      'not_found',
    )
    expect(
      (await kit.config(nina, 'get_agent', { id: 'quinn@labs.acme.test' })).body.error.type,
    ).toBe('not_found')
    // Writing is refused the same way: nothing lands in Acme Labs.
    const before = tester.threads.at(-1)?.events.length
    const write = await kit.call(nina, 'send_event', {
      chat_id: tester.id,
      event: { type: 'message', text: 'hello from elsewhere' },
    })
    expect(write.status).toBe(404)
    expect(tester.threads.at(-1)?.events.length).toBe(before)
  })

  test('configuration: groups, agents and Maya’s own groups are the organization’s', async () => {
    const kit = new ApiKit()
    const labs = mintToken(kit.state, MAYA, AGENT_SET, LABS).token
    const support = mintToken(kit.state, MAYA, AGENT_SET, SUPPORT).token
    const groups = (await kit.config(labs, 'list_groups')).body as { name: string }[]
    expect(groups.map((g) => g.name)).toEqual(['General', 'QA'])
    const agents = (await kit.config(labs, 'list_agents')).body as { id: string }[]
    expect(agents.map((a) => a.id).sort()).toEqual(
      ['leo@labs.acme.test', MAYA, 'quinn@labs.acme.test'].sort(),
    )
    const mine = async (token: string) =>
      (
        (await kit.config(token, 'get_agent', { id: MAYA, fields: ['groups'] })).body.groups as {
          id: number
        }[]
      ).map((g) => g.id)
    expect(await mine(labs)).toEqual([0, 1])
    expect(await mine(support)).toEqual([0])
  })

  test('a PAT acts for the organization it was created in', async () => {
    const kit = new ApiKit()
    const response = await kit.app.request('/sandbox/pats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        account: MAYA,
        name: 'labs script',
        scopes: AGENT_SET,
        organization_id: LABS,
      }),
    })
    const pat = (await response.json()) as { base64: string; organization_id: string }
    expect(pat.organization_id).toBe(LABS)
    const basic = `Basic ${pat.base64}`
    const chats = await kit.callWith(basic, 'list_chats')
    expect(customerNames(chats.body.chats_summary)).toContain('Lab Tester')
    expect((await accounts(kit, '/v2/organizations/my', basic)).body).toMatchObject({
      organization_id: LABS,
      name: 'Acme Labs',
    })
    // The account's default organization is still the first it joined.
    expect((await accounts(kit, '/v2/accounts/me', basic)).body.default_organization_id).toBe(
      SUPPORT,
    )
    // Nina belongs to Acme Support only: no PAT of hers can act for Acme Labs.
    const refused = await kit.app.request('/sandbox/pats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: NINA, name: 'x', scopes: AGENT_SET, organization_id: LABS }),
    })
    expect(refused.status).toBe(400)
  })
})

describe('Global Accounts: where the account is', () => {
  test('/v2/organizations lists the account’s organizations, default first; `my` is the token’s', async () => {
    const kit = new ApiKit()
    const labs = `Bearer ${mintToken(kit.state, MAYA, AGENT_SET, LABS).token}`
    const list = await kit.app.request('/v2/organizations', { headers: { Authorization: labs } })
    expect(await list.json()).toEqual([
      { organization_id: SUPPORT, name: 'Acme Support', license_id: 104130623 },
      { organization_id: LABS, name: 'Acme Labs', license_id: 104130777 },
    ])
    expect((await accounts(kit, '/v2/organizations/my', labs)).body.name).toBe('Acme Labs')
    expect((await accounts(kit, '/v2/organizations/me', labs)).body.name).toBe('Acme Labs')
    // Another of her own organizations by id is hers to read.
    expect((await accounts(kit, `/v2/organizations/${SUPPORT}`, labs)).status).toBe(200)
    const nina = `Bearer ${kit.token(NINA)}`
    expect(
      await (
        await kit.app.request('/v2/organizations', { headers: { Authorization: nina } })
      ).json(),
    ).toHaveLength(1)
    expect((await accounts(kit, `/v2/organizations/${LABS}`, nina)).status).toBe(404)
  })

  test('/v2/accounts/me: roles of the token’s organization, the same default organization', async () => {
    const kit = new ApiKit()
    const scopes = ['accounts--my:ro', 'accounts.roles--all:ro']
    const olivia = `Bearer ${kit.token('olivia@acme.test', scopes)}`
    const maya = `Bearer ${mintToken(kit.state, MAYA, scopes, LABS).token}`
    const roles = async (authorization: string) =>
      (
        (await accounts(kit, '/v2/accounts/me', authorization)).body.roles as { role: string }[]
      ).map((r) => r.role)
    expect(await roles(olivia)).toEqual(['owner', 'administrator'])
    expect(await roles(maya)).toEqual(['member', 'normal'])
    expect((await accounts(kit, '/v2/accounts/me', maya)).body.default_organization_id).toBe(
      SUPPORT,
    )
  })

  test('the control API mints a token for the organization named, and only for a member', async () => {
    const kit = new ApiKit()
    const mint = (body: object) =>
      kit.app.request('/sandbox/tokens', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    const labs = await mint({ email: MAYA, organization_id: LABS })
    expect(((await labs.json()) as { organization_id: string }).organization_id).toBe(LABS)
    const plain = await mint({ email: MAYA })
    expect(((await plain.json()) as { organization_id: string }).organization_id).toBe(SUPPORT)
    expect((await mint({ email: NINA, organization_id: LABS })).status).toBe(400)
  })
})
