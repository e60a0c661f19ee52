// Popup sign-in through the SDK, with the watchdog the SDK lacks: its popup promise never
// settles when the window is closed or blocked, and its message listener takes any window on
// the accounts origin (docs/livechat-notes.md#the-sdk-popup).
//
// Design:
// 1. We open the window ourselves, synchronously inside the click handler, with
//    `window.open('', 'livechat-login-popup', features)`. The SDK opens its URL with that same
//    window name, so its `window.open(url, 'livechat-login-popup', …)` — possibly a microtask later,
//    after `document.requestStorageAccess()` — navigates our window instead of opening another, and
//    we hold the handle. `null` (or a throw) means blocked: we say so at once, where the SDK's
//    promise would never settle. This part is all the sign-in page's bundle holds.
// 2. Then the lazily loaded SDK flows take over (popup-watchdog.ts): the SDK builds the URL with
//    our state and PKCE verifier and navigates the window; our own message listener, a poll of
//    `popup.closed` and an overall deadline decide how the flow ends.
// 3. Whatever ends it (or cancel()) closes the window; anything arriving later is ignored.
import type { AuthConfig, ResponseType } from '../config/auth-config'
import { AuthError } from '../errors/auth-error'
import type { AuthorizeResult } from '../protocol/authorize-result'
import { loadSdkFlows } from './load-sdk-flows'
import type { PopupOutcome } from './popup-watchdog'

export type { AuthorizeResult }

/** The SDK's window name: reusing it is what lets the SDK navigate the window we opened. */
export const POPUP_NAME = 'livechat-login-popup'

export interface PopupSignInOptions {
  responseType: ResponseType
  popupFlow: 'auto' | 'manual'
  prompt?: 'consent'
  scopes: readonly string[]
  /** The organization to sign in to (`organization_id`), if one was asked for. */
  organizationId?: string
  /** Overall limit for a human sign-in. */
  timeoutMs?: number
  closedPollMs?: number
}

export interface PopupSignIn {
  /** Our state for this round trip: set once the SDK flows have loaded (`ready`). */
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

/** MUST be called synchronously from a click handler, or browsers block the window. */
export function startPopupSignIn(
  config: AuthConfig,
  {
    responseType,
    popupFlow,
    prompt,
    scopes,
    organizationId,
    timeoutMs = 120_000,
    closedPollMs = 500,
  }: PopupSignInOptions,
): PopupSignIn {
  let popup: Window | null = null
  try {
    popup = window.open('', POPUP_NAME, popupFeatures())
  } catch {
    popup = null
  }
  if (!popup) {
    const result = Promise.reject(new AuthError('popup_blocked'))
    return { state: '', ready: Promise.resolve(), result, focus() {}, cancel() {} }
  }
  const opened: Window = popup

  let resolve!: (result: AuthorizeResult) => void
  let reject!: (error: AuthError) => void
  const result = new Promise<AuthorizeResult>((res, rej) => {
    resolve = res
    reject = rej
  })
  let settled = false
  /** Ends the flow once: later outcomes are ignored. Returns whether this one ended it. */
  const settle = (outcome: PopupOutcome): boolean => {
    if (settled) return false
    settled = true
    if ('result' in outcome) resolve(outcome.result)
    else reject(outcome.error)
    return true
  }
  // Before the watchdog has taken over, ending the flow is closing the window.
  let end = (error: AuthError) => {
    try {
      opened.close()
    } catch {
      // A window we can no longer reach is as good as closed.
    }
    settle({ error })
  }

  const signIn: PopupSignIn = {
    state: '',
    // The window is open and ours. The SDK and the answer's checks load now (usually preloaded
    // on intent); the SDK then navigates the window by its name, which needs no fresh user
    // activation. The window shows nothing before that, so no answer can arrive unheard.
    ready: loadSdkFlows().then(
      (flows) => {
        if (settled) return
        const options = {
          responseType,
          popupFlow,
          prompt,
          scopes,
          organizationId,
          timeoutMs,
          closedPollMs,
        }
        const watch = flows.watchPopup(opened, config, options, settle)
        signIn.state = watch.state
        end = watch.end
      },
      (error: unknown) => end(new AuthError('network', undefined, { cause: error })),
    ),
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
      end(new AuthError('popup_closed', 'The sign-in was cancelled.'))
    },
  }
  return signIn
}
