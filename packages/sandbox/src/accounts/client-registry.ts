// The OAuth clients the accounts server knows: the seed's and any configured at start
// (`--client`, `--config`), plus redirect URIs added to the app's own client
// (`SANDBOX_REDIRECT_URIS` at start, the control page later).
import { CLIENT_ID, type OAuthClient } from '../seed/clients'

/** Where an extra redirect URI of the app's client came from. */
export type RedirectUriSource = 'env' | 'control'

export class ClientRegistry {
  /**
   * Redirect URIs added to the app's client beyond the seed's: from `SANDBOX_REDIRECT_URIS`
   * (kept across resets) and from the control page (forgotten by a reset).
   */
  extraRedirectUris: { uri: string; source: RedirectUriSource }[] = []

  private readonly clients: readonly OAuthClient[]

  constructor(
    seed: readonly OAuthClient[],
    private readonly configuredClients: readonly OAuthClient[],
    private readonly configuredRedirectUris: readonly string[],
  ) {
    this.clients = [...seed, ...configuredClients]
    this.reset()
  }

  /** What the start-up configuration added: its clients and the app client's redirect URIs. */
  configured(): { clients: readonly OAuthClient[]; redirectUris: readonly string[] } {
    return { clients: this.configuredClients, redirectUris: this.configuredRedirectUris }
  }

  find(clientId: string | null | undefined): OAuthClient | undefined {
    if (!clientId) return undefined
    return this.clients.find((client) => client.id === clientId)
  }

  all(): readonly OAuthClient[] {
    return this.clients
  }

  /** The client's redirect URIs as the authorize endpoint matches them. */
  redirectUrisOf(client: OAuthClient): string[] {
    if (client.id !== CLIENT_ID) return client.redirectUris
    return [...client.redirectUris, ...this.extraRedirectUris.map((entry) => entry.uri)]
  }

  /** Back to the start-up redirect URIs (POST /sandbox/reset). */
  reset(): void {
    this.extraRedirectUris = this.configuredRedirectUris.map((uri) => ({ uri, source: 'env' }))
  }
}
