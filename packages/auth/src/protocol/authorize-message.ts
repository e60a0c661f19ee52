// Judges one `message` event against the authorize round trip we are waiting for. The SDK's own
// listener checks only the origin (and throws on `data === null`); this one requires the exact
// accounts origin, the window we opened, a well-formed envelope and our state
// (SECURITY.md #28–#34). Every read is guarded: the data is attacker-shaped.
import type { ResponseType } from '../config/auth-config'
import { AuthError } from '../errors/auth-error'
import { toAuthError } from '../errors/oauth-error'
import type { AuthorizeResult } from './authorize-result'
import { parseScopes } from '../scopes/scope-list'
import { isBearer, isTokenLike, parseExpiresIn } from './token-format'

export interface ExpectedAnswer {
  /** The accounts origin, compared as an exact string. */
  origin: string
  /** The popup or iframe window we hold; messages from any other window are not ours. */
  source: unknown
  state: string
  responseType: ResponseType
  codeVerifier?: string
}

export type MessageVerdict =
  | { kind: 'ignore' }
  | { kind: 'result'; result: AuthorizeResult }
  | { kind: 'error'; error: AuthError }

const IGNORE: MessageVerdict = { kind: 'ignore' }

function get(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is object {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

function text(value: unknown, key: string): string | undefined {
  const field = get(value, key)
  return typeof field === 'string' ? field : undefined
}

export function judgeAuthorizeMessage(
  event: Pick<MessageEvent, 'origin' | 'source' | 'data'>,
  expected: ExpectedAnswer,
): MessageVerdict {
  try {
    return judge(event, expected)
  } catch {
    return IGNORE
  }
}

function judge(
  event: Pick<MessageEvent, 'origin' | 'source' | 'data'>,
  expected: ExpectedAnswer,
): MessageVerdict {
  if (event.origin !== expected.origin || event.source !== expected.source) return IGNORE
  const envelope: unknown = event.data
  if (!isRecord(envelope)) return IGNORE

  const error = get(envelope, 'error')
  const data = get(envelope, 'data')
  const errorShaped =
    isRecord(error) &&
    (text(error, 'oauth_exception') !== undefined ||
      text(error, 'identity_exception') !== undefined)
  const dataShaped =
    isRecord(data) && (text(data, 'access_token') !== undefined || text(data, 'code') !== undefined)
  if (!errorShaped && !dataShaped) return IGNORE

  // The server echoes state at the top level; whether also inside `data` is not documented (docs/livechat-notes.md#answers).
  const outer = text(envelope, 'state')
  const inner = text(errorShaped ? error : data, 'state')
  const mismatch = new AuthError('state_mismatch')
  if (outer !== undefined && inner !== undefined && outer !== inner)
    return { kind: 'error', error: mismatch }
  const state = outer ?? inner

  if (errorShaped) {
    // An error from our own window without a state is still believed: it can only stop the
    // flow, never sign anyone in. One with somebody else's state is not ours.
    if (state !== undefined && state !== expected.state) return { kind: 'error', error: mismatch }
    return {
      kind: 'error',
      error: toAuthError({
        oauth_exception: text(error, 'oauth_exception'),
        identity_exception: text(error, 'identity_exception'),
        exception_details: text(error, 'exception_details'),
      }),
    }
  }

  if (state !== expected.state) return { kind: 'error', error: mismatch }
  return readSuccess(data, expected)
}

function malformed(message: string): MessageVerdict {
  return { kind: 'error', error: new AuthError('malformed_response', message) }
}

function readSuccess(data: unknown, expected: ExpectedAnswer): MessageVerdict {
  if (expected.responseType === 'code') {
    const code = get(data, 'code')
    if (!isTokenLike(code) || !expected.codeVerifier)
      return malformed('The authorization code was missing or malformed.')
    return {
      kind: 'result',
      result: { kind: 'code', code, codeVerifier: expected.codeVerifier, state: expected.state },
    }
  }
  const accessToken = get(data, 'access_token')
  if (!isTokenLike(accessToken)) return malformed('The access token was missing or malformed.')
  const tokenType = get(data, 'token_type')
  if (tokenType !== undefined && !isBearer(tokenType))
    return malformed('The token type was not Bearer.')
  const expiresIn = parseExpiresIn(get(data, 'expires_in'))
  if (expiresIn === null) return malformed('The token lifetime was missing or out of range.')
  // `scopes` (an array) is what the server historically sent; the SDK renames it to `scope`.
  const rawScopes = get(data, 'scope') ?? get(data, 'scopes')
  const scopes = rawScopes === undefined ? null : parseScopes(rawScopes)
  if (rawScopes !== undefined && scopes === null) return malformed('The scope list was malformed.')
  return {
    kind: 'result',
    result: { kind: 'token', accessToken, expiresIn, scopes, state: expected.state },
  }
}
