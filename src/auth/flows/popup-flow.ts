// Popup sign-in through the SDK, with the watchdog the SDK lacks (livechat-auth-protocol.md §4.1,
// security-catalogue.md §4.6, §5 B).
//
// Design:
// 1. We open the window ourselves, synchronously inside the click handler, with
//    `window.open('', 'livechat-login-popup', features)`. The SDK opens its URL with that same
//    window name, so its `window.open(url, 'livechat-login-popup', …)` — possibly a microtask later,
//    after `document.requestStorageAccess()` — navigates our window instead of opening another, and
//    we hold the handle. `null` (or a throw) means blocked: we say so at once, where the SDK's
//    promise would never settle.
// 2. Then, once the lazily loaded SDK is there, `sdk.popup(opts).authorize()` builds the URL with
//    our state and PKCE verifier. Its own `message` listener is held back
//    (withoutSdkMessageListener) and its promise ignored.
// 3. Our `message` listener is authoritative: exact accounts origin, `event.source` === our
//    window, a well-formed envelope, our state (judgeAuthorizeMessage). Foreign messages are
//    ignored and the flow stays pending; a wrong state ends it with state_mismatch.
// 4. A poll of `popup.closed` ends it with popup_closed (a short grace lets a message posted just
//    before the window closed win), an overall timeout with timeout.
// 5. Whatever ends it (or cancel()) removes our listener, clears the timers, closes the window and
//    sweeps the SDK's cookies; anything arriving later is ignored.
import type { AppConfig, ResponseType } from '../../config/env'
import { AuthError } from '../errors/auth-error'
import type { AuthorizeResult } from '../answers/authorize-result'
import { randomState, randomVerifier } from './random'
import { loadedSignInSteps, loadSignInSteps } from './load-sign-in-steps'

export type { AuthorizeResult }

/** The SDK's window name: reusing it is what lets the SDK navigate the window we opened. */
export const POPUP_NAME = 'livechat-login-popup'
/** After `closed` turns true, wait this long for a message posted just before closing. */
const CLOSED_GRACE_MS = 250

export interface PopupSignInOptions {
  responseType: ResponseType
  popupFlow: 'auto' | 'manual'
  prompt?: 'consent'
  scopes: readonly string[]
  /** Overall limit for a human sign-in. */
  timeoutMs?: number
  closedPollMs?: number
}

export interface PopupSignIn {
  state: string
  /**
   * Resolves once the SDK has been loaded and handed the window (and the answer is listened
   * for), or at once when the flow ended before that. Never rejects.
   */
  ready: Promise<void>
  /** Resolves with the checked answer, or rejects with an AuthError; settles exactly once. */
  result: Promise<AuthorizeResult>
  /** Brings the open popup to the front (a second click while it is open). */
  focus(): void
  /** Ends the flow: closes the window; the result rejects with popup_closed. Idempotent. */
  cancel(): void
}

function popupFeatures(): string {
  const w = 500
  const h = 650
  // Same geometry as the SDK, so the window does not jump when the SDK navigates it.
  const left = window.screen.width / 2 - w / 2
  const top = window.screen.height / 2 - h / 2
  return `resizable,scrollbars,width=${w},height=${h},left=${left},top=${top}`
}

function isClosed(popup: Window): boolean {
  try {
    return popup.closed
  } catch {
    return true
  }
}

/** MUST be called synchronously from a click handler, or browsers block the window. */
export function startPopupSignIn(
  config: AppConfig,
  {
    responseType,
    popupFlow,
    prompt,
    scopes,
    timeoutMs = 120_000,
    closedPollMs = 500,
  }: PopupSignInOptions,
): PopupSignIn {
  const state = randomState()
  // For the Flow lab's timeline: the observer itself loads with the steps, after the window opens.
  const stateAt = performance.timeOrigin + performance.now()
  const codeVerifier = responseType === 'code' ? randomVerifier() : undefined

  let popup: Window | null = null
  try {
    popup = window.open('', POPUP_NAME, popupFeatures())
  } catch {
    popup = null
  }
  if (!popup) {
    const result = Promise.reject(new AuthError('popup_blocked'))
    return { state, ready: Promise.resolve(), result, focus() {}, cancel() {} }
  }
  const opened: Window = popup

  let resolve!: (result: AuthorizeResult) => void
  let reject!: (error: AuthError) => void
  const result = new Promise<AuthorizeResult>((res, rej) => {
    resolve = res
    reject = rej
  })

  let settled = false
  let removeListener = () => {}
  let graceTimer: ReturnType<typeof setTimeout> | undefined

  const finish = (outcome: { result: AuthorizeResult } | { error: AuthError }) => {
    if (settled) return
    settled = true
    removeListener()
    clearInterval(pollTimer)
    clearTimeout(graceTimer)
    clearTimeout(deadline)
    try {
      if (!isClosed(opened)) opened.close()
    } catch {
      // A window we can no longer reach is as good as closed.
    }
    loadedSignInSteps()?.sweepSdkStorage(state)
    if ('result' in outcome) resolve(outcome.result)
    else reject(outcome.error)
  }

  // Declared after finish() but set before any event can call it.
  const pollTimer = setInterval(() => {
    if (graceTimer === undefined && isClosed(opened)) {
      graceTimer = setTimeout(
        () => finish({ error: new AuthError('popup_closed') }),
        CLOSED_GRACE_MS,
      )
    }
  }, closedPollMs)
  const deadline = setTimeout(() => finish({ error: new AuthError('timeout') }), timeoutMs)

  // The window is open and ours. The SDK and the answer's checks load now (usually preloaded on
  // idle); the SDK then navigates the window by its name, which needs no fresh user activation
  // (tests/e2e/lazy-sign-in.spec.ts holds the chunk back 1.5 s). The window shows nothing before
  // that, so no answer can arrive unheard.
  const ready = loadSignInSteps().then(
    (steps) => {
      if (settled) return
      steps.noteFlow('state-generated', () => ({ state }), stateAt)
      const onMessage = (event: MessageEvent) => {
        if (settled) return
        const verdict = steps.judgeAuthorizeMessage(event, {
          origin: config.accountsUrl,
          source: opened,
          state,
          responseType,
          codeVerifier,
        })
        if (verdict.kind === 'result') {
          steps.noteFlow('state-verified')
          finish({ result: verdict.result })
        } else if (verdict.kind === 'error') finish({ error: verdict.error })
      }
      window.addEventListener('message', onMessage)
      removeListener = () => window.removeEventListener('message', onMessage)
      try {
        const sdk = steps.createSdk(config, {
          responseType,
          state,
          scopes,
          prompt,
          popupFlow,
          codeVerifier,
        })
        steps.withoutSdkMessageListener(() => sdk.popup().authorize())
      } catch (error) {
        finish({ error: new AuthError('unknown', undefined, { cause: error }) })
      }
      // The SDK wrote its transaction cookie (with the PKCE verifier) while building the URL; the
      // popup flow never reads it back.
      steps.sweepSdkStorage(state)
    },
    (error: unknown) => finish({ error: new AuthError('network', undefined, { cause: error }) }),
  )

  return {
    state,
    ready,
    result,
    focus() {
      if (settled) return
      try {
        opened.focus()
      } catch {
        // Focus is a courtesy.
      }
    },
    cancel() {
      finish({ error: new AuthError('popup_closed', 'The sign-in was cancelled.') })
    },
  }
}
