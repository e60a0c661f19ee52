// Looks up the registered OAuth clients of sandbox/seed/identity.ts, plus the one thing the
// seed leaves out: the secret a server-side client presents at the token endpoint.
import { CLIENTS, type OAuthClient } from '../seed/identity'

export function findClient(clientId: string | null | undefined): OAuthClient | undefined {
  if (!clientId) return undefined
  return CLIENTS.find((client) => client.id === clientId)
}

/** Server-side clients authenticate with a secret (§8 "Client types"); web clients have none. */
export const CLIENT_SECRETS: Readonly<Record<string, string>> = {
  abcdefabcdefabcdefabcdefabcdef01: 'sandbox-server-side-secret',
}
