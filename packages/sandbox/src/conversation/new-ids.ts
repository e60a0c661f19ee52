// Ids for what the sandbox creates at run time (start_chat, the customer simulator): the
// formats of docs/RTM.md (chats and threads: 10 uppercase alphanumerics; customers:
// UUID v4), random rather than seeded, and never one already in the world.
import { randomInt, randomUUID } from 'node:crypto'
import type { World } from '../seed/world-records'

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

export function newChatStyleId(world: World): string {
  const taken = (id: string) =>
    world.chats.some((chat) => chat.id === id || chat.threads.some((t) => t.id === id))
  for (;;) {
    let id = ''
    for (let i = 0; i < 10; i++) id += UPPER_ALNUM[randomInt(UPPER_ALNUM.length)]
    if (!taken(id)) return id
  }
}

export function newCustomerId(): string {
  return randomUUID()
}
