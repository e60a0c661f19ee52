// Personal access tokens on each API family: every accepted and refused Authorization form
// (docs/PAT.md, the error table docs/PAT.md), the PAT's own
// scopes with LiveChat's implication rules, and /v2/info refusing Basic.
import { describe, expect, test } from 'vitest'
import { ORGANIZATION, PEOPLE } from '../../src/seed/identity'
import type { MintedPat } from '../../src/control-client/sandbox-control'
import { ADAM, AGENT_SET, ApiKit, NINA, SAM } from '../harness/api-kit'

const accountOf = (email: string) => PEOPLE.find((p) => p.email === email)?.accountId as string
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

const AGENT_AUTH_ERROR = { error: { type: 'authentication', message: 'Invalid access token' } }

/** The refused forms of docs/PAT.md and docs/PAT.md, built from one good PAT. */
function refusedForms(pat: MintedPat, other: MintedPat): [string, string][] {
  return [
    ['Bearer <PAT> (the wrong scheme)', `Bearer ${pat.token}`],
    ['Bearer <Base64 value>', `Bearer ${pat.base64}`],
    [
      'Basic <account_id>:<PAT> not encoded (the CFG34 sample)',
      `Basic ${pat.account_id}:${pat.token}`,
    ],
    ['Basic base64(<PAT>) without the account id', `Basic ${b64(pat.token)}`],
    ['Basic base64(<PAT>:<account_id>) reversed', `Basic ${b64(`${pat.token}:${pat.account_id}`)}`],
    ['another account’s id with this PAT', `Basic ${b64(`${accountOf(SAM)}:${pat.token}`)}`],
    ['the agent email instead of the account id', `Basic ${b64(`${NINA}:${pat.token}`)}`],
    ['a truncated PAT', `Basic ${b64(`${pat.account_id}:${pat.token.slice(0, -3)}`)}`],
    [
      'someone else’s PAT under this account id',
      `Basic ${b64(`${pat.account_id}:${other.token}`)}`,
    ],
    ['Base64 with its padding removed', `Basic ${pat.base64.replace(/=+$/, '')}x`],
    ['Basic with no value', 'Basic'],
    ['an empty password', `Basic ${b64(`${pat.account_id}:`)}`],
  ]
}

async function twoPats(kit: ApiKit): Promise<[MintedPat, MintedPat]> {
  return [await kit.pat(NINA, AGENT_SET, 'nina'), await kit.pat(SAM, AGENT_SET, 'sam')]
}

describe('Agent Chat Web API and Configuration API take Basic', () => {
  test('a PAT as Basic base64(account_id:PAT) works on both, with the owner’s identity', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA)
    const chats = await kit.callWith(`Basic ${pat.base64}`, 'list_chats', { limit: 100 })
    expect(chats.status).toBe(200)
    // Nina's groups (General + Sales), exactly as with her OAuth token.
    const viaOauth = await kit.call(kit.token(NINA), 'list_chats', { limit: 100 })
    expect(chats.body.found_chats).toBe(viaOauth.body.found_chats)
    const me = await kit.callWith(
      `Basic ${pat.base64}`,
      'get_agent',
      { id: NINA },
      {
        api: 'configuration',
      },
    )
    expect(me.status).toBe(200)
    expect(me.body.id).toBe(NINA)
  })

  test('the scheme name is case-insensitive (RFC 7235)', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA)
    expect((await kit.callWith(`basic ${pat.base64}`, 'list_chats')).status).toBe(200)
  })

  test('writes as the owner: send_event authored by the PAT’s agent', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(SAM)
    const chat = kit.chat(
      (c) =>
        c.threads.at(-1)?.active === true &&
        c.users.some((u) => u.id === SAM && u.present) &&
        c.access.group_ids.includes(2),
    )
    const sent = await kit.callWith(`Basic ${pat.base64}`, 'send_event', {
      chat_id: chat.id,
      event: { type: 'message', text: 'Sent with a PAT' },
    })
    expect(sent.status).toBe(200)
    expect(chat.threads.at(-1)?.events.at(-1)).toMatchObject({
      id: sent.body.event_id,
      author_id: SAM,
      text: 'Sent with a PAT',
    })
  })

  test.each(['agent', 'configuration'] as const)(
    'on the %s API every refused form is 401 authentication, like a bad OAuth token',
    async (api) => {
      const kit = new ApiKit()
      const [pat, other] = await twoPats(kit)
      const method = api === 'agent' ? 'list_chats' : 'list_agents'
      for (const [label, header] of refusedForms(pat, other)) {
        const result = await kit.callWith(header, method, {}, { api })
        expect({ label, status: result.status, body: result.body }).toEqual({
          label,
          status: 401,
          body: AGENT_AUTH_ERROR,
        })
        expect(result.headers.get('WWW-Authenticate')).toBeNull()
      }
      expect((await kit.callWith(`Basic ${pat.base64}`, method, {}, { api })).status).toBe(200)
    },
  )

  test('WWW-Authenticate: Basic only when switched on', async () => {
    const kit = new ApiKit({ wwwAuthenticateBasic: true })
    const result = await kit.callWith('Basic bm9wZTpub3Bl', 'list_chats')
    expect(result.status).toBe(401)
    expect(result.headers.get('WWW-Authenticate')).toBe('Basic realm="LiveChat"')
  })

  test('Bearer OAuth tokens keep working on the same routes', async () => {
    const kit = new ApiKit()
    await kit.pat(NINA)
    expect((await kit.call(kit.token(NINA), 'list_chats')).status).toBe(200)
  })
})

describe('the PAT’s own scopes, with the implication rules', () => {
  test('a PAT without a chats scope is 403 authorization naming the scopes', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA, ['agents--my:rw'])
    const result = await kit.callWith(`Basic ${pat.base64}`, 'list_chats')
    expect(result.status).toBe(403)
    expect(result.body.error.type).toBe('authorization')
    expect(result.body.error.data.required_scopes).toEqual(['chats--all:ro', 'chats--access:ro'])
  })

  test('rw implies ro: chats--access:rw reads chats', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA, ['chats--access:rw'])
    expect((await kit.callWith(`Basic ${pat.base64}`, 'list_chats')).status).toBe(200)
  })

  test('ro does not imply rw: chats--access:ro cannot send an event', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA, ['chats--access:ro'])
    const result = await kit.callWith(`Basic ${pat.base64}`, 'send_event', {
      chat_id: 'XXXXXXXXXX',
      event: { type: 'message', text: 'x' },
    })
    expect(result.status).toBe(403)
    expect(result.body.error.type).toBe('authorization')
  })

  test('all implies access: an administrator’s chats--all:ro PAT sees every chat', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(ADAM, ['chats--all:ro'])
    const result = await kit.callWith(`Basic ${pat.base64}`, 'list_chats', { limit: 100 })
    expect(result.body.found_chats).toBe(kit.state.world.chats.length)
  })

  test('all ⊇ my: agents--all:ro reads one’s own agent record', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(SAM, ['agents--all:ro'])
    const result = await kit.callWith(
      `Basic ${pat.base64}`,
      'get_agent',
      { id: SAM },
      {
        api: 'configuration',
      },
    )
    expect(result.status).toBe(200)
  })

  test('a PAT has no client: agents-bot--my:rw does not reach the app client’s bot', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(ADAM, ['agents-bot--my:rw'])
    const bot = kit.state.world.bots[0]?.id
    const result = await kit.callWith(`Basic ${pat.base64}`, 'set_routing_status', {
      agent_id: bot,
      status: 'offline',
    })
    expect(result.status).toBe(403)
    expect(result.body.error.type).toBe('authorization')
  })
})

describe('regions: a PAT carries none', () => {
  test('a PAT is served by whatever region the sandbox plays, where a dal token is misdirected', async () => {
    const kit = new ApiKit({ apiRegion: 'fra' })
    const pat = await kit.pat(NINA)
    expect((await kit.call(kit.token(NINA), 'list_chats')).status).toBe(421)
    expect((await kit.callWith(`Basic ${pat.base64}`, 'list_chats')).status).toBe(200)
  })
})

describe('Global Accounts /v2 with a PAT', () => {
  async function accounts(kit: ApiKit, path: string, authorization: string) {
    const response = await kit.app.request(path, { headers: { Authorization: authorization } })
    return { status: response.status, body: await response.json(), headers: response.headers }
  }

  test('GET /v2/accounts/me returns the owner’s account, without roles', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA, ['chats--access:ro'])
    const result = await accounts(kit, '/v2/accounts/me', `Basic ${pat.base64}`)
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({
      account_id: accountOf(NINA),
      email: NINA,
      name: 'Nina Agent',
      default_organization_id: ORGANIZATION.id,
    })
    expect(result.body).not.toHaveProperty('roles')
  })

  test('roles only when the PAT holds accounts.roles--all:ro', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(SAM, ['accounts.roles--all:ro'])
    const result = await accounts(kit, '/v2/accounts/me', `Basic ${pat.base64}`)
    expect(result.body.roles.map((r: { role: string }) => r.role)).toEqual(['member', 'normal'])
  })

  test('option patAccountsMeNeedsScope: without accounts--my:ro → 403 access_denied/insufficient_scope', async () => {
    const kit = new ApiKit({ patAccountsMeNeedsScope: true })
    const without = await kit.pat(NINA, ['chats--access:ro'], 'without')
    const withScope = await kit.pat(NINA, ['accounts--my:ro'], 'with')
    const refused = await accounts(kit, '/v2/accounts/me', `Basic ${without.base64}`)
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ error: 'access_denied', sub_error: 'insufficient_scope' })
    expect((await accounts(kit, '/v2/accounts/me', `Basic ${withScope.base64}`)).status).toBe(200)
  })

  test('GET /v2/organizations/my takes a PAT', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(SAM, ['chats--access:ro'])
    const result = await accounts(kit, '/v2/organizations/my', `Basic ${pat.base64}`)
    expect(result.body.organization_id).toBe(ORGANIZATION.id)
  })

  test('every refused form is 401 unauthorized (GAS shape), no WWW-Authenticate', async () => {
    const kit = new ApiKit()
    const [pat, other] = await twoPats(kit)
    for (const [label, header] of refusedForms(pat, other)) {
      const result = await accounts(kit, '/v2/accounts/me', header)
      expect({ label, status: result.status, error: result.body.error }).toEqual({
        label,
        status: 401,
        error: 'unauthorized',
      })
      expect(result.headers.get('WWW-Authenticate')).toBeNull()
    }
  })

  test('/v2/info refuses Basic, even with a live PAT: 401 unauthorized', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA)
    const result = await accounts(kit, '/v2/info', `Basic ${pat.base64}`)
    expect(result.status).toBe(401)
    expect(result.body.error).toBe('unauthorized')
    expect(JSON.stringify(result.body)).not.toContain(pat.account_id)
  })

  test('/v2/sessions is OAuth only: a PAT is 401 there', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA, ['sessions--my:rw'])
    expect((await accounts(kit, '/v2/sessions', `Basic ${pat.base64}`)).status).toBe(401)
  })
})
