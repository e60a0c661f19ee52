// How a successful authorize reaches the app: docs/ACCOUNTS.md (redirect-back
// responses), docs/ACCOUNTS.md (what the popup or iframe posts).
import { describe, expect, test } from 'vitest'
import { CLIENT_ID } from '../../src/seed/clients'
import {
  APP_ORIGIN,
  accountIdOf,
  authorizeQuery,
  completeAuthorize,
  newSandbox,
  postedMessage,
} from '../harness/accounts-kit'

const PKCE = {
  response_type: 'code',
  code_challenge: 'a'.repeat(43),
  code_challenge_method: 'plain',
}

describe('redirect delivery', () => {
  test('token: 302 to redirect_uri#access_token=<encoded>&token_type=Bearer&expires_in=28800&state=…', async () => {
    const { sandbox, browser } = newSandbox()
    const response = await completeAuthorize(
      browser,
      authorizeQuery({ state: 'a b&c' }),
      'Nina Agent',
    )
    expect(response.status).toBe(302)
    const [token] = [...sandbox.state.tokens.accessTokens.keys()]
    expect(response.headers.get('Location')).toBe(
      `${APP_ORIGIN}/#access_token=${encodeURIComponent(token ?? '')}&token_type=Bearer&expires_in=28800&state=a%20b%26c`,
    )
    // docs/ACCOUNTS.md: the region prefix's `:` arrives as %3A.
    expect(response.headers.get('Location')).toContain('access_token=dal%3A')
  })

  test("the docs' bare-origin redirect_uri gains its `/`, and a path is kept", async () => {
    const { browser } = newSandbox()
    const bare = await completeAuthorize(
      browser,
      authorizeQuery({ redirect_uri: APP_ORIGIN }),
      'Nina Agent',
    )
    expect(bare.headers.get('Location')).toMatch(/^http:\/\/localhost:5173\/#access_token=/)
    const deep = await completeAuthorize(
      browser,
      authorizeQuery({ redirect_uri: `${APP_ORIGIN}/sign-in` }),
      'Nina Agent',
    )
    expect(deep.headers.get('Location')).toMatch(/^http:\/\/localhost:5173\/sign-in#access_token=/)
  })

  test('no state sent (the SDK default): the fragment has no state at all', async () => {
    const { browser } = newSandbox()
    const response = await completeAuthorize(
      browser,
      authorizeQuery({ state: undefined }),
      'Nina Agent',
    )
    const fragment = (response.headers.get('Location') ?? '').split('#')[1] ?? ''
    expect(fragment).toMatch(/^access_token=[^&]+&token_type=Bearer&expires_in=28800$/)
  })

  test('code: 302 to redirect_uri?code=<encoded>&state=…, with `state=` empty when none was sent', async () => {
    const { sandbox, browser } = newSandbox()
    const withState = await completeAuthorize(browser, authorizeQuery(PKCE), 'Nina Agent')
    const [code] = [...sandbox.state.tokens.codes.keys()]
    expect(withState.headers.get('Location')).toBe(
      `${APP_ORIGIN}/?code=${encodeURIComponent(code ?? '')}&state=st-1`,
    )
    const noState = await completeAuthorize(
      browser,
      authorizeQuery({ ...PKCE, state: undefined }),
      'Nina Agent',
    )
    expect(noState.headers.get('Location')).toMatch(
      /^http:\/\/localhost:5173\/\?code=dal%3A[^&]+&state=$/,
    )
  })

  test('the region prefix and the lifetime follow the options', async () => {
    const { browser } = newSandbox({ tokenRegion: 'fra-b', tokenLifetime: 600 })
    const response = await completeAuthorize(browser, authorizeQuery(), 'Sam Support')
    expect(response.headers.get('Location')).toMatch(
      /#access_token=fra-b%3A[^&]+&token_type=Bearer&expires_in=600&/,
    )
  })
})

describe('button delivery (postMessage envelope)', () => {
  test('token: {state, data:{access_token, token_type, expires_in, scopes, account_id, organization_id, client_id, state}}', async () => {
    const { sandbox, browser } = newSandbox()
    const response = await completeAuthorize(
      browser,
      authorizeQuery({ flow: 'button', scope: 'accounts--my:ro,agents--my:rw' }),
      'Nina Agent',
    )
    const [token] = [...sandbox.state.tokens.accessTokens.keys()]
    expect(postedMessage(await response.text())).toEqual({
      message: {
        state: 'st-1',
        data: {
          access_token: token,
          token_type: 'Bearer',
          expires_in: 28800,
          scopes: ['accounts--my:ro', 'agents--my:rw'],
          account_id: accountIdOf('Nina Agent'),
          organization_id: '7a1e4c52-3b8d-4f6a-9c2e-5d0b8f1a2c3e',
          client_id: CLIENT_ID,
          state: 'st-1',
        },
      },
      target: APP_ORIGIN,
    })
  })

  test('code: `code` instead of `access_token`', async () => {
    const { sandbox, browser } = newSandbox()
    const response = await completeAuthorize(
      browser,
      authorizeQuery({ ...PKCE, flow: 'button' }),
      'Sam Support',
    )
    const data = postedMessage(await response.text()).message.data ?? {}
    expect(data.code).toBe([...sandbox.state.tokens.codes.keys()][0])
    expect(data).not.toHaveProperty('access_token')
    expect(sandbox.state.tokens.accessTokens.size).toBe(0)
  })

  test('toggles: scope as a comma string, no state in data, targetOrigin `*`', async () => {
    const { browser } = newSandbox({
      scopeField: 'scope',
      echoStateInData: false,
      postMessageTarget: '*',
    })
    const response = await completeAuthorize(
      browser,
      authorizeQuery({ flow: 'button', scope: 'accounts--my:ro,agents--my:rw' }),
      'Nina Agent',
    )
    const { message, target } = postedMessage(await response.text())
    expect(message.data?.scope).toBe('accounts--my:ro,agents--my:rw')
    expect(message.data).not.toHaveProperty('scopes')
    expect(message.data).not.toHaveProperty('state')
    expect(message.state).toBe('st-1')
    expect(target).toBe('*')
  })

  test('no state sent: the envelope carries none either', async () => {
    const { browser } = newSandbox()
    const response = await completeAuthorize(
      browser,
      authorizeQuery({ flow: 'button', state: undefined }),
      'Nina Agent',
    )
    const { message } = postedMessage(await response.text())
    expect(message).not.toHaveProperty('state')
    expect(message.data).not.toHaveProperty('state')
  })

  test('a hostile state cannot break out of the inline script (`</script>`, U+2028)', async () => {
    const { browser } = newSandbox()
    const state = '</script><script>alert(1)</script>\u2028x\u2029<!--'
    const response = await completeAuthorize(
      browser,
      authorizeQuery({ flow: 'button', state }),
      'Nina Agent',
    )
    const html = await response.text()
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('\u2028')
    expect(html).not.toContain('\u2029')
    expect(html).not.toContain('<!--')
    expect(postedMessage(html).message.state).toBe(state)
  })

  test('the 25-token cap: the 26th token for (client, account) revokes the oldest', async () => {
    const { sandbox, browser } = newSandbox({ redirectLimit: 100 })
    const tokens: string[] = []
    for (let i = 0; i < 26; i++) {
      const response = await completeAuthorize(
        browser,
        authorizeQuery({ flow: 'button' }),
        'Nina Agent',
      )
      tokens.push(String(postedMessage(await response.text()).message.data?.access_token))
    }
    expect(new Set(tokens).size).toBe(26)
    const info = (token: string) =>
      sandbox.app.request('/v2/info', { headers: { Authorization: `Bearer ${token}` } })
    expect((await info(tokens[0] ?? '')).status).toBe(401)
    expect((await info(tokens[1] ?? '')).status).toBe(200)
    expect((await info(tokens[25] ?? '')).status).toBe(200)
  })
})
