// docs/ACCOUNTS.md: the doc's own example table, then the
// corner cases (scheme, port, shorter path, `..`, query, trailing slash).
import { describe, expect, test } from 'vitest'
import { redirectUriAllowed } from '../../src/accounts/redirect-uri'

describe('Redirect URI matching: the documented table', () => {
  // The doc abbreviates rows 5–6 as `/archives…` and the last two as `http://…`; they are
  // written out in full against the configured URI of the same row.
  const table: [configured: string, requested: string, valid: boolean][] = [
    ['http://livechat.com', 'http://livechat.com', true],
    ['http://livechat.com', 'http://livechat.com/archives', true],
    ['http://livechat.com', 'http://livechat.com/archives/../', false],
    ['http://livechat.com/archives', 'http://livechat.com', false],
    ['http://livechat.com/archives', 'http://livechat.com/archives', true],
    ['http://livechat.com/archives', 'http://livechat.com/archives/chats', true],
    ['http://localhost:3000', 'http://localhost:3000', true],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000', true],
    ['http://localhost:3000', 'http://localhost:4000', false],
    ['https://livechat.com', 'http://livechat.com', false],
    ['http://livechat.com', 'https://livechat.com', false],
  ]
  test.each(table)('configured %s, requested %s → %s', (configured, requested, valid) => {
    expect(redirectUriAllowed([configured], requested)).toBe(valid)
  })
})

describe('corner cases', () => {
  const sandboxClient = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173']

  test('what the SDK sends (origin + pathname, a bare origin gains `/`) is allowed', () => {
    expect(redirectUriAllowed(sandboxClient, 'http://localhost:5173/')).toBe(true)
    expect(redirectUriAllowed(sandboxClient, 'http://localhost:5173/sign-in')).toBe(true)
    expect(redirectUriAllowed(sandboxClient, 'http://127.0.0.1:5173/team')).toBe(true)
  })

  test('query and fragment are refused, even empty ones', () => {
    expect(redirectUriAllowed(sandboxClient, 'http://localhost:5173/?x=1')).toBe(false)
    expect(redirectUriAllowed(sandboxClient, 'http://localhost:5173/?')).toBe(false)
    expect(redirectUriAllowed(sandboxClient, 'http://localhost:5173/#frag')).toBe(false)
  })

  test('`..` traversal is refused, also percent-encoded or mid-path', () => {
    expect(
      redirectUriAllowed(['http://livechat.com/archives'], 'http://livechat.com/archives/../admin'),
    ).toBe(false)
    expect(
      redirectUriAllowed(
        ['http://livechat.com/archives'],
        'http://livechat.com/archives/%2e%2e/admin',
      ),
    ).toBe(false)
    expect(redirectUriAllowed(['http://livechat.com'], 'http://livechat.com/a/./b')).toBe(false)
  })

  test('the trailing slash matters "if you used it": configured `/app/` does not cover `/app`', () => {
    expect(redirectUriAllowed(['http://livechat.com/app/'], 'http://livechat.com/app')).toBe(false)
    expect(redirectUriAllowed(['http://livechat.com/app/'], 'http://livechat.com/app/')).toBe(true)
    expect(redirectUriAllowed(['http://livechat.com/app'], 'http://livechat.com/app/')).toBe(true)
  })

  test('host spelling, port and scheme are exact', () => {
    expect(redirectUriAllowed(sandboxClient, 'http://localhost:5174/')).toBe(false)
    expect(redirectUriAllowed(['http://localhost:4173'], 'http://127.0.0.1:4173/')).toBe(false)
    expect(redirectUriAllowed(sandboxClient, 'https://localhost:5173/')).toBe(false)
    expect(redirectUriAllowed(sandboxClient, 'http://localhost.evil.test:5173/')).toBe(false)
  })

  test('tricks that parse to an allowed host are refused: userinfo, backslashes, relative URIs', () => {
    expect(redirectUriAllowed(sandboxClient, 'http://evil.test@localhost:5173/')).toBe(false)
    expect(redirectUriAllowed(sandboxClient, 'http://localhost:5173\\@evil.test/')).toBe(false)
    expect(redirectUriAllowed(sandboxClient, '/sign-in')).toBe(false)
    expect(redirectUriAllowed(sandboxClient, '//localhost:5173/')).toBe(false)
    expect(redirectUriAllowed(sandboxClient, '')).toBe(false)
  })

  test('a client with no configured URI allows nothing', () => {
    expect(redirectUriAllowed([], 'http://localhost:5173/')).toBe(false)
  })
})
