// Issuing, listing and revoking personal access tokens through the control API
// (POST/GET/DELETE /sandbox/pats; docs/PAT.md): what the console asks for and shows once.
import { describe, expect, test } from 'vitest'
import { PEOPLE } from '../../src/seed/identity'
import { ADAM, AGENT_SET, ApiKit, NINA, OLIVIA, SAM } from '../harness/api-kit'

const accountOf = (email: string) => PEOPLE.find((p) => p.email === email)?.accountId as string

async function send(kit: ApiKit, method: string, path: string, body?: unknown) {
  const response = await kit.app.request(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

describe('POST /sandbox/pats issues a token, shown once', () => {
  test('201 with the account id, the token, its Base64 form (account_id:token), scopes and time', async () => {
    const kit = new ApiKit()
    const result = await send(kit, 'POST', '/sandbox/pats', {
      account: NINA,
      name: 'My script',
      scopes: ['chats--access:ro', 'agents--my:rw'],
    })
    expect(result.status).toBe(201)
    expect(result.body).toEqual({
      account_id: accountOf(NINA),
      organization_id: kit.state.directory.primary.id,
      name: 'My script',
      token: expect.any(String),
      base64: expect.any(String),
      scopes: ['chats--access:ro', 'agents--my:rw'],
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
    })
    expect(Buffer.from(result.body.base64, 'base64').toString()).toBe(
      `${accountOf(NINA)}:${result.body.token}`,
    )
    // docs/PAT.md UNKNOWN: opaque, no data-centre prefix by default.
    expect(result.body.token).not.toMatch(/^(dal|fra)/)
  })

  test('the account may be given by account id; scopes as a comma-separated string', async () => {
    const kit = new ApiKit()
    const result = await send(kit, 'POST', '/sandbox/pats', {
      account: accountOf(SAM),
      name: 'by id',
      scopes: 'chats--access:ro,customers:ro',
    })
    expect(result.status).toBe(201)
    expect(result.body.account_id).toBe(accountOf(SAM))
    expect(result.body.scopes).toEqual(['chats--access:ro', 'customers:ro'])
  })

  test.each([
    ['an unknown account', { account: 'eve@evil.test', name: 'x', scopes: AGENT_SET }],
    ['no account', { name: 'x', scopes: AGENT_SET }],
    ['an empty name', { account: NINA, name: '  ', scopes: AGENT_SET }],
    ['no name', { account: NINA, scopes: AGENT_SET }],
    ['an empty scope list', { account: NINA, name: 'x', scopes: [] }],
    ['no scopes', { account: NINA, name: 'x' }],
    ['a scope her role cannot hold', { account: NINA, name: 'x', scopes: ['chats--all:ro'] }],
    ['an unknown scope', { account: NINA, name: 'x', scopes: ['chats--everything:rw'] }],
  ])('400 for %s', async (_case, body) => {
    const kit = new ApiKit()
    const result = await send(kit, 'POST', '/sandbox/pats', body)
    expect(result.status).toBe(400)
    expect(result.body.error).toEqual(expect.any(String))
    expect(kit.state.pats.size).toBe(0)
  })

  test('a name is unique per account: 400 for the same account, fine for another', async () => {
    const kit = new ApiKit()
    await kit.pat(NINA, AGENT_SET, 'dup')
    const again = await send(kit, 'POST', '/sandbox/pats', {
      account: NINA,
      name: 'dup',
      scopes: AGENT_SET,
    })
    expect(again.status).toBe(400)
    expect(again.body.error).toContain('already has a token named "dup"')
    expect((await kit.pat(SAM, AGENT_SET, 'dup')).name).toBe('dup')
  })

  test('an administrator may hold administrator scopes', async () => {
    const kit = new ApiKit()
    expect((await kit.pat(ADAM, ['chats--all:ro'])).scopes).toEqual(['chats--all:ro'])
  })

  test('only a hash is stored: neither the token nor its Base64 form is in the state', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(OLIVIA)
    const stored = JSON.stringify(
      [...kit.state.pats.values()].map((r) => ({ ...r, hash: r.hash.toString('hex') })),
    )
    expect(stored).not.toContain(pat.token)
    expect(stored).not.toContain(pat.base64)
    expect(stored).not.toContain(Buffer.from(pat.token).toString('hex'))
  })
})

describe('GET /sandbox/pats lists without secrets', () => {
  test('owner, name, scopes and times; never the token or its Base64 form', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA, ['chats--access:ro'], 'listed')
    const result = await send(kit, 'GET', '/sandbox/pats')
    expect(result.body).toEqual({
      pats: [
        {
          account_id: accountOf(NINA),
          email: NINA,
          organization_id: kit.state.directory.primary.id,
          name: 'listed',
          scopes: ['chats--access:ro'],
          created_at: pat.created_at,
          expires_at: null,
        },
      ],
    })
    expect(JSON.stringify(result.body)).not.toContain(pat.token)
  })

  test('patLifetime gives new PATs an expiry that ends them on the sandbox clock', async () => {
    const kit = new ApiKit({ patLifetime: 60 })
    const pat = await kit.pat(NINA)
    expect((await send(kit, 'GET', '/sandbox/pats')).body.pats[0].expires_at).toEqual(
      expect.any(String),
    )
    expect((await kit.callWith(`Basic ${pat.base64}`, 'list_chats')).status).toBe(200)
    await send(kit, 'POST', '/sandbox/clock', { advanceSeconds: 61 })
    expect((await kit.callWith(`Basic ${pat.base64}`, 'list_chats')).status).toBe(401)
  })
})

describe('DELETE /sandbox/pats revokes', () => {
  test('the revoked PAT fails like an unknown one; the owner’s other PATs keep working', async () => {
    const kit = new ApiKit()
    const doomed = await kit.pat(NINA, AGENT_SET, 'doomed')
    const kept = await kit.pat(NINA, AGENT_SET, 'kept')
    const result = await send(kit, 'DELETE', '/sandbox/pats', { account: NINA, name: 'doomed' })
    expect(result).toEqual({ status: 200, body: { revoked: 1 } })
    const refused = await kit.callWith(`Basic ${doomed.base64}`, 'list_chats')
    expect(refused.status).toBe(401)
    expect(refused.body).toEqual({
      error: { type: 'authentication', message: 'Invalid access token' },
    })
    expect((await kit.callWith(`Basic ${kept.base64}`, 'list_chats')).status).toBe(200)
    // The name is free again, as after deleting a token in the console.
    expect((await kit.pat(NINA, AGENT_SET, 'doomed')).name).toBe('doomed')
  })

  test('an unknown name is 404, an unknown account 400; the form route revokes too', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(SAM, AGENT_SET, 'form')
    expect(
      (await send(kit, 'DELETE', '/sandbox/pats', { account: SAM, name: 'nope' })).status,
    ).toBe(404)
    expect(
      (await send(kit, 'DELETE', '/sandbox/pats', { account: 'x', name: 'form' })).status,
    ).toBe(400)
    const form = await kit.app.request('/sandbox/pats/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ account: accountOf(SAM), name: 'form' }).toString(),
    })
    expect(form.status).toBe(303)
    expect(form.headers.get('Location')).toContain('message=')
    expect((await kit.callWith(`Basic ${pat.base64}`, 'list_chats')).status).toBe(401)
  })

  test('POST /sandbox/reset forgets every PAT', async () => {
    const kit = new ApiKit()
    const pat = await kit.pat(NINA)
    await send(kit, 'POST', '/sandbox/reset', {})
    expect((await send(kit, 'GET', '/sandbox/pats')).body).toEqual({ pats: [] })
    expect((await kit.callWith(`Basic ${pat.base64}`, 'list_chats')).status).toBe(401)
  })
})

describe('the control page form (console-style)', () => {
  test('creating from the form answers the page itself with the three values once', async () => {
    const kit = new ApiKit()
    const body = new URLSearchParams([
      ['account', NINA],
      ['name', 'From the page'],
      ['scopes', 'chats--access:ro'],
      ['scopes', 'accounts--my:ro'],
    ])
    const response = await kit.app.request('/sandbox/pats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    })
    // Not a redirect: the secret must never travel in a URL or land in history.
    expect(response.status).toBe(200)
    const html = await response.text()
    const [record] = [...kit.state.pats.values()]
    expect(record?.scopes).toEqual(['chats--access:ro', 'accounts--my:ro'])
    const token = /Personal access token<\/dt><dd><code>([^<]+)</.exec(html)?.[1] as string
    const base64 = /Base64 encoded token<\/dt><dd><code>([^<]+)</.exec(html)?.[1] as string
    expect(Buffer.from(base64, 'base64').toString()).toBe(`${accountOf(NINA)}:${token}`)
    expect((await kit.callWith(`Basic ${base64}`, 'list_chats')).status).toBe(200)
    // Shown once: the page loaded again lists the token by name only.
    const later = await (await kit.app.request('/sandbox')).text()
    expect(later).toContain('From the page')
    expect(later).not.toContain(token)
    expect(later).not.toContain(base64)
  })
})
