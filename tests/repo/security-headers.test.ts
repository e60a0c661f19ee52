import { describe, expect, it } from 'vitest'
import {
  contentSecurityPolicy,
  documentHeaders,
  headersFile,
  isWidgetPath,
} from '../../security-headers'

const directives = (csp: string) =>
  Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))

describe('production security headers (catalogue #67)', () => {
  it('with no env: the real LiveChat hosts and nothing else may be contacted', () => {
    const csp = directives(contentSecurityPolicy({}))
    expect(csp['connect-src']).toEqual([
      "'self'",
      'https://accounts.livechat.com',
      'https://api.livechatinc.com',
      'wss://api.livechatinc.com',
    ])
    expect(csp['frame-src']).toEqual(['https://accounts.livechat.com'])
    expect(csp['script-src']).toEqual(["'self'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    expect(csp['base-uri']).toEqual(["'none'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['upgrade-insecure-requests']).toEqual([])
  })

  it('names exactly the configured origins (paths and trailing slashes dropped)', () => {
    const csp = directives(
      contentSecurityPolicy({
        VITE_LIVECHAT_ACCOUNTS_URL: 'http://localhost:4010/',
        VITE_LIVECHAT_API_URL: 'http://localhost:4010',
      }),
    )
    expect(csp['connect-src']).toEqual(["'self'", 'http://localhost:4010', 'ws://localhost:4010'])
    expect(csp['upgrade-insecure-requests']).toBeUndefined()
  })

  it('allows the RTM socket’s origin, exactly: derived from the API, or VITE_LIVECHAT_RTM_URL', () => {
    const connect = (env: Record<string, string>) =>
      directives(contentSecurityPolicy(env))['connect-src']
    expect(
      connect({ VITE_LIVECHAT_RTM_URL: 'wss://rtm.example.com:8443/v3.6/agent/rtm/ws' }),
    ).toEqual([
      "'self'",
      'https://accounts.livechat.com',
      'https://api.livechatinc.com',
      'wss://rtm.example.com:8443',
    ])
    // Not a ws(s) URL (the app refuses it too): the derived one, never a wildcard.
    expect(connect({ VITE_LIVECHAT_RTM_URL: 'https://evil.example' })).toContain(
      'wss://api.livechatinc.com',
    )
    expect(connect({ VITE_LIVECHAT_RTM_URL: 'https://evil.example' })).not.toContain(
      'https://evil.example',
    )
  })

  it('never allows inline or eval script, and keeps the popup-compatible COOP', () => {
    const headers = documentHeaders({})
    expect(headers['Content-Security-Policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups')
    expect(headers['Referrer-Policy']).toBe('no-referrer')
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
  })

  it('writes a _headers file with the document headers and immutable assets', () => {
    const file = headersFile({})
    expect(file.startsWith('/*\n  Content-Security-Policy: ')).toBe(true)
    expect(file).toContain('/assets/*\n  Cache-Control: public, max-age=31536000, immutable')
  })
})

describe('W1 framing: the widget routes and every other route', () => {
  it('every other route refuses every framer, twice over', () => {
    const headers = documentHeaders({ VITE_LIVECHAT_AGENT_APP_ORIGINS: 'http://localhost:4010' })
    expect(directives(headers['Content-Security-Policy']!)['frame-ancestors']).toEqual(["'none'"])
    expect(headers['X-Frame-Options']).toBe('DENY')
  })

  it('a widget route names exactly the Agent App origins and sends no X-Frame-Options', () => {
    const byDefault = documentHeaders({}, { widget: true })
    expect(directives(byDefault['Content-Security-Policy']!)['frame-ancestors']).toEqual([
      'https://my.livechatinc.com',
    ])
    expect(byDefault).not.toHaveProperty('X-Frame-Options')
    const configured = documentHeaders(
      { VITE_LIVECHAT_AGENT_APP_ORIGINS: 'https://my.livechatinc.com,http://localhost:4010' },
      { widget: true },
    )
    expect(directives(configured['Content-Security-Policy']!)['frame-ancestors']).toEqual([
      'https://my.livechatinc.com',
      'http://localhost:4010',
    ])
    // Development and sandbox builds add the sandbox (the accounts URL there): its Agent App.
    const sandboxEnv = { VITE_LIVECHAT_ACCOUNTS_URL: 'http://localhost:4010/' }
    const ancestors = (mode: string) =>
      directives(documentHeaders(sandboxEnv, { widget: true, mode })['Content-Security-Policy']!)[
        'frame-ancestors'
      ]
    expect(ancestors('sandbox')).toEqual(['https://my.livechatinc.com', 'http://localhost:4010'])
    expect(ancestors('development')).toEqual([
      'https://my.livechatinc.com',
      'http://localhost:4010',
    ])
    expect(ancestors('production')).toEqual(['https://my.livechatinc.com'])
    // The rest of the policy is the same strict one.
    expect(configured['Content-Security-Policy']).toContain("script-src 'self'")
    expect(configured['Content-Security-Policy']).not.toMatch(/\*|unsafe/)
  })

  it('a malformed origin stops the build with a message naming the variable', () => {
    expect(() =>
      documentHeaders(
        { VITE_LIVECHAT_AGENT_APP_ORIGINS: 'https://*.example.com' },
        { widget: true },
      ),
    ).toThrow(/VITE_LIVECHAT_AGENT_APP_ORIGINS: "https:\/\/\*\.example\.com" is a wildcard/)
    expect(() => headersFile({ VITE_LIVECHAT_AGENT_APP_ORIGINS: 'https:' })).toThrow(
      /VITE_LIVECHAT_AGENT_APP_ORIGINS/,
    )
  })

  it('knows a widget route by its path, whatever the query', () => {
    expect(isWidgetPath('/widget/details?plugin_id=x')).toBe(true)
    expect(isWidgetPath('/widget/fullscreen/chats')).toBe(true)
    expect(isWidgetPath('/widgets')).toBe(false)
    expect(isWidgetPath('/?next=/widget/details')).toBe(false)
    expect(isWidgetPath('/chats')).toBe(false)
  })

  it('_headers detaches the framing headers of /* on /widget/* and sets the widget policy', () => {
    const file = headersFile({})
    const rule = file.slice(file.indexOf('/widget/*\n'), file.indexOf('/assets/*'))
    expect(rule.split('\n').slice(0, 3)).toEqual([
      '/widget/*',
      '  ! Content-Security-Policy',
      '  ! X-Frame-Options',
    ])
    expect(rule).toContain('frame-ancestors https://my.livechatinc.com;')
    expect(rule).not.toMatch(/X-Frame-Options: /)
  })
})
