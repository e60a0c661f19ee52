// Everything a fresh world is built from: the organization, its groups, people and bot, the
// customers and the chats. DEFAULT_WORLD_SEED is Acme Support with its personas and about 25
// chats; default-world-seeds.ts adds the second organization, Acme Labs. A world file
// (`--world`, config/world-file.ts) gives one organization of your own instead.
import { DEFAULT_CHATS, type ChatSpec } from './chats'
import { CLIENT_ID } from './clients'
import { DEFAULT_CUSTOMERS, type CustomerSeed } from './customers'
import {
  GROUPS,
  ORGANIZATION,
  PEOPLE,
  type GroupSeed,
  type Organization,
  type Person,
} from './identity'
import type { AgentPriority } from './world-records'

export interface BotSeed {
  id: string
  name: string
  avatarPath: string
  ownerClientId: string
  groups: { id: number; priority: AgentPriority }[]
}

export interface WorldSeed {
  organization: Organization
  groups: readonly GroupSeed[]
  people: readonly Person[]
  bots: readonly BotSeed[]
  customers: readonly CustomerSeed[]
  chats: readonly ChatSpec[]
  /** Seed of the generated chat and thread ids; each organization its own. */
  idSeed?: number
}

export const BOT: BotSeed = {
  id: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  name: 'Acme Bot',
  avatarPath: 'cdn.livechatinc.com/avatars/bot.png',
  ownerClientId: CLIENT_ID,
  groups: [{ id: 0, priority: 'first' }],
}

export const DEFAULT_WORLD_SEED: WorldSeed = {
  organization: ORGANIZATION,
  groups: GROUPS,
  people: PEOPLE,
  bots: [BOT],
  customers: DEFAULT_CUSTOMERS,
  chats: DEFAULT_CHATS,
}
