import { createAuthClient, type AuthClient, type AuthClientOptions } from 'livechat-browser-auth'
import type { AppConfig } from '../config/env'
import { prefetchWithUnconfirmedCredential } from './prefetch-store'

/**
 * The app's auth client, for the app and the tests alike: when a token arrives, the landing
 * page's first data leaves with it, in parallel with LiveChat's check (prefetch-store.ts).
 */
export function createAppAuthClient(
  config: AppConfig,
  options: Pick<AuthClientOptions, 'restoreSilently' | 'redirectCallback' | 'holdFlowFacts'> = {},
): AuthClient {
  return createAuthClient(config, {
    ...options,
    onToken: (credential, returnTo) =>
      prefetchWithUnconfirmedCredential(config, credential, returnTo),
  })
}
