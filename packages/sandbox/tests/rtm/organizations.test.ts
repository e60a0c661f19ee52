// RTM per organization (docs/RTM.md, "Organizations"): a socket is logged in to its token's
// organization and hears only that organization's pushes, whoever the agent is elsewhere; its
// URL's organization_id must match the token; update_session cannot move it to another; the
// control API lists each socket's organization.
import { afterEach, describe, expect, test } from 'vitest'
import { ACME_LABS } from '../../src/seed/acme-labs'
import { AGENT_SCOPES, ORGANIZATION } from '../../src/seed/identity'
import { mintToken } from '../harness/api-kit'
import { RtmServer, sleep } from '../harness/rtm-kit'

const MAYA = 'maya@partner.test'
const NINA = 'nina@acme.test'
const SUPPORT = ORGANIZATION.id
const LABS = ACME_LABS.id

let server: RtmServer
afterEach(async () => server?.close())

function token(email: string, organizationId: string): string {
  return mintToken(server.sandbox.state, email, AGENT_SCOPES, organizationId).token
}

async function loginTo(email: string, organizationId: string) {
  const client = await server.connect(`?organization_id=${organizationId}`)
  const response = await client.request('login', {
    token: `Bearer ${token(email, organizationId)}`,
  })
  expect(response.success).toBe(true)
  return { client, response }
}

describe('a socket per organization', () => {
  test('X6: login answers with the organization’s license and chats; pushes stay in their organization', async () => {
    server = await RtmServer.start()
    const labs = await loginTo(MAYA, LABS)
    const support = await loginTo(MAYA, SUPPORT)
    const nina = await loginTo(NINA, SUPPORT)
    expect(labs.response.payload.license).toMatchObject({ id: '104130777', organization_id: LABS })
    expect(support.response.payload.license).toMatchObject({ organization_id: SUPPORT })
    const labsIds = new Set(server.sandbox.state.worldOf(LABS).chats.map((c) => c.id))
    const summary = labs.response.payload.chats_summary as { id: string }[]
    expect(summary.length).toBeGreaterThan(0)
    expect(summary.every((chat) => labsIds.has(chat.id))).toBe(true)

    // A customer in Acme Labs' General: Maya's Acme Labs socket hears it, none of Acme Support's.
    const started = await server.post('/sandbox/customer/chat', {
      organization_id: LABS,
      group_id: 0,
      text: 'Is the lab open?',
    })
    expect(started.status).toBe(200)
    await labs.client.push('incoming_chat', (f) => f.payload.chat.id === started.body.chat_id)
    // And one in Acme Support's General: the other way round.
    const other = await server.post('/sandbox/customer/chat', { group_id: 0, text: 'Hello?' })
    await support.client.push('incoming_chat', (f) => f.payload.chat.id === other.body.chat_id)
    await nina.client.push('incoming_chat', (f) => f.payload.chat.id === other.body.chat_id)
    await sleep(50)
    await Promise.all([labs.client.sync(), support.client.sync(), nina.client.sync()])
    const heard = (client: typeof labs.client) =>
      client.pushes('incoming_chat').map((f) => f.payload.chat.id as string)
    expect(heard(labs.client)).toEqual([started.body.chat_id])
    expect(heard(support.client)).toEqual([other.body.chat_id])
    expect(heard(nina.client)).toEqual([other.body.chat_id])

    const { body } = await fetch(`${server.origin}/sandbox/rtm/connections`).then(async (r) => ({
      body: (await r.json()) as { connections: { email: string; organization_id: string }[] },
    }))
    expect(
      body.connections
        .filter((c) => c.email === MAYA)
        .map((c) => c.organization_id)
        .sort(),
    ).toEqual([LABS, SUPPORT].sort())
  })

  test('X4: a URL naming another organization than the token’s: login refused', async () => {
    server = await RtmServer.start()
    const client = await server.connect(`?organization_id=${SUPPORT}`)
    const response = await client.request('login', { token: `Bearer ${token(MAYA, LABS)}` })
    expect(response.success).toBe(false)
    expect(response.payload.error.type).toBe('authentication')
  })

  test('X4: update_session with a token of the agent’s other organization: refused, socket unchanged', async () => {
    server = await RtmServer.start()
    const { client } = await loginTo(MAYA, LABS)
    const swap = await client.request('update_session', { token: `Bearer ${token(MAYA, SUPPORT)}` })
    expect(swap.success).toBe(false)
    expect(swap.payload.error.type).toBe('authentication')
    const chats = await client.request('list_chats', {})
    const labsIds = new Set(server.sandbox.state.worldOf(LABS).chats.map((c) => c.id))
    expect(
      (chats.payload.chats_summary as { id: string }[]).every((chat) => labsIds.has(chat.id)),
    ).toBe(true)
  })
})
