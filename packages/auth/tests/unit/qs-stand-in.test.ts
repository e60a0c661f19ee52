// `livechat-browser-auth/qs` stands in for `qs` (the accounts SDK's one dependency that matters for
// size) where a bundler aliases it, as the app's vite.config.ts does. The real qs is still
// installed with the SDK: on everything the SDK stringifies and parses, the two must give the
// same answer.
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as standIn from '../../src/qs'

interface Qs {
  stringify(value: unknown): string
  parse(text: string, options?: { ignoreQueryPrefix?: boolean }): Record<string, unknown>
}

/** The real qs, from where the SDK resolves it (the alias applies to imports, not to this). */
function realQs(): Qs {
  const require = createRequire(import.meta.url)
  const sdkDir = dirname(require.resolve('@livechat/accounts-sdk/package.json'))
  return require(require.resolve('qs', { paths: [sdkDir] })) as Qs
}

const qs = realQs()

describe('the qs stand-in gives what qs gives the SDK', () => {
  it('is not qs itself (the test compares two implementations)', () => {
    expect(standIn.stringify).not.toBe(qs.stringify)
  })

  it.each([
    {
      client_id: 'cid',
      redirect_uri: 'http://localhost:5173/',
      response_type: 'token',
      scope: 'chats--my:ro,chats--access:rw',
      state: 'a1B2-_.~',
    },
    // PKCE and the popup's parameters, with values that need escaping.
    {
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      redirect_uri: 'https://app.example/cb?x=1&y=two words#frag',
      prompt: 'consent',
      email_hint: 'nina+agent@example.com',
      odd: "!'()*~ é 😀",
    },
    // What the SDK leaves out or empties, and what it restores after a redirect.
    { skipped: undefined, empty: null, yes: true, no: false, count: 3 },
    { nested: { a: '1', list: ['x', 'y'] }, none: [] },
    { 'a[b]': '1', plain: 'p' },
  ])('stringify %#', (params) => {
    expect(standIn.stringify(params)).toBe(qs.stringify(params))
  })

  it.each([
    // The implicit answer in the fragment, and an error answer.
    'access_token=dal%3Aabc.def%2Bg&expires_in=28800&state=s1&scope=chats--my%3Aro&token_type=Bearer',
    'error=access_denied&error_description=The+user+denied+access&state=s1',
    // The code answer in the query (the SDK strips the '?' itself, or asks qs to).
    'code=dal%3Acode&state=s2',
    // Repeated keys, bare keys, empty parts, '=' in a value, a malformed escape.
    'a=1&a=2&a=3',
    'flag&&=orphan&x=',
    'a=b=c&d=%E0%A4%A&e=%20+%2B',
    // Keys that would shadow Object.prototype (the SDK calls hasOwnProperty on the result).
    'hasOwnProperty=1&toString=2&__proto__=3&constructor=4&state=ok',
    'a%5BhasOwnProperty%5D=1&toString%5Bx%5D=2&b=3',
    '',
  ])('parse %j', (text) => {
    expect(standIn.parse(text)).toEqual(qs.parse(text))
  })

  it('parse with ignoreQueryPrefix, as the SDK reads location.search', () => {
    for (const text of ['?code=c&state=s', 'code=c', '?'])
      expect(standIn.parse(text, { ignoreQueryPrefix: true })).toEqual(
        qs.parse(text, { ignoreQueryPrefix: true }),
      )
  })

  it('keys that would shadow Object.prototype are dropped, as qs drops them (A.9)', () => {
    const text = 'hasOwnProperty=x&__proto__%5Bpolluted%5D=1&__proto__=y&constructor=z&state=s1'
    const parsed = standIn.parse(text)
    expect(parsed).toEqual(qs.parse(text))
    expect(parsed).toEqual({ state: 's1' })
    expect(Object.prototype.hasOwnProperty.call(parsed, 'hasOwnProperty')).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // The SDK asks the parsed answer hasOwnProperty(field): it must still be the real one.
    // eslint-disable-next-line no-prototype-builtins -- the very call the SDK makes
    expect(parsed.hasOwnProperty('state')).toBe(true)
  })

  it('a bracketed key stays flat, and round-trips to the same string qs writes', () => {
    const text = 'a%5Bb%5D=1&c=2'
    expect(standIn.parse(text)).toEqual({ 'a[b]': '1', c: '2' })
    expect(standIn.stringify(standIn.parse(text))).toBe(qs.stringify(qs.parse(text)))
  })
})
