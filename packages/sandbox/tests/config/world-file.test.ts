// A world of one's own: the organization, people (sign-in buttons), groups, customers and chats
// come from the file and reach the accounts pages, the Global Accounts API and the agent API;
// what the file leaves out comes from the default world; mistakes name the entry.
import { describe, expect, test } from 'vitest'
import { createSandbox } from '../../src/app'
import { ConfigError } from '../../src/config/config-error'
import { worldFromJson } from '../../src/config/world-file'
import { DEFAULT_WORLD_SEED } from '../../src/seed/world-seed'
import { authorizeQuery, bearer, buttonNames, Browser } from '../harness/accounts-kit'
import { ApiKit, AGENT_SET } from '../harness/api-kit'

const WORLD = {
  organization: { name: 'Foreign Org', licenseId: '555' },
  groups: [
    { id: 0, name: 'Front desk' },
    { id: 7, name: 'Billing' },
  ],
  people: [
    { email: 'Alex@Foreign.test', name: 'Alex Owner', role: 'owner', groups: [0, 7] },
    { email: 'robin@foreign.test', name: 'Robin Agent', role: 'normal', groups: [7] },
    { email: 'quiet@foreign.test', name: 'Quiet Backup', role: 'normal', persona: false },
  ],
  customers: [{ name: 'Casey Customer', email: 'casey@example.com' }],
  chats: [
    {
      group: 7,
      customer: 'casey@example.com',
      agents: ['robin@foreign.test'],
      messages: [
        { from: 'customer', text: 'My invoice is wrong.' },
        { from: 'robin@foreign.test', text: 'Let me fix that.' },
      ],
    },
  ],
}

function refusal(world: unknown): string {
  try {
    worldFromJson(world)
  } catch (error) {
    if (error instanceof ConfigError) return error.message
    throw error
  }
  throw new Error('expected a refusal')
}

describe('a world file', () => {
  const seed = worldFromJson(WORLD)

  test("its personas are the sign-in buttons; its organization is the token's", async () => {
    const sandbox = createSandbox({}, { world: seed })
    const browser = new Browser(sandbox)
    const page = await (await browser.get(`/?${authorizeQuery()}`)).text()
    expect(buttonNames(page)).toEqual(['Alex Owner', 'Robin Agent'])
    const minted = await sandbox.app.request('/sandbox/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'alex@foreign.test' }),
    })
    const token = (await minted.json()) as { access_token: string; organization_id: string }
    const organization = await (
      await sandbox.app.request('/v2/organizations/me', { headers: bearer(token.access_token) })
    ).json()
    expect(organization).toMatchObject({
      name: 'Foreign Org',
      license_id: 555,
      organization_id: token.organization_id,
    })
  })

  test('its chats, groups and people are what the agent API serves', async () => {
    const kit = new ApiKit({}, { world: seed })
    const robin = kit.token('robin@foreign.test', AGENT_SET)
    const chats = await kit.call(robin, 'list_chats', {})
    expect(chats.status).toBe(200)
    expect(chats.body.chats_summary).toHaveLength(1)
    const chat = await kit.call(robin, 'get_chat', { chat_id: chats.body.chats_summary[0].id })
    const texts = chat.body.thread.events
      .filter((e: { type: string }) => e.type === 'message')
      .map((e: { text: string; author_id: string }) => [e.author_id, e.text])
    expect(texts).toEqual([
      [kit.state.world.customers[0]?.id, 'My invoice is wrong.'],
      ['robin@foreign.test', 'Let me fix that.'],
    ])
    const groups = await kit.config(robin, 'list_groups', {})
    expect(groups.body.map((g: { name: string }) => g.name)).toEqual(['Front desk', 'Billing'])
  })

  test("ids are stable from run to run, and what it leaves out is the default world's", () => {
    expect(worldFromJson(WORLD).people.map((p) => p.accountId)).toEqual(
      seed.people.map((p) => p.accountId),
    )
    const onlyOrganization = worldFromJson({ organization: { name: 'Renamed' } })
    expect(onlyOrganization.people).toBe(DEFAULT_WORLD_SEED.people)
    expect(onlyOrganization.chats).toBe(DEFAULT_WORLD_SEED.chats)
    // Own people start with no chats: the default chats are written for the default people.
    expect(worldFromJson({ people: WORLD.people, groups: WORLD.groups }).chats).toEqual([])
  })

  test.each([
    [
      { people: [{ email: 'a@b.test', name: 'A', role: 'boss' }] },
      'world.people[0].role: "boss" is not a LiveChat role. Use owner, administrator, normal.',
    ],
    [
      { people: [{ email: 'a@b.test', name: 'A', role: 'normal', groups: [3] }] },
      'world.people[0].groups: a@b.test belongs to group 3, which world.groups lacks',
    ],
    [{ groups: [{ id: 5, name: 'Only' }] }, 'The default people belong to groups 0, 1 and 2'],
    [
      { chats: [{ customer: 'nobody', messages: [] }] },
      'world.chats[0].customer: no customer is "nobody"',
    ],
    [
      {
        ...WORLD,
        chats: [
          { customer: 'Casey Customer', messages: [{ from: 'alex@foreign.test', text: 'hi' }] },
        ],
      },
      "world.chats[0].messages[0].from: alex@foreign.test is not one of this chat's agents",
    ],
    [
      { organization: { name: 'X', id: 'not-a-uuid' } },
      'world.organization.id: "not-a-uuid" is not a UUID',
    ],
    [{ persons: [] }, 'world.persons: is not a known member'],
  ])('refuses %j', (world, message) => {
    expect(refusal(world)).toContain(message)
  })
})
