// A client whose redirect callback brought back a fresh sandbox token for a persona: the real
// completion path (/v2/info through MSW to the sandbox) signs them in.
import type { RedirectCallbackResult } from '../../src/callback/callback-result'
import {
  createAuthClient,
  type AuthClient,
  type AuthClientOptions,
} from '../../src/client/auth-client'
import { mintToken } from '../../../../tests/support/sandbox-msw'
import { sandboxConfig } from './sandbox-config'

export function signedInCallback(
  email: string,
  { scopes = sandboxConfig.scopes, returnTo = '/chats' } = {},
): Promise<RedirectCallbackResult> {
  const token = mintToken(email, scopes)
  return Promise.resolve({
    kind: 'authorized',
    flow: 'redirect',
    returnTo,
    result: { kind: 'token', accessToken: token.token, expiresIn: 28800, scopes: null, state: 's' },
  })
}

/** A sandbox client with no silent restore; `destroyTestClients()` stops it after the test. */
export function testClient(options: AuthClientOptions = {}): AuthClient {
  const client = createAuthClient(sandboxConfig, { restoreSilently: false, ...options })
  made.push(client)
  return client
}

const made: AuthClient[] = []

/** Stops every client the test made: their timers and tab channels. */
export function destroyTestClients(): void {
  for (const client of made.splice(0)) client.destroy()
}
