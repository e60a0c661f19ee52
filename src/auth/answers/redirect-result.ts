// Reads the answer of a redirect or implicit sign-in from the URL, once per page load, before
// React renders (security-catalogue.md §4.8, T1, T12). Synchronously, in one block that no other
// script can interrupt: detect the auth parameters, take the pending transaction and let the SDK
// parse them when it ran the flow (redirect-answer.ts, loaded first by main.tsx only when the URL
// carries an answer), then strip them from the address bar and the current history entry. Only
// then does anything asynchronous happen. The promise is memoized at module level, so
// StrictMode's double effects (or a second caller) get the same outcome and the transaction is
// consumed exactly once.
import type { AppConfig, Flow } from '../../config/env'
import { CODE_QUERY_KEYS, HASH_KEYS, PENDING_KEY } from './answer-keys'
import { AuthError, asAuthError } from '../errors/auth-error'
import type { AuthorizeResult } from './authorize-result'
import type * as RedirectAnswer from './redirect-answer'

export type RedirectOutcome =
  | { kind: 'none' }
  | { kind: 'authorized'; flow: Flow; result: AuthorizeResult; returnTo: string }
  | { kind: 'error'; error: AuthError; returnTo?: string }

/** Query keys of an auth answer, stripped; the app's other query parameters stay. */
const QUERY_KEYS: ReadonlySet<string> = CODE_QUERY_KEYS

let memo: Promise<RedirectOutcome> | null = null
let reader: typeof RedirectAnswer | null = null

/**
 * Whether the URL carries an authorize answer (token, code, error or state). main.tsx then loads
 * the reader (and the SDK) before consuming: they must run in the same task that strips it.
 */
export function carriesRedirectAnswer(): boolean {
  const { search, hash } = window.location
  return hasAuthKey(hash, HASH_KEYS) || hasAuthKey(search, QUERY_KEYS)
}

/**
 * An answer pasted into the address bar of a page already running changes only the fragment:
 * nothing loads and it is never read as a sign-in, but the token would stay on show. Strip it
 * (security-catalogue.md #21/#22). Call once at startup.
 */
export function stripLateAnswers(): void {
  window.addEventListener('hashchange', () => {
    const { pathname, search, hash } = window.location
    if (hasAuthKey(hash, HASH_KEYS)) strip(`${pathname}${search}`, window.history.state)
  })
}

/** Loads what reads an answer. Never rejects: without it the answer is refused, and stripped. */
export function loadRedirectReader(): Promise<void> {
  return import('./redirect-answer').then(
    (module) => {
      reader = module
    },
    () => undefined,
  )
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
    memo = Promise.resolve({ kind: 'error', error: asAuthError(error) })
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

function forgetPending(): void {
  try {
    window.sessionStorage.removeItem(PENDING_KEY)
  } catch {
    // No storage, no transaction.
  }
}

function consume(config: AppConfig, now: number): Promise<RedirectOutcome> {
  // ---- synchronous part: nothing below may await before the URL is clean ----
  const { pathname, search, hash } = window.location
  const historyState: unknown = window.history.state
  const hashAuth = hasAuthKey(hash, HASH_KEYS)
  const queryAuth = hasAuthKey(search, QUERY_KEYS)
  if (!hashAuth && !queryAuth) {
    // A sign-in abandoned on LiveChat's side (Back): its transaction is single-use all the same.
    forgetPending()
    return Promise.resolve({ kind: 'none' })
  }
  const captured = { hash: hashAuth ? hash : null, search: queryAuth ? search : null }
  let outcome: Promise<RedirectOutcome>
  try {
    outcome = reader
      ? reader.readRedirectAnswer(config, captured, now)
      : Promise.resolve({ kind: 'error', error: new AuthError('network') })
  } catch (error) {
    outcome = Promise.resolve({ kind: 'error', error: asAuthError(error) })
  } finally {
    if (!reader) forgetPending()
    const keptHash = hashAuth ? '' : hash
    strip(`${pathname}${queryAuth ? withoutAuthKeys(search) : search}${keptHash}`, historyState)
  }
  // ---- from here on the URL holds no token, code or state ----
  return outcome
}
