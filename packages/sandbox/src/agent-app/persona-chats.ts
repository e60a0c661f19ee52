// What the sandbox's Agent App lists for the persona it is signed in as: the chats that persona
// serves, each with the `customer_profile` the Agent App sends a details widget when the chat is
// opened (docs/AGENT-APP.md). Pure reads of the world.
import type { Person } from '../seed/identity'
import type { ChatRecord, CustomerRecord, World } from '../seed/world-records'

/** The `livechat:customer_profile` payload, shaped as @livechat/agent-app-sdk types it. */
export interface CustomerProfile {
  id: string
  name: string
  email?: string
  geolocation: Record<string, string>
  chat: { id: string; groupID: string; preChatSurvey: { question: string; answer: string }[] }
  source: 'chats' | 'archives' | 'customers'
}

export interface PersonaChat {
  chatId: string
  customerName: string
  /** The latest message's text, for the list row. */
  preview: string
  /** Open (the latest thread is active) or archived. */
  active: boolean
  profile: CustomerProfile
}

function customerOf(chat: ChatRecord, world: World): CustomerRecord | undefined {
  const user = chat.users.find((u) => u.type === 'customer')
  return user ? world.customers.find((c) => c.id === user.id) : undefined
}

function preview(chat: ChatRecord): string {
  const events = chat.threads.at(-1)?.events ?? []
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i]!
    if (event.type === 'message' && !event.deleted) return event.text
  }
  return ''
}

export function customerProfile(
  chat: ChatRecord,
  customer: CustomerRecord,
  source: CustomerProfile['source'] = 'chats',
): CustomerProfile {
  const profile: CustomerProfile = {
    id: customer.id,
    name: customer.name ?? '',
    geolocation: { ...(customer.visit?.geolocation ?? {}) },
    chat: { id: chat.id, groupID: String(chat.access.group_ids[0] ?? 0), preChatSurvey: [] },
    source,
  }
  if (customer.email) profile.email = customer.email
  return profile
}

/** The persona's chats (where they are one of the agents), open ones first, at most `limit`. */
export function personaChats(world: World, person: Person, limit = 12): PersonaChat[] {
  const rows: PersonaChat[] = []
  for (const chat of world.chats) {
    if (!chat.users.some((u) => u.type === 'agent' && u.id === person.email)) continue
    const customer = customerOf(chat, world)
    if (!customer) continue
    const active = chat.threads.at(-1)?.active ?? false
    rows.push({
      chatId: chat.id,
      customerName: customer.name ?? 'Unnamed customer',
      preview: preview(chat),
      active,
      profile: customerProfile(chat, customer, active ? 'chats' : 'archives'),
    })
  }
  return rows.sort((a, b) => Number(b.active) - Number(a.active)).slice(0, limit)
}
