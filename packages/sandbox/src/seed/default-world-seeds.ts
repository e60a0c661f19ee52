// The default world's organizations, Acme Support and Acme Labs: apart from world-seed.ts, which
// acme-labs.ts builds on, so the seeds import their shape without importing each other.
import { ACME_LABS_SEED } from './acme-labs'
import { DEFAULT_WORLD_SEED, type WorldSeed } from './world-seed'

/** The default world's organizations: the first is every account's default one. */
export const DEFAULT_WORLD_SEEDS: readonly WorldSeed[] = [DEFAULT_WORLD_SEED, ACME_LABS_SEED]
