import { describe, expect, it } from 'vitest'
import { describeConfigProblem } from '../../../src/config/config-problem-text'
import { DEFAULT_SCOPES } from 'livechat-browser-auth'
import { readConfig } from '../../../src/config/env'

const ORIGIN = 'http://localhost:5173'
const CLIENT = '0123456789abcdef0123456789abcdef'

function problems(env: Record<string, string | boolean>) {
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
        rtmUrl: 'wss://api.livechatinc.com/v3.6/agent/rtm/ws',
        // A production build offers no personal access token unless asked to.
        allowPat: false,
      },
    })
  })

  it('derives the RTM URL from the API origin, unless VITE_LIVECHAT_RTM_URL says otherwise', () => {
    const derived = readConfig(
      { VITE_LIVECHAT_CLIENT_ID: CLIENT, VITE_LIVECHAT_API_URL: 'http://localhost:4010' },
      ORIGIN,
    )
    expect(derived.ok && derived.config.rtmUrl).toBe('ws://localhost:4010/v3.6/agent/rtm/ws')
    const set = readConfig(
      {
        VITE_LIVECHAT_CLIENT_ID: CLIENT,
        VITE_LIVECHAT_RTM_URL: 'wss://api-fra.livechatinc.com/v3.6/agent/rtm/ws',
      },
      ORIGIN,
    )
    expect(set.ok && set.config.rtmUrl).toBe('wss://api-fra.livechatinc.com/v3.6/agent/rtm/ws')
  })

  it.each([
    [{ DEV: true }, true],
    [{ MODE: 'sandbox' }, true],
    [{ MODE: 'production' }, false],
    [{ MODE: 'production', VITE_LIVECHAT_ALLOW_PAT: 'true' }, true],
    [{ DEV: true, VITE_LIVECHAT_ALLOW_PAT: 'false' }, false],
  ])('personal access tokens: %o → offered %s', (env, offered) => {
    const result = readConfig({ VITE_LIVECHAT_CLIENT_ID: CLIENT, ...env }, ORIGIN)
    expect(result.ok && result.config.allowPat).toBe(offered)
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
    if (!result.ok) expect(describeConfigProblem(result.problems[0]!)).toMatch(/Developer Console/)
  })

  it.each([
    [{ VITE_LIVECHAT_CLIENT_ID: 'abc' }, 'VITE_LIVECHAT_CLIENT_ID'],
    [{ VITE_LIVECHAT_ACCOUNTS_URL: 'accounts.livechat.com' }, 'VITE_LIVECHAT_ACCOUNTS_URL'],
    // A path or a trailing path breaks the SDK's exact origin comparison
    // (packages/auth/docs/livechat-notes.md#the-sdk-popup).
    [
      { VITE_LIVECHAT_ACCOUNTS_URL: 'https://accounts.livechat.com/v2' },
      'VITE_LIVECHAT_ACCOUNTS_URL',
    ],
    [{ VITE_LIVECHAT_API_URL: 'ftp://api.livechatinc.com' }, 'VITE_LIVECHAT_API_URL'],
    [{ VITE_LIVECHAT_SCOPES: 'chats, customers:ro' }, 'VITE_LIVECHAT_SCOPES'],
    [{ VITE_LIVECHAT_SCOPES: ' , ' }, 'VITE_LIVECHAT_SCOPES'],
    [{ VITE_LIVECHAT_FLOW: 'iframe' }, 'VITE_LIVECHAT_FLOW'],
    [{ VITE_LIVECHAT_RESPONSE_TYPE: 'id_token' }, 'VITE_LIVECHAT_RESPONSE_TYPE'],
    [
      { VITE_LIVECHAT_RTM_URL: 'https://api.livechatinc.com/v3.6/agent/rtm/ws' },
      'VITE_LIVECHAT_RTM_URL',
    ],
    [
      { VITE_LIVECHAT_RTM_URL: 'wss://api.livechatinc.com/v3.6/agent/rtm/ws?organization_id=x' },
      'VITE_LIVECHAT_RTM_URL',
    ],
    [{ VITE_LIVECHAT_ALLOW_PAT: 'yes' }, 'VITE_LIVECHAT_ALLOW_PAT'],
  ])('refuses a malformed value: %o', (env, variable) => {
    expect(problems({ VITE_LIVECHAT_CLIENT_ID: CLIENT, ...env })).toEqual([variable])
  })
})
