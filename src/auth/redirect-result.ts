// Reads the answer of a redirect or implicit sign-in from the URL, once per page load, before
// React renders (security-catalogue.md §4.8, T1, T12). Synchronously, in one block that no other
// script can interrupt: detect the auth parameters, let the SDK parse them when it ran the flow,
// then strip them from the address bar and the current history entry. Only then does anything
// asynchronous happen (the parsers and checks load with the answer: redirect-answer.ts). The
// promise is memoized at module level, so StrictMode's double effects (or a second caller) get
// the same outcome and the transaction is consumed exactly once.
import type { AppConfig, Flow } from '../config/env'
import type { RedirectAuthorizeData } from './accounts-sdk'
import { CODE_QUERY_KEYS, HASH_KEYS } from './answer-keys'
import { AuthError, toAuthError } from './auth-error'
import type { AuthorizeResult } from './authorize-result'
import { takePendingLookup } from './pending-redirect'
import { loadedSdk } from './sdk-loader'

export type RedirectOutcome =
  | { kind: 'none' }
  | { kind: 'authorized'; flow: Flow; result: AuthorizeResult; returnTo: string }
  | { kind: 'error'; error: AuthError; returnTo?: string }

/** Query keys of an auth answer, stripped; the app's other query parameters stay. */
const QUERY_KEYS: ReadonlySet<string> = CODE_QUERY_KEYS

let memo: Promise<RedirectOutcome> | null = null

/**
 * Whether the URL carries an authorize answer (token, code, error or state). main.tsx loads the
 * SDK first when it does: the SDK must parse the answer in the same task that strips it.
 */
export function carriesRedirectAnswer(): boolean {
  const { search, hash } = window.location
  return hasAuthKey(hash, HASH_KEYS) || hasAuthKey(search, QUERY_KEYS)
}

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
        // main.tsx loaded the SDK before calling us; without it the answer is refused below.
        const sdk = loadedSdk()?.createSdk(config, {
          responseType: pending.responseType,
          state: pending.state,
          scopes: pending.scopes,
        })
        sdkData = sdk?.redirect().authorizeData() ?? null
        sdkData?.catch(() => undefined)
      }
    } catch {
      sdkData = null
    } finally {
      const keptHash = hashAuth ? '' : hash
      strip(`${pathname}${queryAuth ? withoutAuthKeys(search) : search}${keptHash}`, historyState)
      if (lookup.status !== 'none') loadedSdk()?.sweepSdkStorage(lookup.pending.state)
    }
  }
  // ---- from here on the URL holds no token, code or state ----
  if (!hashAuth && !queryAuth) return Promise.resolve({ kind: 'none' })
  const captured = { hash: hashAuth ? hash : null, search: queryAuth ? search : null }
  return import('./redirect-answer').then(
    ({ settleRedirectAnswer }) => settleRedirectAnswer(lookup, captured, sdkData),
    (error: unknown) => ({ kind: 'error', error: toAuthError(error) }),
  )
}
