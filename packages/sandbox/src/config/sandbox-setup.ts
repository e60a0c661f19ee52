// What a sandbox is started with besides its address: extra clients, extra redirect URIs for the
// app's own client, a world, options. One resolver for the command line and startSandbox(), so
// both refuse the same mistakes with the same messages.
import { parseRedirectUriList } from '../accounts/redirect-uri'
import type { SandboxOptions } from '../options/sandbox-options'
import { CLIENTS } from '../seed/clients'
import type { SandboxConfig } from '../state'
import { resolveClient, type ClientEntry } from './client-config'
import { optionsFromJson } from './options-config'
import { worldFromJson } from './world-file'

export interface SandboxSetup {
  /** Clients to register beside the sandbox's own. */
  clients?: readonly ClientEntry[]
  /** Extra redirect URIs for the sandbox's own client (`SANDBOX_REDIRECT_URIS`). */
  redirectUris?: readonly string[]
  /** A world of your own, as a world file holds it (see the README); default: Acme Support. */
  world?: unknown
  /** Options to start with (and to return to on POST /sandbox/reset without options). */
  options?: Partial<SandboxOptions>
}

/** Where each part came from, for messages: `--client #2`, `config.json clients[0]` … */
export interface SetupLabels {
  clients?: (index: number) => string
  redirectUris?: string
  options?: string
}

export function resolveSetup(setup: SandboxSetup, labels: SetupLabels = {}): SandboxConfig {
  const world = setup.world === undefined ? undefined : worldFromJson(setup.world)
  const organizationId = world?.organization.id ?? CLIENTS[0]?.organizationId ?? ''
  const taken = new Set(CLIENTS.map((client) => client.id))
  const clients = (setup.clients ?? []).map((entry, index) => {
    const client = resolveClient(entry, labels.clients?.(index) ?? `clients[${index}]`, {
      organizationId,
      taken,
    })
    taken.add(client.id)
    return client
  })
  const redirectUris = parseRedirectUriList(
    (setup.redirectUris ?? []).join(','),
    labels.redirectUris ?? 'redirectUris',
  )
  return {
    clients,
    redirectUris,
    ...(world ? { world } : {}),
    ...(setup.options
      ? { options: optionsFromJson(setup.options, labels.options ?? 'options') }
      : {}),
  }
}
