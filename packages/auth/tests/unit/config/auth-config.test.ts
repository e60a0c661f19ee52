// The package's configuration: defaults a developer can rely on, normalization the SDK's exact
// origin comparison needs, and every malformed value named with what would work.
import { describe, expect, it } from 'vitest'
import {
  checkAuthConfig,
  DEFAULT_SCOPES,
  type AuthConfigInput,
} from '../../../src/config/auth-config'
import { describeConfigProblem } from '../../../src/config/config-problem-text'

const CLIENT = '0123456789abcdef0123456789abcdef'

function fields(input: Partial<AuthConfigInput>) {
  const checked = checkAuthConfig({ clientId: CLIENT, ...input })
  return checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.issue}`)
}

describe('checkAuthConfig', () => {
  it('defaults to the real LiveChat hosts, the agent scopes, popup, token, this origin and no PAT', () => {
    expect(checkAuthConfig({ clientId: CLIENT.toUpperCase() })).toEqual({
      ok: true,
      config: {
        clientId: CLIENT,
        accountsUrl: 'https://accounts.livechat.com',
        apiUrl: 'https://api.livechatinc.com',
        rtmUrl: 'wss://api.livechatinc.com/v3.6/agent/rtm/ws',
        redirectUri: `${window.location.origin}/`,
        scopes: DEFAULT_SCOPES,
        organizationId: null,
        flow: 'popup',
        responseType: 'token',
        allowPat: false,
      },
    })
  })

  it('normalizes what it can: a trailing slash, duplicate scopes, an empty organization', () => {
    const checked = checkAuthConfig({
      clientId: CLIENT,
      accountsUrl: 'http://localhost:4010/',
      apiUrl: 'http://localhost:4010',
      scopes: ['chats--access:ro', ' customers:ro', 'chats--access:ro'],
      organizationId: '  ',
    })
    expect(checked.ok && checked.config).toMatchObject({
      accountsUrl: 'http://localhost:4010',
      rtmUrl: 'ws://localhost:4010/v3.6/agent/rtm/ws',
      scopes: ['chats--access:ro', 'customers:ro'],
      organizationId: null,
    })
    expect(Object.isFrozen(checked.ok && checked.config)).toBe(true)
  })

  it.each([
    [{ clientId: '' }, 'clientId:missing'],
    [{ clientId: 'abc' }, 'clientId:not-client-id'],
    [{ accountsUrl: 'accounts.livechat.com' }, 'accountsUrl:not-url'],
    [{ accountsUrl: 'https://accounts.livechat.com/v2' }, 'accountsUrl:not-origin'],
    [{ apiUrl: 'ftp://api.livechatinc.com' }, 'apiUrl:not-http'],
    [{ rtmUrl: 'wss://api.livechatinc.com/ws?organization_id=x' }, 'rtmUrl:not-rtm-url'],
    [{ redirectUri: 'not a url' }, 'redirectUri:not-url'],
    [{ scopes: ['chats'] }, 'scopes:not-scopes'],
    [{ scopes: [] }, 'scopes:no-scopes'],
    [{ flow: 'iframe' as never }, 'flow:not-one-of'],
    [{ responseType: 'id_token' as never }, 'responseType:not-one-of'],
  ])('refuses %o', (input, problem) => {
    expect(fields(input)).toEqual([problem])
  })

  it('says in words what to set', () => {
    const checked = checkAuthConfig({ clientId: '', flow: 'carrier-pigeon' as never })
    if (checked.ok) throw new Error('expected problems')
    expect(checked.problems.map(describeConfigProblem)).toEqual([
      expect.stringMatching(/Copy the Client Id .* Developer Console/),
      '"carrier-pigeon" must be one of: popup, redirect, implicit.',
    ])
  })
})
