// Loads sign-in-steps.ts — the flows, the token endpoint, the answer checks, and with them
// @livechat/accounts-sdk and the `qs`/`js-cookie` it brings (~30 KB gzip together) — on demand,
// never with the sign-in page: on the page's idle time (preloadSignInSteps), when a flow needs it
// (loadSignInSteps), or at startup when a session is restored.
import type { SignInSteps } from './sign-in-steps'

let loaded: SignInSteps | null = null
let loading: Promise<SignInSteps> | null = null

/** Loads the steps once; a failed load (offline, a deploy replaced the chunk) may be retried. */
export function loadSignInSteps(): Promise<SignInSteps> {
  loading ??= import('./sign-in-steps').then(
    (module) => {
      loaded = module.signInSteps
      return loaded
    },
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}

/** The steps if they have been loaded, for code that must run in one synchronous task. */
export function loadedSignInSteps(): SignInSteps | null {
  return loaded
}

/** Starts loading ahead of need; a failure here is retried when a flow asks. */
export function preloadSignInSteps(): void {
  loadSignInSteps().catch(() => undefined)
}
