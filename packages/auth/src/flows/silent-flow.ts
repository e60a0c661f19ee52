// Silent sign-in in a hidden iframe, written by hand like the implicit grant (no SDK: a restore at
// startup then costs a few KB instead of the SDK's ~23 KB). It does what the SDK's
// `iframe().authorize()` does (docs/livechat-notes.md#the-sdk-iframe) — the popup URL with
// `flow=button` in a 1×1 frame, the answer by postMessage — with our rules on top: our state, our
// listener (exact origin + the frame's window + state), cleanup afterwards. Opportunistic only —
// third-party cookie blocking makes it fail — so "no session" is a normal answer (null).
import type { AuthConfig, ResponseType } from '../config/auth-config'
import { judgeAuthorizeMessage } from '../protocol/authorize-message'
import type { AuthorizeResult } from '../protocol/authorize-result'
import { buildAuthorizeUrl } from '../protocol/authorize-url'
import { sdkS256Challenge } from '../protocol/pkce'
import { randomState, randomVerifier } from '../protocol/random'

export interface SilentSignInOptions {
  responseType: ResponseType
  /** Defaults to the configured scopes; a renewal asks for what the session already holds too. */
  scopes?: readonly string[]
  /** The SDK gives up after 5000 ms; so do we. */
  timeoutMs?: number
}

let attempts = 0

function hiddenFrame(src: string): HTMLIFrameElement {
  const frame = document.createElement('iframe')
  frame.id = `livechat-silent-${++attempts}`
  frame.title = 'LiveChat session check'
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  // As the SDK draws it: 1×1 px, out of the way, invisible.
  frame.style.cssText =
    'position:fixed;top:0;right:0;width:1px;height:1px;border:0;opacity:0;pointer-events:none'
  frame.src = src
  return frame
}

/** Resolves the checked answer, or null when there is no usable LiveChat session. */
export async function trySilentSignIn(
  config: AuthConfig,
  { responseType, scopes = config.scopes, timeoutMs = 5000 }: SilentSignInOptions,
): Promise<AuthorizeResult | null> {
  const state = randomState()
  const codeVerifier = responseType === 'code' ? randomVerifier() : undefined
  const codeChallenge = codeVerifier ? await sdkS256Challenge(codeVerifier) : undefined
  const frame = hiddenFrame(
    buildAuthorizeUrl(config, { responseType, state, scopes, flow: 'button', codeChallenge }),
  )

  return new Promise<AuthorizeResult | null>((resolve, reject) => {
    let settled = false
    let source: Window | null = null
    const finish = (outcome: { result: AuthorizeResult | null } | { error: unknown }) => {
      if (settled) return
      settled = true
      window.removeEventListener('message', onMessage)
      clearTimeout(timer)
      frame.remove()
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
        // No session, or no consent yet: the agent signs in by hand.
        if (verdict.error.kind === 'identity_unknown') finish({ result: null })
        else finish({ error: verdict.error })
      }
    }
    // Listening before the frame exists: an answer cannot arrive before we can hear it.
    window.addEventListener('message', onMessage)
    const timer = setTimeout(() => finish({ result: null }), timeoutMs)
    document.body.append(frame)
    source = frame.contentWindow
  })
}
