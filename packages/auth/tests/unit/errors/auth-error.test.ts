// LiveChat's error codes and the SDK's rejection shapes (docs/livechat-notes.md#errors) become errors with a kind,
// and every kind has plain words and a next step.
import { describe, expect, it } from 'vitest'
import { AuthError, asAuthError, type AuthErrorKind } from '../../../src/errors/auth-error'
import { AUTH_ERROR_KINDS, describeAuthError } from '../../../src/errors/auth-error-text'
import { toAuthError } from '../../../src/errors/oauth-error'

describe('toAuthError', () => {
  it.each<[string, unknown, AuthErrorKind, string | undefined]>([
    // The SDK's popup/iframe rejections: the posted error plus its `description`.
    [
      'access_denied',
      {
        oauth_exception: 'access_denied',
        exception_details: 'x',
        description: 'Probably this application is installed…',
      },
      'access_denied',
      'access_denied',
    ],
    ['invalid_scope', { oauth_exception: 'invalid_scope' }, 'invalid_scope', 'invalid_scope'],
    [
      'unauthorized_client',
      { oauth_exception: 'unauthorized_client' },
      'unauthorized_client',
      'unauthorized_client',
    ],
    [
      'invalid_request with the SDK "not whitelisted" text',
      {
        oauth_exception: 'invalid_request',
        description: 'You may be loading accounts-sdk on a domain that is not whitelisted.',
      },
      'domain_not_allowed',
      'invalid_request',
    ],
    [
      'unauthorized_client + invalid_redirect_uri',
      { oauth_exception: 'unauthorized_client', exception_details: 'invalid_redirect_uri' },
      'domain_not_allowed',
      'unauthorized_client',
    ],
    [
      'redirect_uri_not_set',
      { oauth_exception: 'unauthorized_client', exception_details: 'redirect_uri_not_set' },
      'domain_not_allowed',
      'unauthorized_client',
    ],
    [
      'client_id_not_found',
      { oauth_exception: 'unauthorized_client', exception_details: 'client_id_not_found' },
      'unauthorized_client',
      'unauthorized_client',
    ],
    [
      'too_many_redirects with invalid_request',
      { oauth_exception: 'invalid_request', exception_details: 'too_many_redirects' },
      'too_many_redirects',
      'invalid_request',
    ],
    [
      'too_many_redirects with access_denied',
      { oauth_exception: 'access_denied', exception_details: 'too_many_redirects' },
      'too_many_redirects',
      'access_denied',
    ],
    [
      'unsupported_response_type',
      { oauth_exception: 'unsupported_response_type' },
      'unsupported_response_type',
      'unsupported_response_type',
    ],
    ['server_error', { oauth_exception: 'server_error' }, 'server_error', 'server_error'],
    [
      'temporarily_unavailable',
      { oauth_exception: 'temporarily_unavailable' },
      'server_error',
      'temporarily_unavailable',
    ],
    ['an unknown oauth code', { oauth_exception: 'brand_new' }, 'unknown', 'brand_new'],
    [
      'identity unauthorized',
      {
        identity_exception: 'unauthorized',
        description: 'Resource owner identity is not known or consent is missing.',
      },
      'identity_unknown',
      'unauthorized',
    ],
    ['identity_lost', { identity_exception: 'identity_lost' }, 'identity_unknown', 'identity_lost'],
    [
      'identity access_denied (banned)',
      { identity_exception: 'access_denied' },
      'access_denied',
      'access_denied',
    ],
    [
      'a JSON API body',
      { error: 'server_error', error_description: 'boom' },
      'server_error',
      'server_error',
    ],
  ])('%s', (_name, value, kind, code) => {
    const error = toAuthError(value)
    expect(error).toBeInstanceOf(AuthError)
    expect(error.kind).toBe(kind)
    expect(error.code).toBe(code)
  })

  it('keeps exception_details as details', () => {
    expect(toAuthError({ oauth_exception: 'access_denied', exception_details: 'x' }).details).toBe(
      'x',
    )
  })

  it("the iframe's bare 'timeout' string is a timeout", () => {
    expect(toAuthError('timeout').kind).toBe('timeout')
  })

  it('a fetch TypeError is a network error', () => {
    expect(toAuthError(new TypeError('Failed to fetch')).kind).toBe('network')
  })

  it.each([[new Error('x')], ['some string'], [null], [undefined], [42], [{}]])(
    '%j is unknown',
    (value) => {
      expect(toAuthError(value).kind).toBe('unknown')
    },
  )

  it('returns an AuthError unchanged', () => {
    const error = new AuthError('popup_closed')
    expect(toAuthError(error)).toBe(error)
  })

  it('survives objects whose getters throw', () => {
    const hostile = Object.defineProperty({}, 'oauth_exception', {
      get() {
        throw new Error('boom')
      },
    })
    expect(toAuthError(hostile).kind).toBe('unknown')
  })

  it('never copies a token into its message or details', () => {
    const token = 'dal:test_DQTRHGbZCFkAoss4Q'
    const cases = [
      new Error(`request failed for #access_token=${encodeURIComponent(token)}&state=abc`),
      new TypeError(`Bearer ${token} refused`),
      new Error(`token ${token} is bad`),
      { oauth_exception: 'access_denied', exception_details: token },
    ]
    for (const value of cases) {
      const error = toAuthError(value)
      expect(error.message).not.toContain('DQTRHGbZCFkAoss4Q')
      expect(error.details ?? '').not.toContain('DQTRHGbZCFkAoss4Q')
    }
  })
})

describe('asAuthError (what the provider and startup use)', () => {
  it('keeps an AuthError, calls a TypeError (fetch or a chunk that failed to load) network, anything else unknown', () => {
    const own = new AuthError('access_denied')
    expect(asAuthError(own)).toBe(own)
    expect(asAuthError(new TypeError('Failed to fetch dynamically imported module')).kind).toBe(
      'network',
    )
    expect(asAuthError(new Error('boom')).kind).toBe('unknown')
    expect(asAuthError({ oauth_exception: 'access_denied' }).kind).toBe('unknown')
  })
})

describe('describeAuthError', () => {
  it.each(AUTH_ERROR_KINDS)('%s has a title, a message and a next step', (kind) => {
    const described = describeAuthError(new AuthError(kind))
    expect(described.title.length).toBeGreaterThan(5)
    expect(described.message.length).toBeGreaterThan(20)
    expect([
      'retry',
      'use-redirect',
      'request-access',
      'contact-admin',
      'sign-in-again',
      'fix-token',
    ]).toContain(described.action)
  })

  it('covers exactly the kinds of the AuthErrorKind union, each with its own title', () => {
    const titles = AUTH_ERROR_KINDS.map((kind) => describeAuthError(new AuthError(kind)).title)
    expect(AUTH_ERROR_KINDS).toHaveLength(23)
    // malformed_response and state_mismatch share "could not be verified" on purpose.
    expect(new Set(titles).size).toBe(22)
  })

  it.each<[AuthErrorKind, RegExp, string]>([
    ['popup_blocked', /blocked the sign-in window/i, 'use-redirect'],
    ['popup_closed', /closed|cancel/i, 'retry'],
    ['state_mismatch', /could not be verified/i, 'retry'],
    ['access_denied', /denied/i, 'retry'],
    ['invalid_scope', /administrator/i, 'contact-admin'],
    ['wrong_client', /different app/i, 'sign-in-again'],
    ['too_many_redirects', /30 seconds/i, 'retry'],
    ['expired', /expired/i, 'sign-in-again'],
  ])('%s says what happened and what to do', (kind, words, action) => {
    const described = describeAuthError(new AuthError(kind))
    expect(`${described.title} ${described.message}`).toMatch(words)
    expect(described.action).toBe(action)
  })

  it('describes raw SDK rejections once toAuthError has read them', () => {
    expect(describeAuthError(toAuthError({ oauth_exception: 'invalid_scope' })).title).toMatch(
      /role/i,
    )
    expect(describeAuthError(toAuthError('timeout')).title).toMatch(/too long/i)
  })

  it('describes anything else as a network failure (TypeError) or unknown, never throws', () => {
    expect(describeAuthError(new TypeError('Failed to fetch')).title).toMatch(/reach LiveChat/i)
    expect(describeAuthError({ oauth_exception: 'invalid_scope' }).title).toBe('Sign-in failed')
    expect(describeAuthError(undefined).title).toBe('Sign-in failed')
  })
})
