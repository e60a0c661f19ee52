// Strict parsers for what LiveChat puts in our URL: the implicit grant's fragment and the code
// grant's query. Unlike the SDK's `qs` (arrays for duplicates, objects for brackets, `NaN`
// lifetimes) every oddity is a rejection (SECURITY.md #3–#20). The parsed pairs
// live in a Map, so `__proto__` and friends are plain keys that pollute nothing.
import { AuthError } from '../errors/auth-error'
import { kindForOAuthCode } from '../errors/oauth-error'
import { parseScopes } from '../scopes/scope-list'
import { isBearer, isTokenLike, parseExpiresIn } from './token-format'
import { CODE_QUERY_KEYS } from './callback-keys'

/** Fragments and queries beyond this are refused before any parsing work (A.15). */
export const MAX_PARAMS_LENGTH = 8 * 1024

export interface TokenResponseParams {
  accessToken: string
  tokenType: 'Bearer'
  expiresIn: number
  state: string
  /** Null when the response carries no scope: /v2/info is the authority anyway. */
  scopes: string[] | null
}

export interface CodeResponseParams {
  code: string
  state: string
}

export interface ParseParamsOptions {
  /**
   * Keys whose duplicates and bracket forms are refused. Default: every key (a fragment belongs
   * wholly to the accounts server). For a query, only the auth keys: the app's own query may repeat.
   */
  strictKeys?: ReadonlySet<string>
}

function malformed(message: string): AuthError {
  return new AuthError('malformed_response', message)
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '))
  } catch {
    // Malformed percent-encoding (`%E0%A4%A`, a lone `%`): a rejection, never an uncaught URIError.
    throw malformed('The sign-in answer had malformed percent-encoding.')
  }
}

/** Splits `a=1&b=2` (a leading `#` or `?` is ignored) into a Map, strictly. */
export function parseParams(
  input: string,
  { strictKeys }: ParseParamsOptions = {},
): Map<string, string> {
  const text = input.startsWith('#') || input.startsWith('?') ? input.slice(1) : input
  if (text.length > MAX_PARAMS_LENGTH) throw malformed('The sign-in answer was too long.')
  const params = new Map<string, string>()
  if (text === '') return params
  for (const pair of text.split('&')) {
    if (pair === '') continue
    const equals = pair.indexOf('=')
    const key = decode(equals === -1 ? pair : pair.slice(0, equals))
    const value = equals === -1 ? '' : decode(pair.slice(equals + 1))
    const bracket = key.search(/[[\]]/)
    const base = bracket === -1 ? key : key.slice(0, bracket)
    const strict = strictKeys === undefined || strictKeys.has(base)
    if (bracket !== -1) {
      // `state[]=A`, `access_token[x]=y`: type confusion in `qs`-style parsers (A.8).
      if (strict) throw malformed('The sign-in answer had an unexpected parameter form.')
      continue
    }
    if (params.has(key)) {
      if (strict) throw malformed('The sign-in answer repeated a parameter.')
      continue
    }
    params.set(key, value)
  }
  return params
}

/** Non-empty, printable and of sane length; it is compared with ours, never interpreted. */
function readState(params: Map<string, string>): string {
  const state = params.get('state')
  if (state === undefined || state === '' || state.length > 512 || !/^[\x21-\x7e]+$/.test(state)) {
    throw new AuthError('state_mismatch', undefined, { details: 'state missing or malformed' })
  }
  return state
}

/** An RFC 6749 §4.1.2.1 / §4.2.2.1 error in the answer becomes the matching AuthError. */
function throwIfError(params: Map<string, string>): void {
  const error = params.get('error')
  if (error === undefined) return
  const code = /^[a-z_]{1,64}$/.test(error) ? error : undefined
  // error_description is attacker-influenced text: kept out of every message (A.11).
  throw new AuthError(kindForOAuthCode(code), undefined, { code })
}

/** The state of an answer, for the caller's comparison before anything else is trusted. */
export function stateOf(params: Map<string, string>): string | null {
  try {
    return readState(params)
  } catch {
    return null
  }
}

/** Parses `#access_token=…&token_type=Bearer&expires_in=28800&state=…` (docs/livechat-notes.md#answers). */
export function parseTokenFragment(hash: string): TokenResponseParams {
  const params = parseParams(hash)
  throwIfError(params)
  const state = readState(params)
  const accessToken = params.get('access_token')
  if (!isTokenLike(accessToken)) throw malformed('The access token was missing or malformed.')
  if (!isBearer(params.get('token_type')))
    throw malformed('The token type was missing or not Bearer.')
  // Missing expires_in is refused rather than defaulted: LiveChat always sends it (A.19).
  const expiresIn = parseExpiresIn(params.get('expires_in'))
  if (expiresIn === null) throw malformed('The token lifetime was missing or out of range.')
  let scopes: string[] | null = null
  const scope = params.get('scope')
  const scopesAlias = params.get('scopes')
  if (scope !== undefined && scopesAlias !== undefined)
    throw malformed('The scopes were given twice.')
  const rawScopes = scope ?? scopesAlias
  if (rawScopes !== undefined) {
    scopes = parseScopes(rawScopes)
    if (scopes === null) throw malformed('The scope list was malformed.')
  }
  return { accessToken, tokenType: 'Bearer', expiresIn, state, scopes }
}

/** Parses `?code=…&state=…`; the app's own query parameters are left alone. */
export function parseCodeQuery(search: string): CodeResponseParams {
  const params = parseParams(search, { strictKeys: CODE_QUERY_KEYS })
  throwIfError(params)
  const state = readState(params)
  const code = params.get('code')
  if (!isTokenLike(code)) throw malformed('The authorization code was missing or malformed.')
  return { code, state }
}
