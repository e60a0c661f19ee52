// Reads the answer of a redirect or implicit sign-in from the URL, once per page load, before
// React renders (security-catalogue.md §4.8, T1, T12). Synchronously, in one block that no other
// script can interrupt: detect the auth parameters, let the SDK parse them when it ran the flow,
// then strip them from the address bar and the current history entry. Only then does anything
// asynchronous happen. The promise is memoized at module level, so StrictMode's double effects
// (or a second caller) get the same outcome and the transaction is consumed exactly once.
import type { AppConfig, Flow } from '../config/env'
import { createSdk, sweepSdkStorage, type RedirectAuthorizeData } from './accounts-sdk'
import { AuthError, toAuthError } from './auth-error'
import type { AuthorizeResult } from './authorize-result'
import {
  CODE_QUERY_KEYS,
  parseCodeQuery,
  parseParams,
  parseTokenFragment,
  stateOf,
} from './fragment'
import { takePendingLookup, type Pending, type PendingLookup } from './pending-redirect'
import { safeReturnTo } from './return-to'

export type RedirectOutcome =
  | { kind: 'none' }
  | { kind: 'authorized'; flow: Flow; result: AuthorizeResult; returnTo: string }
  | { kind: 'error'; error: AuthError; returnTo?: string }

/** Fragment keys that make it an auth answer; `#/settings` and other app fragments are not (A.2). */
const HASH_KEYS: ReadonlySet<string> = new Set(['access_token', 'error', 'state'])
/** Query keys of an auth answer, stripped; the app's other query parameters stay. */
const QUERY_KEYS: ReadonlySet<string> = CODE_QUERY_KEYS

let memo: Promise<RedirectOutcome> | null = null

/** The one-time redirect result; every call after the first returns the same promise. */
export function consumeRedirectResult(
  config: AppConfig,
  now: number = Date.now(),
): Promise<RedirectOutcome> {
  if (memo) return memo
  try {
    memo = consume(config, now)
  } catch (error) {
    // Never let boot crash on a strange URL: it becomes an error the sign-in page can show.
    memo = Promise.resolve({ kind: 'error', error: toAuthError(error) })
  }
  return memo
}

/** The base name of a raw `key=value` pair: `state[]` and `state%5B0%5D` are `state`. */
function keyOf(pair: string): string {
  const equals = pair.indexOf('=')
  let key = equals === -1 ? pair : pair.slice(0, equals)
  try {
    key = decodeURIComponent(key)
  } catch {
    // An undecodable key is compared raw.
  }
  const bracket = key.indexOf('[')
  return bracket === -1 ? key : key.slice(0, bracket)
}

function pairsOf(part: string): string[] {
  const text = part.startsWith('#') || part.startsWith('?') ? part.slice(1) : part
  return text === '' ? [] : text.split('&')
}

function hasAuthKey(part: string, keys: ReadonlySet<string>): boolean {
  return pairsOf(part).some((pair) => keys.has(keyOf(pair)))
}

/** The query without the auth keys, raw pairs kept as they were. */
function withoutAuthKeys(search: string): string {
  const kept = pairsOf(search).filter((pair) => pair !== '' && !QUERY_KEYS.has(keyOf(pair)))
  return kept.length > 0 ? `?${kept.join('&')}` : ''
}

function strip(url: string, historyState: unknown): void {
  try {
    window.history.replaceState(historyState, '', url)
  } catch {
    // A sandboxed document may refuse; nothing else can be done from here.
  }
}

function stateMismatch(returnTo?: string): RedirectOutcome {
  return {
    kind: 'error',
    error: new AuthError('state_mismatch'),
    ...(returnTo === undefined ? {} : { returnTo }),
  }
}

function consume(config: AppConfig, now: number): Promise<RedirectOutcome> {
  // ---- synchronous part: nothing below may await before the URL is clean ----
  const { pathname, search, hash } = window.location
  const historyState: unknown = window.history.state
  const hashAuth = hasAuthKey(hash, HASH_KEYS)
  const queryAuth = hasAuthKey(search, QUERY_KEYS)
  const lookup = takePendingLookup(now)
  let sdkData: Promise<RedirectAuthorizeData> | null = null
  if (hashAuth || queryAuth) {
    try {
      if (lookup.status === 'ok' && lookup.pending.flow === 'redirect') {
        const { pending } = lookup
        // The SDK parses location synchronously in its Promise executor, then rewrites the URL with
        // the token put back (§4.5); the strip below runs right after, in the same task.
        const sdk = createSdk(config, {
          responseType: pending.responseType,
          state: pending.state,
          scopes: pending.scopes,
        })
        sdkData = sdk.redirect().authorizeData()
        sdkData.catch(() => undefined)
      }
    } catch {
      sdkData = null
    } finally {
      const keptHash = hashAuth ? '' : hash
      strip(`${pathname}${queryAuth ? withoutAuthKeys(search) : search}${keptHash}`, historyState)
      if (lookup.status !== 'none') sweepSdkStorage(lookup.pending.state)
    }
  }
  // ---- from here on the URL holds no token, code or state ----
  return settle(
    lookup,
    { hash: hashAuth ? hash : null, search: queryAuth ? search : null },
    sdkData,
  )
}

async function settle(
  lookup: PendingLookup,
  captured: { hash: string | null; search: string | null },
  sdkData: Promise<RedirectAuthorizeData> | null,
): Promise<RedirectOutcome> {
  if (captured.hash === null && captured.search === null) return { kind: 'none' }
  // An answer with no sign-in of ours pending: unsolicited, login CSRF or a replay (A.4, A.21).
  if (lookup.status === 'none') return stateMismatch()
  const returnTo = safeReturnTo(lookup.pending.returnTo)
  if (lookup.status === 'expired') {
    return {
      kind: 'error',
      error: new AuthError('timeout', 'The sign-in took too long. Please try again.'),
      returnTo,
    }
  }
  try {
    const result = await read(lookup.pending, captured, sdkData)
    return { kind: 'authorized', flow: lookup.pending.flow, result, returnTo }
  } catch (error) {
    return { kind: 'error', error: toAuthError(error), returnTo }
  }
}

async function read(
  pending: Pending,
  captured: { hash: string | null; search: string | null },
  sdkData: Promise<RedirectAuthorizeData> | null,
): Promise<AuthorizeResult> {
  const raw = pending.responseType === 'token' ? captured.hash : captured.search
  // The answer is not where our flow expects it: not an answer to our request.
  if (raw === null) throw new AuthError('state_mismatch')
  const params = parseParams(raw, pending.responseType === 'code' ? { strictKeys: QUERY_KEYS } : {})
  // Exact, single-use state before anything else is believed (A.3–A.6, A.9). Never SDK verify(),
  // which passes when the state is missing (§4.6).
  if (stateOf(params) !== pending.state) throw new AuthError('state_mismatch')

  let result: AuthorizeResult
  if (pending.responseType === 'token') {
    const token = parseTokenFragment(raw)
    result = {
      kind: 'token',
      accessToken: token.accessToken,
      expiresIn: token.expiresIn,
      scopes: token.scopes,
      state: token.state,
    }
  } else {
    const answer = parseCodeQuery(raw)
    if (!pending.codeVerifier)
      throw new AuthError('malformed_response', 'The sign-in lost its PKCE verifier.')
    result = {
      kind: 'code',
      code: answer.code,
      codeVerifier: pending.codeVerifier,
      state: answer.state,
    }
  }

  if (pending.flow === 'redirect') {
    // The SDK ran this flow, so its parser must agree with ours; `qs` output that differs
    // (arrays, objects) means the URL was something our parser would also refuse.
    if (!sdkData) throw new AuthError('malformed_response')
    let data: RedirectAuthorizeData
    try {
      data = await sdkData
    } catch (error) {
      throw new AuthError('malformed_response', undefined, { cause: error })
    }
    const agrees =
      data.state === pending.state &&
      (result.kind === 'token'
        ? data.access_token === result.accessToken
        : data.code === result.code)
    if (!agrees) throw new AuthError('malformed_response')
  }
  return result
}
