// Personal access tokens (docs/livechat-notes.md#personal-access-tokens): what the agent pastes becomes a Basic
// credential, checked with GET /v2/accounts/me against the sandbox (which mints real PATs).
import { describe, expect, it } from 'vitest'
import { patCredential, signInWithPat } from '../../../src/session/pat-sign-in'
import { ACME_LABS, ORGANIZATION } from 'livechat-sandbox'
import { sandboxConfig } from '../../support/sandbox-config'
import { SANDBOX_ORIGIN } from '../../../../../tests/support/sandbox-msw'

const NINA = '7c1a4d2e-8b3f-4c5d-9e6f-0a1b2c3d4e5f'

interface Minted {
  account_id: string
  token: string
  base64: string
}

async function mint(
  account = 'nina@acme.test',
  scopes = ['chats--access:ro'],
  organizationId?: string,
): Promise<Minted> {
  const response = await fetch(`${SANDBOX_ORIGIN}/sandbox/pats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      account,
      name: `test-${crypto.randomUUID()}`,
      scopes,
      organization_id: organizationId,
    }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as Minted
}

const decode = (value: string) => atob(value)

describe('patCredential: what a pasted token becomes', () => {
  it.each([
    ['an Account ID and a PAT', { accountId: NINA, token: 'abc_DEF-123' }],
    [
      'the same with whitespace and an upper-case UUID',
      { accountId: `  ${NINA.toUpperCase()} `, token: ' abc_DEF-123\n' },
    ],
    ['the console’s Base64 value alone', { accountId: '', token: btoa(`${NINA}:abc_DEF-123`) }],
    [
      'the Base64 value with a pasted “Basic ” prefix',
      { accountId: '', token: `Basic ${btoa(`${NINA}:abc_DEF-123`)}` },
    ],
    [
      'the unencoded pair (the misleading CFG sample)',
      { accountId: '', token: `${NINA}:abc_DEF-123` },
    ],
    [
      'a pair copied with %3A for the colon (LiveChat’s troubleshooting page)',
      { accountId: '', token: `${NINA}%3Aabc_DEF-123` },
    ],
  ])('accepts %s', (_case, input) => {
    const { credential, accountId } = patCredential(input)
    expect(credential.scheme).toBe('Basic')
    expect(decode(credential.value)).toBe(`${NINA}:abc_DEF-123`)
    expect(accountId).toBe(NINA)
  })

  it('splits at the first colon only: a PAT may contain colons', () => {
    const { credential } = patCredential({ accountId: '', token: btoa(`${NINA}:a:b`) })
    expect(decode(credential.value)).toBe(`${NINA}:a:b`)
  })

  it.each([
    ['a Bearer paste', { accountId: NINA, token: 'Bearer dal:abc' }, 'pat_bearer'],
    ['a bare PAT without the Account ID', { accountId: '', token: 'abc_DEF-123' }, 'pat_malformed'],
    ['an email as the Account ID', { accountId: 'nina@acme.test', token: 'abc' }, 'pat_malformed'],
    ['Base64 of something else', { accountId: '', token: btoa('hello world') }, 'pat_malformed'],
    ['a PAT with a space inside', { accountId: NINA, token: 'abc def' }, 'pat_malformed'],
    ['an empty token', { accountId: NINA, token: '   ' }, 'pat_malformed'],
  ])('refuses %s', (_case, input, kind) => {
    expect(() => patCredential(input)).toThrow(expect.objectContaining({ kind }))
  })
})

describe('signInWithPat against the sandbox', () => {
  it('a minted PAT (either form) signs in as its owner, with the declared scopes and no expiry', async () => {
    const pat = await mint()
    for (const input of [
      { accountId: pat.account_id, token: pat.token },
      { accountId: '', token: pat.base64 },
    ]) {
      const session = await signInWithPat(sandboxConfig, input, ['chats--access:ro'])
      expect(session).toMatchObject({
        kind: 'pat',
        flow: 'pat',
        accountId: pat.account_id,
        email: 'nina@acme.test',
        expiresAt: null,
        scopes: ['chats--access:ro'],
        credential: { scheme: 'Basic', value: pat.base64 },
      })
      expect(session.organizationId).toMatch(/.+/)
    }
  })

  it('a wrong or revoked PAT is pat_rejected', async () => {
    const pat = await mint()
    await expect(
      signInWithPat(sandboxConfig, { accountId: pat.account_id, token: `${pat.token}x` }, []),
    ).rejects.toMatchObject({ kind: 'pat_rejected' })
    const other = await mint('sam@acme.test')
    // Someone else's Account ID with my token: refused too.
    await expect(
      signInWithPat(sandboxConfig, { accountId: other.account_id, token: pat.token }, []),
    ).rejects.toMatchObject({ kind: 'pat_rejected' })
  })

  it('the session is in the organization the PAT acts for, not the account’s default one', async () => {
    const labs = await mint('maya@partner.test', ['chats--access:ro'], ACME_LABS.id)
    const session = await signInWithPat(sandboxConfig, { accountId: '', token: labs.base64 }, [])
    expect(session.organizationId).toBe(ACME_LABS.id)
    const support = await mint('maya@partner.test', ['chats--access:ro'])
    const other = await signInWithPat(sandboxConfig, { accountId: '', token: support.base64 }, [])
    expect(other.organizationId).toBe(ORGANIZATION.id)
  })

  it('a pinned organization refuses a PAT of another one', async () => {
    const pat = await mint()
    const pinned = { ...sandboxConfig, organizationId: 'another-organization' }
    await expect(
      signInWithPat(pinned, { accountId: '', token: pat.base64 }, []),
    ).rejects.toMatchObject({ kind: 'wrong_organization' })
  })
})
