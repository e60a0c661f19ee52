// The popup flow once its window is open (popup-flow.ts opens it inside the click): the SDK
// navigates the window to its authorize URL, and this decides how the flow ends. Loaded with the
// SDK flows, not with the sign-in page.
// - The SDK's own `message` listener is held back (withoutSdkMessageListener) and its promise
//   ignored; ours is authoritative: exact accounts origin, `event.source` === our window, a
//   well-formed envelope, our state (judgeAuthorizeMessage). Foreign messages are ignored and the
//   flow stays pending; a wrong state ends it with state_mismatch.
// - A poll of `popup.closed` ends it with popup_closed (a short grace lets a message posted just
//   before the window closed win), an overall deadline with timeout.
// - Whatever ends it removes our listener, clears the timers, closes the window and sweeps the
//   SDK's cookies; anything arriving later is ignored.
import type { AuthConfig, ResponseType } from '../config/auth-config'
import { AuthError } from '../errors/auth-error'
import { judgeAuthorizeMessage } from '../protocol/authorize-message'
import { forOrganization } from '../protocol/organization'
import type { AuthorizeResult } from '../protocol/authorize-result'
import { randomState, randomVerifier } from '../protocol/random'
import { createSdk, sweepSdkStorage, withoutSdkMessageListener } from '../sdk/accounts-sdk'
import { noteFlow } from './flow-observer'

/** After `closed` turns true, wait this long for a message posted just before closing. */
const CLOSED_GRACE_MS = 250

/** How a popup sign-in ends: the checked answer, or why not. */
export type PopupOutcome = { result: AuthorizeResult } | { error: AuthError }

export interface PopupWatch {
  responseType: ResponseType
  popupFlow: 'auto' | 'manual'
  prompt?: 'consent'
  scopes: readonly string[]
  organizationId?: string
  timeoutMs: number
  closedPollMs: number
}

function isClosed(popup: Window): boolean {
  try {
    return popup.closed
  } catch {
    return true
  }
}

/**
 * Hands the open window to the SDK with our state (and PKCE verifier), and watches it. `settle`
 * ends the flow (false when it had already ended). Returns the state, and what ends the flow
 * from outside (cancel).
 */
export function watchPopup(
  opened: Window,
  config: AuthConfig,
  { responseType, popupFlow, prompt, scopes, organizationId, ...limits }: PopupWatch,
  settle: (outcome: PopupOutcome) => boolean,
): { state: string; end: (error: AuthError) => void } {
  const state = randomState()
  noteFlow('state-generated', () => ({ state }))
  const codeVerifier = responseType === 'code' ? randomVerifier() : undefined
  let done = false
  let graceTimer: ReturnType<typeof setTimeout> | undefined

  const finish = (outcome: PopupOutcome) => {
    if (done) return
    done = true
    window.removeEventListener('message', onMessage)
    clearInterval(pollTimer)
    clearTimeout(graceTimer)
    clearTimeout(deadline)
    try {
      if (!isClosed(opened)) opened.close()
    } catch {
      // A window we can no longer reach is as good as closed.
    }
    sweepSdkStorage(state)
    settle(outcome)
  }

  const onMessage = (event: MessageEvent) => {
    const verdict = judgeAuthorizeMessage(event, {
      origin: config.accountsUrl,
      source: opened,
      state,
      responseType,
      codeVerifier,
    })
    if (verdict.kind === 'result') {
      noteFlow('state-verified')
      finish({ result: verdict.result })
    } else if (verdict.kind === 'error') finish({ error: verdict.error })
  }

  const pollTimer = setInterval(() => {
    if (graceTimer === undefined && isClosed(opened)) {
      graceTimer = setTimeout(
        () => finish({ error: new AuthError('popup_closed') }),
        CLOSED_GRACE_MS,
      )
    }
  }, limits.closedPollMs)
  const deadline = setTimeout(() => finish({ error: new AuthError('timeout') }), limits.timeoutMs)

  window.addEventListener('message', onMessage)
  try {
    const sdk = createSdk(forOrganization(config, organizationId), {
      responseType,
      state,
      scopes,
      prompt,
      popupFlow,
      codeVerifier,
    })
    withoutSdkMessageListener(() => sdk.popup().authorize())
  } catch (error) {
    finish({
      error:
        error instanceof AuthError ? error : new AuthError('unknown', undefined, { cause: error }),
    })
  }
  // The SDK wrote its transaction cookie (with the PKCE verifier) while building the URL; the
  // popup flow never reads it back.
  sweepSdkStorage(state)
  return { state, end: (error) => finish({ error }) }
}
