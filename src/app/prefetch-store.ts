// Holds the one prefetch of a sign-in in progress (app/workspace/prefetch.ts, a lazy chunk):
// started when the auth layer hears a credential, handed to the workspace's new cache when the
// same credential is confirmed, dropped the moment LiveChat refuses it. Small on purpose: it is
// part of the startup bundle.
import type { Credential } from 'livechat-browser-auth'
import type { AppConfig } from '../config/env'
import type { Prefetch } from './workspace/prefetch'

let current: { controller: AbortController; data: Prefetch | null } | null = null

const loadPrefetch = () => import('./workspace/prefetch')

/**
 * Fetches the prefetch code ahead of the token, when one is on its way (a sign-in started, an
 * answer in the URL at startup): so the landing page's requests leave the moment it arrives,
 * not a chunk load later — which, on a fast network, would be after /v2/info has answered.
 */
export function preloadPrefetch(): void {
  loadPrefetch().catch(() => undefined)
}

/** The auth client's `onToken`: start the landing page's queries; returns the discard. */
export function prefetchWithUnconfirmedCredential(
  config: AppConfig,
  credential: Credential,
  returnTo: string,
): () => void {
  current?.controller.abort()
  const entry: { controller: AbortController; data: Prefetch | null } = {
    controller: new AbortController(),
    data: null,
  }
  current = entry
  loadPrefetch().then(
    ({ startPrefetch }) => {
      if (current === entry && !entry.controller.signal.aborted) {
        entry.data = startPrefetch(config, credential, returnTo, entry.controller.signal)
      }
    },
    () => undefined,
  )
  return () => {
    entry.controller.abort()
    if (current === entry) current = null
  }
}

/**
 * The prefetched responses for this credential: null when there are none, when they were for
 * another credential, or when their code has not loaded yet (the pages then fetch as usual).
 * Given out until the workspace that took them has committed (`forgetPrefetch`): StrictMode
 * builds its state twice, and a render React throws away (a suspension) builds it again.
 */
export function takePrefetch(credential: Credential): Prefetch | null {
  const entry = current
  if (!entry) return null
  const data = entry.data
  const same =
    data !== null &&
    data.credential.scheme === credential.scheme &&
    data.credential.value === credential.value
  if (!same) {
    entry.controller.abort()
    if (current === entry) current = null
    return null
  }
  return data
}

/** The workspace holding these responses is on screen: the store keeps nothing of the sign-in. */
export function forgetPrefetch(data: Prefetch | null): void {
  if (data && current?.data === data) current = null
}
