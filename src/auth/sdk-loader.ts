// Loads accounts-sdk.ts — and with it @livechat/accounts-sdk and the `qs`/`js-cookie` it brings,
// ~22 KB gzip — on demand, never with the sign-in page: on the page's idle time
// (preloadSdkWhenIdle), when a flow needs it (loadSdk), and at startup only when the URL carries a
// redirect answer for it to parse (main.tsx).
import type * as AccountsSdk from './accounts-sdk'

export type SdkModule = typeof AccountsSdk

let loaded: SdkModule | null = null
let loading: Promise<SdkModule> | null = null

/** Loads the SDK once; a failed load (offline, a deploy replaced the chunk) may be retried. */
export function loadSdk(): Promise<SdkModule> {
  loading ??= import('./accounts-sdk').then(
    (module) => {
      loaded = module
      return module
    },
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}

/** The SDK module if it has been loaded, for code that must run in one synchronous task. */
export function loadedSdk(): SdkModule | null {
  return loaded
}

/**
 * Loads the SDK when the page is idle, so a click on "Sign in" finds it there. Returns a cancel
 * function (an effect cleanup). A failure here is retried when a flow asks.
 */
export function preloadSdkWhenIdle(): () => void {
  const preload = () => void loadSdk().catch(() => undefined)
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(preload, { timeout: 2000 })
    return () => window.cancelIdleCallback(id)
  }
  const timer = setTimeout(preload, 200)
  return () => clearTimeout(timer)
}
