// SECURITY.md #3–#20 (the implicit fragment) and docs/livechat-notes.md#answers
// (redirect-back responses): the strict parsers refuse everything the SDK's `qs` would bend.
import { describe, expect, it } from 'vitest'
import type { AuthErrorKind } from '../../../src/errors/auth-error'
import { AuthError } from '../../../src/errors/auth-error'
import {
  parseCodeQuery,
  parseParams,
  parseTokenFragment,
} from '../../../src/protocol/callback-params'

const STATE = 'i8XNjC4b8KVok4uw5RftR38Wgp2BFwql'
const OK = `#access_token=dal%3Atest_DQTRHGbZCFkAoss4Q&token_type=Bearer&expires_in=28800&state=${STATE}`

function rejection(run: () => unknown): AuthError {
  try {
    run()
  } catch (error) {
    if (error instanceof AuthError) return error
    throw new Error(`threw a non-AuthError: ${String(error)}`)
  }
  throw new Error('did not throw')
}

describe('parseTokenFragment', () => {
  it('parses the documented fragment and decodes %3A', () => {
    expect(parseTokenFragment(OK)).toEqual({
      accessToken: 'dal:test_DQTRHGbZCFkAoss4Q',
      tokenType: 'Bearer',
      expiresIn: 28800,
      state: STATE,
      scopes: null,
    })
  })

  it('accepts the real LiveChat token forms (A.13)', () => {
    for (const token of [
      'dal:abc_DEF-123',
      'fra-a:vky95357S7KM1E4dXwv1DQ',
      '1/fFBGRNJru1FQd44AzqT3Zg',
    ]) {
      const hash = `#access_token=${encodeURIComponent(token)}&token_type=Bearer&expires_in=60&state=s`
      expect(parseTokenFragment(hash).accessToken).toBe(token)
    }
  })

  it('reads a scope list when one is there (A.20)', () => {
    expect(parseTokenFragment(`${OK}&scope=chats--all%3Aro%2Cchats--all%3Arw`).scopes).toEqual([
      'chats--all:ro',
      'chats--all:rw',
    ])
    expect(parseTokenFragment(`${OK}&scopes=a%3Aro+b%3Aro`).scopes).toEqual(['a:ro', 'b:ro'])
  })

  it('ignores unknown extra keys, harmlessly (A.9)', () => {
    expect(parseTokenFragment(`${OK}&__proto__=x&constructor=y&toString=z`).accessToken).toBe(
      'dal:test_DQTRHGbZCFkAoss4Q',
    )
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it.each<[string, string, AuthErrorKind]>([
    // A.3 and A.10: no state, or an empty one
    ['no state (A.3)', '#access_token=dal:x&token_type=Bearer&expires_in=28800', 'state_mismatch'],
    [
      'empty state (A.10)',
      '#access_token=dal:x&token_type=Bearer&expires_in=28800&state=',
      'state_mismatch',
    ],
    [
      'a state with a space',
      '#access_token=dal:x&token_type=Bearer&expires_in=28800&state=a%20b',
      'state_mismatch',
    ],
    // A.6, A.7: duplicates
    ['state=A&state=A (A.6)', `${OK}&state=${STATE}`, 'malformed_response'],
    ['state=A&state=B (A.6)', `${OK}&state=other`, 'malformed_response'],
    ['duplicate access_token (A.7)', `${OK}&access_token=dal:y`, 'malformed_response'],
    ['duplicate expires_in (A.7)', `${OK}&expires_in=28800`, 'malformed_response'],
    // A.8: bracket syntax
    [
      'state[]=A (A.8)',
      '#access_token=dal:x&token_type=Bearer&expires_in=1&state[]=A',
      'malformed_response',
    ],
    [
      'access_token[x]=y (A.8)',
      `#access_token[x]=y&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    [
      'state[0]=A (A.8)',
      '#access_token=dal:x&token_type=Bearer&expires_in=1&state[0]=A',
      'malformed_response',
    ],
    [
      'encoded brackets',
      '#access_token=dal:x&token_type=Bearer&expires_in=1&state%5B%5D=A',
      'malformed_response',
    ],
    // A.9: prototype keys in bracket form
    ['__proto__[polluted]=1 (A.9)', `${OK}&__proto__[polluted]=1`, 'malformed_response'],
    [
      'constructor[prototype][x]=1 (A.9)',
      `${OK}&constructor[prototype][x]=1`,
      'malformed_response',
    ],
    // A.10
    [
      'empty access_token (A.10)',
      `#access_token=&token_type=Bearer&expires_in=28800&state=${STATE}`,
      'malformed_response',
    ],
    [
      'missing access_token',
      `#token_type=Bearer&expires_in=28800&state=${STATE}`,
      'malformed_response',
    ],
    // A.12
    [
      'token_type missing (A.12)',
      `#access_token=dal:x&expires_in=28800&state=${STATE}`,
      'malformed_response',
    ],
    [
      'token_type mac (A.12)',
      `#access_token=dal:x&token_type=mac&expires_in=28800&state=${STATE}`,
      'malformed_response',
    ],
    [
      'token_type "Bearer " (A.12)',
      `#access_token=dal:x&token_type=Bearer%20&expires_in=28800&state=${STATE}`,
      'malformed_response',
    ],
    // A.13
    [
      'token with CRLF (A.13)',
      `#access_token=dal:x%0D%0Ay&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    [
      'token with a space (A.13)',
      `#access_token=dal:x%20y&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    [
      'token with + (a space in forms)',
      `#access_token=dal:x+y&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    [
      'token with a quote (A.13)',
      `#access_token=dal:x%22y&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    [
      'token with < (A.13)',
      `#access_token=dal:x%3Cy&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    [
      'token with non-ASCII (A.13)',
      `#access_token=dal:%C3%A9&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    [
      'token with NUL (A.13)',
      `#access_token=dal:x%00&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    [
      'token over 4096 (A.13)',
      `#access_token=dal:${'a'.repeat(4100)}&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    // A.14
    [
      'truncated percent-encoding (A.14)',
      `#access_token=%E0%A4%A&token_type=Bearer&expires_in=1&state=${STATE}`,
      'malformed_response',
    ],
    [
      'a lone % (A.14)',
      `#access_token=dal:x&token_type=Bearer&expires_in=1&state=${STATE}%`,
      'malformed_response',
    ],
    ['a lone % in a key (A.14)', `${OK}&%=1`, 'malformed_response'],
    // A.16–A.19
    ...[
      'abc',
      '1e3',
      '0x10',
      '3600.5',
      '+3600',
      '%203600',
      'NaN',
      'Infinity',
      '0',
      '-5',
      '99999999999',
      '2592001',
      '',
    ].map((value): [string, string, AuthErrorKind] => [
      `expires_in=${value} (A.16, #17, #18)`,
      `#access_token=dal:x&token_type=Bearer&expires_in=${value}&state=${STATE}`,
      'malformed_response',
    ]),
    [
      'expires_in missing (A.19: refused, not defaulted)',
      `#access_token=dal:x&token_type=Bearer&state=${STATE}`,
      'malformed_response',
    ],
    // A.20
    ['a scope with %09 (A.20)', `${OK}&scope=a%3Aro%09b%3Aro`, 'malformed_response'],
    ['a scope with %0A (A.20)', `${OK}&scope=a%3Aro%0Ab%3Aro`, 'malformed_response'],
    ['both scope and scopes', `${OK}&scope=a%3Aro&scopes=b%3Aro`, 'malformed_response'],
    // A.11: errors map to fixed kinds; the description goes nowhere
    [
      'error=access_denied with a script in the description (A.11)',
      `#error=access_denied&error_description=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&state=${STATE}`,
      'access_denied',
    ],
    ['error=invalid_scope', `#error=invalid_scope&state=${STATE}`, 'invalid_scope'],
    ['error=<script>', `#error=%3Cscript%3E&state=${STATE}`, 'unknown'],
  ])('%s → %s', (_name, hash, kind) => {
    const error = rejection(() => parseTokenFragment(hash))
    expect(error.kind).toBe(kind)
    expect(error.message).not.toMatch(/onerror|<img|<script/i)
  })

  it('accepts `bearer` in any case, and the boundaries of expires_in (A.12, A.16)', () => {
    expect(parseTokenFragment(OK.replace('Bearer', 'bearer')).tokenType).toBe('Bearer')
    expect(parseTokenFragment(OK.replace('Bearer', 'BEARER')).tokenType).toBe('Bearer')
    expect(parseTokenFragment(OK.replace('28800', '1')).expiresIn).toBe(1)
    expect(parseTokenFragment(OK.replace('28800', '2592000')).expiresIn).toBe(2592000)
  })

  it('refuses a huge fragment quickly, by its size (A.15)', () => {
    const huge = `#access_token=dal:${'a'.repeat(2 * 1024 * 1024)}&token_type=Bearer&expires_in=1&state=s`
    const pairs = `#${Array.from({ length: 10_000 }, () => 'a=b').join('&')}`
    for (const hash of [huge, pairs]) {
      const started = performance.now()
      expect(rejection(() => parseTokenFragment(hash)).kind).toBe('malformed_response')
      expect(performance.now() - started).toBeLessThan(50)
    }
  })

  it('never pollutes Object.prototype (A.9)', () => {
    for (const hash of [
      `${OK}&__proto__[polluted]=1`,
      `${OK}&constructor[prototype][polluted]=1`,
      '#__proto__=polluted&state=__proto__',
      '#access_token=dal:x&token_type=Bearer&expires_in=1&state=constructor',
    ]) {
      try {
        parseTokenFragment(hash)
      } catch {
        // Rejections are expected; pollution is what is checked.
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('a prototype-named state parses as plain text, for the caller to compare with its own (A.9)', () => {
    const parsed = parseTokenFragment(
      '#access_token=dal:x&token_type=Bearer&expires_in=1&state=__proto__',
    )
    expect(parsed.state).toBe('__proto__')
  })
})

describe('parseCodeQuery (code grant)', () => {
  it('parses ?code=…&state=…, decoding a region-prefixed code', () => {
    expect(parseCodeQuery(`?code=dal%3Ak0FTiZgtBkTLnzXlatwt6Fgvpp4&state=${STATE}`)).toEqual({
      code: 'dal:k0FTiZgtBkTLnzXlatwt6Fgvpp4',
      state: STATE,
    })
  })

  it("leaves the app's own parameters alone, repeated ones included", () => {
    expect(parseCodeQuery(`?tab=1&tab=2&filter[a]=1&code=dal:c&state=${STATE}`).code).toBe('dal:c')
  })

  it.each<[string, string, AuthErrorKind]>([
    ['the docs\u2019 empty state=', '?code=dal:c&state=', 'state_mismatch'],
    ['no state', '?code=dal:c', 'state_mismatch'],
    ['duplicate code', `?code=dal:c&code=dal:d&state=${STATE}`, 'malformed_response'],
    ['duplicate state', `?code=dal:c&state=${STATE}&state=${STATE}`, 'malformed_response'],
    ['code[]', `?code[]=dal:c&state=${STATE}`, 'malformed_response'],
    ['a code with a space', `?code=dal:c%20d&state=${STATE}`, 'malformed_response'],
    ['no code', `?state=${STATE}`, 'malformed_response'],
    ['error=access_denied', `?error=access_denied&state=${STATE}`, 'access_denied'],
    ['bad percent-encoding', `?code=%E0%A4%A&state=${STATE}`, 'malformed_response'],
  ])('%s → %s', (_name, search, kind) => {
    expect(rejection(() => parseCodeQuery(search)).kind).toBe(kind)
  })
})

describe('parseParams', () => {
  it('returns a Map, so prototype-named keys are plain data', () => {
    const params = parseParams('#__proto__=a&constructor=b&hasOwnProperty=c')
    expect(params).toBeInstanceOf(Map)
    expect(params.get('__proto__')).toBe('a')
    expect(params.get('hasOwnProperty')).toBe('c')
  })

  it('decodes + as a space and tolerates empty pairs', () => {
    expect([...parseParams('?a=1+2&&b=%3A')]).toEqual([
      ['a', '1 2'],
      ['b', ':'],
    ])
  })
})
