// Silent sign-in in a hidden iframe through the SDK (`iframe().authorize()`, livechat-auth-protocol.md
// §4.4): when the agent still has a LiveChat session and consent, a token or code comes back with
// no UI. Opportunistic only — third-party cookie blocking makes it fail — so "no session" is a
// normal answer (null), not an error. Same rules as the popup: our state, our listener (origin +
// the iframe's window + state), the SDK's listener held back, everything cleaned up afterwards.
import type { AppConfig, ResponseType } from '../../config/env'
import { createSdk, sweepSdkStorage, withoutSdkMessageListener } from './accounts-sdk'
import { AuthError } from '../errors/auth-error'
import { judgeAuthorizeMessage } from '../answers/authorize-message'
import type { AuthorizeResult } from '../answers/authorize-result'
import { randomState, randomVerifier } from './random'

export interface SilentSignInOptions {
  responseType: ResponseType
  /** Defaults to the configured scopes; a renewal asks for what the session already holds too. */
  scopes?: readonly string[]
  /** The SDK removes its iframe after 5000 ms regardless, so longer values do not help. */
  timeoutMs?: number
}

let attempts = 0

/** The SDK's iframe, which it identifies by `<client_id><response_type>`; the last one is ours. */
function findSdkIframe(config: AppConfig, responseType: ResponseType): HTMLIFrameElement | null {
  const id = `${config.clientId}${responseType}`
  const frames = [...document.querySelectorAll('iframe')].filter((frame) => frame.id === id)
  return frames.at(-1) ?? null
}

/** Resolves the checked answer, or null when there is no usable LiveChat session. */
export function trySilentSignIn(
  config: AppConfig,
  { responseType, scopes = config.scopes, timeoutMs = 5000 }: SilentSignInOptions,
): Promise<AuthorizeResult | null> {
  const state = randomState()
  const codeVerifier = responseType === 'code' ? randomVerifier() : undefined

  let iframe: HTMLIFrameElement | null
  try {
    const sdk = createSdk(config, { responseType, state, scopes, codeVerifier })
    withoutSdkMessageListener(() => sdk.iframe().authorize())
    iframe = findSdkIframe(config, responseType)
  } catch (error) {
    return Promise.reject(new AuthError('unknown', undefined, { cause: error }))
  } finally {
    sweepSdkStorage(state)
  }
  if (!iframe)
    return Promise.reject(
      new AuthError('unknown', 'The silent sign-in frame could not be created.'),
    )
  const frame = iframe
  // Renamed so the SDK's own 5 s timer, which removes its iframe by id, can never remove a later
  // attempt's frame instead of this one.
  frame.id = `livechat-silent-${++attempts}`
  frame.title = 'LiveChat session check'
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  const source = frame.contentWindow

  return new Promise<AuthorizeResult | null>((resolve, reject) => {
    let settled = false
    const finish = (outcome: { result: AuthorizeResult | null } | { error: AuthError }) => {
      if (settled) return
      settled = true
      window.removeEventListener('message', onMessage)
      clearTimeout(timer)
      frame.remove()
      sweepSdkStorage(state)
      if ('result' in outcome) resolve(outcome.result)
      else reject(outcome.error)
    }
    const onMessage = (event: MessageEvent) => {
      const verdict = judgeAuthorizeMessage(event, {
        origin: config.accountsUrl,
        source,
        state,
        responseType,
        codeVerifier,
      })
      if (verdict.kind === 'result') finish({ result: verdict.result })
      else if (verdict.kind === 'error') {
        // No session, or no consent yet: the agent signs in by hand (§4.4).
        if (verdict.error.kind === 'identity_unknown') finish({ result: null })
        else finish({ error: verdict.error })
      }
    }
    window.addEventListener('message', onMessage)
    const timer = setTimeout(() => finish({ result: null }), timeoutMs)
  })
}
