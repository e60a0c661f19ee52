// The two lazy halves of the sign-in code, so the sign-in page's bundle holds neither:
// - session steps (no SDK, a few KB): completing, validating, renewing and silently restoring a
//   session, the implicit grant, revoking. Loaded at startup for a restore, on the sign-in
//   page's idle time, or when a flow needs them.
// - SDK steps: @livechat/accounts-sdk (~23 KB gzip with qs and js-cookie) and what wraps it, for
//   the popup and redirect flows. Loaded when the agent shows the intent to use one (pointer or
//   focus on its button) or clicks it — the popup's window still opens inside the click.
import { loadOnce } from './load-once'

const sessionSteps = loadOnce(() => import('./session-steps').then((m) => m.sessionSteps))
const sdkSteps = loadOnce(() => import('./sign-in-steps').then((m) => m.signInSteps))

export const loadSessionSteps = sessionSteps.load
export const preloadSessionSteps = sessionSteps.preload

export const loadSignInSteps = sdkSteps.load
export const loadedSignInSteps = sdkSteps.loaded
export const preloadSignInSteps = sdkSteps.preload
