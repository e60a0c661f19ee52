// The answer of a redirect or implicit sign-in, read from the URL once per page load, before the
// app renders. Its reader (callback-reader.ts, with the SDK) loads only when the URL carries an
// answer, then reads and strips it in one task. The promise is memoized for the page, so
// StrictMode's double effects (or a second caller) get the same result and the transaction is
// consumed exactly once.
import type { AuthConfig } from '../config/auth-config'
import { AuthError } from '../errors/auth-error'
import { PENDING_KEY } from '../protocol/callback-keys'
import type { RedirectCallbackResult } from './callback-result'
import { answerIn, stripAnswer } from './callback-url'

let memo: Promise<RedirectCallbackResult> | null = null
let watchingLateAnswers = false

/** Whether the URL carries an authorize answer (token, code, error or state). */
export function hasAuthParams(): boolean {
  const { hash, query } = answerIn(window.location)
  return hash || query
}

function forgetPending(): void {
  try {
    window.sessionStorage.removeItem(PENDING_KEY)
  } catch {
    // No storage, no transaction.
  }
}

/**
 * The one-time redirect callback of this page load; every call after the first returns the same
 * promise. When the URL carries an answer, its reader (and the SDK) load first, then the answer
 * is read and stripped from the URL in one task: render after this settles, and no script of the
 * page sees a token in the address bar. Never rejects.
 */
export function handleRedirectCallback(
  config: AuthConfig,
  now?: number,
): Promise<RedirectCallbackResult> {
  if (memo) return memo
  if (!watchingLateAnswers) {
    watchingLateAnswers = true
    // An answer pasted into the address bar of a page already running changes only the
    // fragment: nothing loads and it is never read as a sign-in, but it would stay on show.
    window.addEventListener('hashchange', () => {
      if (answerIn(window.location).hash) stripAnswer(window.location, window.history.state)
    })
  }
  if (!hasAuthParams()) {
    // A sign-in abandoned on LiveChat's side (Back): its transaction is single-use all the same.
    forgetPending()
    memo = Promise.resolve({ kind: 'none' })
    return memo
  }
  memo = import('./callback-reader').then(
    (reader) => reader.readCallback(config, now ?? Date.now()),
    (): RedirectCallbackResult => {
      // Without its reader an answer is refused, and stripped all the same.
      forgetPending()
      stripAnswer(window.location, window.history.state)
      return { kind: 'error', error: new AuthError('network') }
    },
  )
  return memo
}
