import { describe, expect, it } from 'vitest'
import { DEFAULT_SCOPES, readConfig } from '../../../src/config/env'

const ORIGIN = 'http://localhost:5173'
const CLIENT = '0123456789abcdef0123456789abcdef'

function problems(env: Record<string, string>) {
  const result = readConfig(env, ORIGIN)
  return result.ok ? [] : result.problems.map((p) => p.variable)
}

describe('readConfig', () => {
  it('defaults to the real LiveChat hosts, the agent scopes, popup and token', () => {
    const result = readConfig({ VITE_LIVECHAT_CLIENT_ID: CLIENT }, ORIGIN)
    expect(result).toEqual({
      ok: true,
      config: {
        clientId: CLIENT,
        accountsUrl: 'https://accounts.livechat.com',
        apiUrl: 'https://api.livechatinc.com',
        scopes: DEFAULT_SCOPES,
        organizationId: null,
        flow: 'popup',
        responseType: 'token',
        redirectUri: 'http://localhost:5173/',
      },
    })
  })

  it('reads every documented variable', () => {
    const result = readConfig(
      {
        VITE_LIVECHAT_CLIENT_ID: CLIENT.toUpperCase(),
        VITE_LIVECHAT_ACCOUNTS_URL: 'http://localhost:4010',
        VITE_LIVECHAT_API_URL: 'http://localhost:4010/',
        VITE_LIVECHAT_SCOPES: 'chats--access:ro, customers:ro,chats--access:ro',
        VITE_LIVECHAT_ORGANIZATION_ID: 'org-1',
        VITE_LIVECHAT_FLOW: 'redirect',
        VITE_LIVECHAT_RESPONSE_TYPE: 'code',
      },
      ORIGIN,
    )
    expect(result.ok && result.config).toMatchObject({
      clientId: CLIENT,
      accountsUrl: 'http://localhost:4010',
      apiUrl: 'http://localhost:4010',
      scopes: ['chats--access:ro', 'customers:ro'],
      organizationId: 'org-1',
      flow: 'redirect',
      responseType: 'code',
    })
  })

  it('lists a missing client id with where to find it', () => {
    const result = readConfig({}, ORIGIN)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/Developer Console/)
  })

  it.each([
    [{ VITE_LIVECHAT_CLIENT_ID: 'abc' }, 'VITE_LIVECHAT_CLIENT_ID'],
    [{ VITE_LIVECHAT_ACCOUNTS_URL: 'accounts.livechat.com' }, 'VITE_LIVECHAT_ACCOUNTS_URL'],
    // A path or a trailing path breaks the SDK's exact origin comparison (protocol §4.2).
    [
      { VITE_LIVECHAT_ACCOUNTS_URL: 'https://accounts.livechat.com/v2' },
      'VITE_LIVECHAT_ACCOUNTS_URL',
    ],
    [{ VITE_LIVECHAT_API_URL: 'ftp://api.livechatinc.com' }, 'VITE_LIVECHAT_API_URL'],
    [{ VITE_LIVECHAT_SCOPES: 'chats, customers:ro' }, 'VITE_LIVECHAT_SCOPES'],
    [{ VITE_LIVECHAT_SCOPES: ' , ' }, 'VITE_LIVECHAT_SCOPES'],
    [{ VITE_LIVECHAT_FLOW: 'iframe' }, 'VITE_LIVECHAT_FLOW'],
    [{ VITE_LIVECHAT_RESPONSE_TYPE: 'id_token' }, 'VITE_LIVECHAT_RESPONSE_TYPE'],
  ])('refuses a malformed value: %o', (env, variable) => {
    expect(problems({ VITE_LIVECHAT_CLIENT_ID: CLIENT, ...env })).toEqual([variable])
  })
})
