// The sandbox's mutable world: a clock, issued tokens and codes, accounts sessions, consents,
// redirect counters, faults, each organization's agent-API world and the PATs. One instance per
// sandbox app, so tests get fresh worlds. The parts live in their own modules; this holds them
// together.
import { ClientRegistry } from './accounts/client-registry'
import type { PatRecord } from './credentials/pat-record'
import { SandboxEvents } from './events/sandbox-events'
import type { FaultRule } from './fault-rule'
import { DEFAULT_OPTIONS, type SandboxOptions } from './options/sandbox-options'
import { CLIENTS, type OAuthClient } from './seed/clients'
import { Directory } from './seed/directory'
import { createWorld } from './seed/world'
import type { World } from './seed/world-records'
import { DEFAULT_WORLD_SEEDS } from './seed/default-world-seeds'
import type { WorldSeed } from './seed/world-seed'
import { SessionStore } from './tokens/session-store'
import { TokenLedger } from './tokens/token-ledger'

/**
 * Where a change happens: the sandbox (its clock, bus and options) and one organization's world.
 * An agent API request is one (api-request.ts); the simulator and the control API build theirs.
 */
export interface OrgScope {
  state: SandboxState
  world: World
}

/** How the sandbox was started: what outlives POST /sandbox/reset. */
export interface SandboxConfig {
  /** Extra redirect URIs for the app's client (`SANDBOX_REDIRECT_URIS`), already validated. */
  redirectUris?: readonly string[]
  /** Clients registered beside the seed's (`--client`, `--config`), already validated. */
  clients?: readonly OAuthClient[]
  /**
   * One organization's world to build instead of the default (`--world`); default: Acme Support,
   * its personas and chats, and Acme Labs.
   */
  world?: WorldSeed
  /** Options started with (`--option`, a config file): a reset returns to them, not to defaults. */
  options?: Partial<SandboxOptions>
}

export class SandboxState {
  options: SandboxOptions
  /** Added to the real clock; `POST /sandbox/clock` moves it forward. */
  clockOffsetMs = 0
  /** Added to every non-control request, in ms. */
  latencyMs = 0
  faults: FaultRule[] = []
  readonly tokens = new TokenLedger(this)
  readonly sessions = new SessionStore()
  /** `${clientId} ${accountId}` → scopes the account consented to for that client. */
  consents = new Map<string, Set<string>>()
  /** `${clientId} ${accountId}` → timestamps of recent authorize hits. */
  authorizeHits = new Map<string, number[]>()
  /**
   * Every request the sandbox saw: tests and the bench count them. `at`: the request arrived;
   * `end`: its answer was ready (after any latency).
   */
  requestLog: { method: string; path: string; at: number; end?: number; status?: number }[] = []
  readonly directory: Directory
  readonly clients: ClientRegistry
  /**
   * Chats, customers, routing statuses: what the agent API reads and writes, one world per
   * organization, by organization id. A caller only ever reaches its credential's organization's.
   */
  worlds = new Map<string, World>()
  /** Personal access tokens by record id (hashes only). */
  pats = new Map<string, PatRecord>()
  /**
   * The one event bus: writes (Web API, RTM, customer simulator) announce what changed, the RTM
   * layer fans it out as pushes and the autopilot reacts. Survives reset, so listeners stay.
   */
  readonly events = new SandboxEvents()
  private readonly seeds: readonly WorldSeed[]
  private readonly startOptions: Partial<SandboxOptions>

  constructor(options: Partial<SandboxOptions> = {}, config: SandboxConfig = {}) {
    this.startOptions = { ...config.options }
    this.options = { ...DEFAULT_OPTIONS, ...this.startOptions, ...options }
    this.seeds = config.world ? [config.world] : DEFAULT_WORLD_SEEDS
    this.directory = new Directory(this.seeds)
    this.clients = new ClientRegistry(CLIENTS, config.clients ?? [], config.redirectUris ?? [])
    this.worlds = createWorlds(this.seeds)
  }

  /**
   * The first organization's world (Acme Support): what the control API means when a request
   * names no organization, and what tests of one organization read.
   */
  get world(): World {
    return this.worldOf(this.directory.primary.id)
  }

  /** One organization's scope, for changes made on its behalf (the simulator, the control API). */
  scopeOf(organizationId: string): OrgScope {
    return { state: this, world: this.worldOf(organizationId) }
  }

  /** The world of the organization a credential was issued for. */
  worldOf(organizationId: string): World {
    const world = this.worlds.get(organizationId)
    if (!world) throw new Error(`No organization ${organizationId} in this sandbox`)
    return world
  }

  /** Partial options (POST /sandbox/options); listeners (RTM, autopilot) re-read them. */
  setOptions(patch: Partial<SandboxOptions>): void {
    this.options = { ...this.options, ...patch }
    this.events.emit('options')
  }

  /**
   * Something that decides whether a credential is live changed (revoked, expired, the clock
   * moved): live sockets re-check theirs.
   */
  credentialsChanged(): void {
    this.events.emit('credentials')
  }

  /** Back to a fresh world (POST /sandbox/reset): every field above, options included. */
  reset(options: Partial<SandboxOptions> = {}): void {
    this.options = { ...DEFAULT_OPTIONS, ...this.startOptions, ...options }
    this.clockOffsetMs = 0
    this.latencyMs = 0
    this.faults = []
    this.tokens.clear()
    this.sessions.clear()
    this.consents.clear()
    this.authorizeHits.clear()
    this.requestLog = []
    this.worlds = createWorlds(this.seeds)
    this.pats.clear()
    this.clients.reset()
    this.events.emit('reset')
  }

  now(): number {
    return Date.now() + this.clockOffsetMs
  }

  /** Ends every accounts session of the account and revokes every token tied to it. */
  endAllSessions(accountId: string): void {
    this.sessions.endAllOf(accountId)
    this.tokens.revokeWhere((record) => record.accountId === accountId)
  }
}

function createWorlds(seeds: readonly WorldSeed[]): Map<string, World> {
  return new Map(seeds.map((seed) => [seed.organization.id, createWorld(seed)]))
}
