// ~25 chats of Acme Support across General (0), Sales (1) and Support (2) (docs/AGENT-API.md): active chats with
// one active thread and a persona agent present, inactive ones with 2–4 closed threads, one
// queued thread, one restricted thread, hostile texts, a file, an internal note, a deleted event.
import { SCRIPTS, type Line, type ScriptName } from './conversations'
import { CUSTOMER_IDS, tallyCustomers } from './customers'
import { chatStyleId, rfc3339Micro, seededRandom, type Random } from './ids'
import type { Person } from './identity'
import type { TagName } from './tags'
import type {
  ChatEvent,
  ChatRecord,
  ChatUserRecord,
  CustomerRecord,
  ThreadRecord,
} from './world-records'

export interface ThreadSpec {
  /** How long before the anchor the thread started. */
  hoursAgo: number
  /** A script of seed/conversations.ts, or the thread's own lines. */
  script?: ScriptName
  lines?: readonly Line[]
  /** Agent emails; the first writes the agent lines unless a line names another. */
  agents: string[]
  tags?: TagName[]
  summary?: string
  /** How a closed thread ended; default inactivity. */
  archived?: 'inactive' | 'agent'
  restricted?: boolean
}

export interface ChatSpec {
  group: number
  /** A customer id. */
  customer: string
  /** Oldest first. */
  threads: ThreadSpec[]
  /** The latest thread is still open. */
  active?: boolean
  /** The open thread waits in the queue: no agent yet. */
  queued?: boolean
  /** An agent watching with visibility `agents` (may only write internal notes). */
  supervisor?: string
  rating?: 'good' | 'bad'
}

const NINA = 'nina@acme.test'
const SAM = 'sam@acme.test'
const OLIVIA = 'olivia@acme.test'
const ADAM = 'adam@acme.test'
const BEN = 'ben@acme.test'
const MAYA = 'maya@partner.test'

export const RESTRICTED_ACCESS_TEXT = "You can't access threads older than 60 days on starter plan"

export const DEFAULT_CHATS: ChatSpec[] = [
  // Active chats, newest activity first.
  {
    group: 0,
    customer: CUSTOMER_IDS.anonymous,
    active: true,
    queued: true,
    threads: [{ hoursAgo: 0.05, script: 'hello', agents: [] }],
  },
  {
    group: 2,
    customer: CUSTOMER_IDS.lukas,
    active: true,
    threads: [{ hoursAgo: 0.2, script: 'login', agents: [SAM], tags: ['support'] }],
  },
  {
    group: 1,
    customer: CUSTOMER_IDS.priya,
    active: true,
    threads: [{ hoursAgo: 0.3, script: 'hostile', agents: [NINA] }],
  },
  {
    group: 0,
    customer: CUSTOMER_IDS.maria,
    active: true,
    threads: [{ hoursAgo: 0.4, script: 'order', agents: [NINA] }],
  },
  {
    group: 2,
    customer: CUSTOMER_IDS.emma,
    active: true,
    threads: [{ hoursAgo: 0.6, script: 'bug', agents: [SAM, ADAM], tags: ['support'] }],
  },
  {
    group: 1,
    customer: CUSTOMER_IDS.james,
    active: true,
    supervisor: ADAM,
    threads: [{ hoursAgo: 0.8, script: 'pricing', agents: [NINA], tags: ['sales'] }],
  },
  {
    group: 2,
    customer: CUSTOMER_IDS.aiko,
    active: true,
    threads: [{ hoursAgo: 1.0, script: 'refund', agents: [ADAM] }],
  },
  {
    group: 0,
    customer: CUSTOMER_IDS.james,
    active: true,
    threads: [{ hoursAgo: 1.2, script: 'shipping', agents: [OLIVIA, NINA] }],
  },
  {
    group: 1,
    customer: CUSTOMER_IDS.omar,
    active: true,
    threads: [{ hoursAgo: 1.5, script: 'demo', agents: [BEN, OLIVIA], tags: ['sales'] }],
  },
  // Inactive chats.
  {
    group: 0,
    customer: CUSTOMER_IDS.aiko,
    rating: 'good',
    threads: [
      { hoursAgo: 200, script: 'thanks', agents: [NINA], tags: ['positive feedback'] },
      { hoursAgo: 100, script: 'invoice', agents: [ADAM] },
      { hoursAgo: 5, script: 'order', agents: [NINA], archived: 'agent' },
    ],
  },
  {
    group: 2,
    customer: CUSTOMER_IDS.priya,
    threads: [
      { hoursAgo: 1500, script: 'login', agents: [SAM], tags: ['support'] },
      { hoursAgo: 1100, script: 'changedMind', agents: [SAM] },
      { hoursAgo: 520, script: 'bug', agents: [SAM], tags: ['support'] },
      { hoursAgo: 7, script: 'thanks', agents: [SAM], tags: ['positive feedback'] },
    ],
  },
  {
    group: 0,
    customer: CUSTOMER_IDS.omar,
    threads: [
      { hoursAgo: 220, script: 'spam', agents: [NINA], tags: ['spam'] },
      { hoursAgo: 9, script: 'order', agents: [ADAM] },
    ],
  },
  {
    group: 1,
    customer: CUSTOMER_IDS.lukas,
    threads: [
      { hoursAgo: 600, script: 'pricing', agents: [NINA], tags: ['sales'] },
      {
        hoursAgo: 12,
        script: 'demo',
        agents: [NINA],
        tags: ['sales'],
        summary: '• Customer asked for a demo\n• Agent booked Tuesday 10:00 CET',
      },
    ],
  },
  {
    group: 1,
    customer: CUSTOMER_IDS.priya,
    threads: [
      { hoursAgo: 1200, script: 'pricing', agents: [NINA], tags: ['sales'] },
      { hoursAgo: 450, script: 'invoice', agents: [NINA] },
      { hoursAgo: 16, script: 'bug', agents: [NINA] },
    ],
  },
  {
    group: 2,
    customer: CUSTOMER_IDS.james,
    rating: 'good',
    threads: [
      { hoursAgo: 650, script: 'login', agents: [SAM], tags: ['support'] },
      { hoursAgo: 20, script: 'thanks', agents: [SAM], tags: ['positive feedback'] },
    ],
  },
  {
    group: 1,
    customer: CUSTOMER_IDS.emma,
    threads: [
      { hoursAgo: 700, script: 'pricing', agents: [BEN], tags: ['sales'] },
      { hoursAgo: 350, script: 'changedMind', agents: [BEN] },
      { hoursAgo: 26, script: 'thanks', agents: [NINA] },
    ],
  },
  {
    group: 0,
    customer: CUSTOMER_IDS.lukas,
    threads: [
      { hoursAgo: 300, script: 'shipping', agents: [ADAM] },
      { hoursAgo: 30, script: 'thanks', agents: [NINA], tags: ['positive feedback'] },
    ],
  },
  {
    group: 2,
    customer: CUSTOMER_IDS.omar,
    rating: 'bad',
    threads: [
      { hoursAgo: 750, script: 'bug', agents: [SAM], tags: ['support'] },
      { hoursAgo: 110, script: 'complaint', agents: [SAM], tags: ['complaint'] },
      {
        hoursAgo: 35,
        script: 'refund',
        agents: [ADAM],
        summary: '• Customer asked for a refund of INV-2024-0917\n• Refund issued',
        archived: 'agent',
      },
    ],
  },
  {
    group: 1,
    customer: CUSTOMER_IDS.aiko,
    threads: [
      { hoursAgo: 800, script: 'demo', agents: [NINA], tags: ['sales'] },
      { hoursAgo: 40, script: 'hostile', agents: [NINA] },
    ],
  },
  {
    group: 0,
    customer: CUSTOMER_IDS.maria,
    threads: [
      { hoursAgo: 1800, script: 'order', agents: [NINA], restricted: true },
      { hoursAgo: 900, script: 'complaint', agents: [ADAM], tags: ['complaint'] },
      { hoursAgo: 400, script: 'refund', agents: [NINA] },
      { hoursAgo: 50, script: 'thanks', agents: [OLIVIA], tags: ['positive feedback'] },
    ],
  },
  {
    group: 2,
    customer: CUSTOMER_IDS.maria,
    threads: [
      { hoursAgo: 380, script: 'login', agents: [BEN], tags: ['support'] },
      { hoursAgo: 60, script: 'refund', agents: [BEN] },
    ],
  },
  {
    group: 0,
    customer: CUSTOMER_IDS.emma,
    threads: [
      { hoursAgo: 500, script: 'invoice', agents: [OLIVIA] },
      { hoursAgo: 70, script: 'shipping', agents: [NINA] },
    ],
  },
  {
    group: 1,
    customer: CUSTOMER_IDS.maria,
    threads: [
      { hoursAgo: 1000, script: 'pricing', agents: [ADAM], tags: ['sales'] },
      { hoursAgo: 90, script: 'invoice', agents: [ADAM] },
    ],
  },
  {
    group: 1,
    customer: CUSTOMER_IDS.anonymous,
    threads: [
      { hoursAgo: 1300, script: 'spam', agents: [BEN], tags: ['spam'] },
      { hoursAgo: 130, script: 'shipping', agents: [BEN] },
    ],
  },
  {
    group: 2,
    customer: CUSTOMER_IDS.emma,
    threads: [
      { hoursAgo: 850, script: 'complaint', agents: [OLIVIA], tags: ['complaint'] },
      { hoursAgo: 150, script: 'thanks', agents: [OLIVIA], tags: ['positive feedback'] },
    ],
  },
  // Last, so the seeded ids of the chats above stay what they were before Maya joined: her
  // own active chat in Acme Support (she is in Acme Labs too, seed/acme-labs.ts).
  {
    group: 0,
    customer: CUSTOMER_IDS.lukas,
    active: true,
    threads: [{ hoursAgo: 1.8, script: 'invoice', agents: [MAYA] }],
  },
]

const HOUR = 3_600_000

/** Builds events and stamps them; `clock` moves forward 40–100 s per event. */
class ThreadWriter {
  readonly events: ChatEvent[] = []
  private at: number

  constructor(
    private readonly threadId: string,
    start: number,
    private readonly random: Random,
  ) {
    this.at = start
  }

  private stamp(): { id: string; created_at: string } {
    this.at += 40_000 + Math.floor(this.random() * 60_000)
    const id = `${this.threadId}_${this.events.length + 1}`
    return { id, created_at: rfc3339Micro(this.at, this.random() * 1000) }
  }

  system(type: string, text: string, vars?: Record<string, string>): void {
    const event: ChatEvent = {
      ...this.stamp(),
      type: 'system_message',
      system_message_type: type,
      text,
      visibility: 'all',
    }
    if (vars) event.text_vars = vars
    this.events.push(event)
  }

  line(
    line: Line,
    customerId: string,
    agent: string | undefined,
    supervisor: string | undefined,
  ): void {
    const agentId = agent ?? supervisor ?? customerId
    if ('c' in line) {
      this.events.push({
        ...this.stamp(),
        type: 'message',
        author_id: customerId,
        text: line.c,
        visibility: 'all',
      })
    } else if ('a' in line) {
      this.events.push({
        ...this.stamp(),
        type: 'message',
        author_id: line.by ?? agentId,
        text: line.a,
        visibility: 'all',
      })
    } else if ('note' in line) {
      this.events.push({
        ...this.stamp(),
        type: 'message',
        author_id: line.by === 'supervisor' ? (supervisor ?? agentId) : agentId,
        text: line.note,
        visibility: 'agents',
      })
    } else if ('file' in line) {
      const stamp = this.stamp()
      const image = line.contentType.startsWith('image/')
      const url = `https://cdn.files-text.com/api/navi/sandbox/${stamp.id}/${line.file}`
      this.events.push({
        ...stamp,
        type: 'file',
        author_id: line.from === 'customer' ? customerId : agentId,
        name: line.file,
        url,
        content_type: line.contentType,
        size: line.size,
        visibility: 'all',
        ...(image ? { thumbnail_url: `${url}?thumbnail=1`, width: 1280, height: 720 } : {}),
      })
    } else {
      this.events.push({
        ...this.stamp(),
        type: 'message',
        author_id: line.from === 'customer' ? customerId : agentId,
        text: line.deleted,
        visibility: 'all',
        deleted: true,
      })
    }
  }

  get lastAt(): number {
    return this.at
  }
}

export function buildChats(
  specs: readonly ChatSpec[],
  people: readonly Person[],
  anchor: number,
  customers: CustomerRecord[],
  idSeed = 20240611,
): ChatRecord[] {
  const random = seededRandom(idSeed)
  const nameOf = (email: string) => people.find((p) => p.email === email)?.name ?? email
  const chats = specs.map((spec) => buildChat(spec, { anchor, random, customers, nameOf }))
  tallyCustomers(customers, chats)
  return chats
}

interface ChatContext {
  anchor: number
  random: Random
  customers: CustomerRecord[]
  nameOf: (email: string) => string
}

function buildChat(spec: ChatSpec, { anchor, random, customers, nameOf }: ChatContext): ChatRecord {
  const chatId = chatStyleId(random)
  const customerId = spec.customer
  const customer = customers.find((c) => c.id === customerId)
  const threads: ThreadRecord[] = spec.threads.map((threadSpec, index) => {
    const latest = index === spec.threads.length - 1
    const active = latest && spec.active === true
    return buildThread(threadSpec, {
      anchor,
      random,
      customerId,
      customer,
      group: spec.group,
      active,
      queued: active && spec.queued === true,
      supervisor: latest ? spec.supervisor : undefined,
      nameOf,
    })
  })
  const latest = threads[threads.length - 1]
  const latestSpec = spec.threads[spec.threads.length - 1]
  const lastEventAt = latest?.events[latest.events.length - 1]?.created_at
  const users: ChatUserRecord[] = [
    {
      id: customerId,
      type: 'customer',
      present: spec.active === true,
      ...(lastEventAt ? { events_seen_up_to: lastEventAt } : {}),
    },
  ]
  const agentIds = [...new Set(spec.threads.flatMap((t) => t.agents))]
  for (const agentId of agentIds) {
    const presentNow = spec.active === true && (latestSpec?.agents.includes(agentId) ?? false)
    users.push({
      id: agentId,
      type: 'agent',
      present: presentNow,
      visibility: 'all',
      ...seenUpTo(threads, agentId, customerId),
    })
  }
  if (spec.supervisor && !agentIds.includes(spec.supervisor)) {
    users.push({
      id: spec.supervisor,
      type: 'agent',
      present: spec.active === true,
      visibility: 'agents',
      ...seenUpTo(threads, spec.supervisor, customerId),
    })
  }
  const properties: ChatRecord['properties'] = { routing: { pinned: false } }
  if (spec.rating) properties.rating = { score: spec.rating === 'good' ? 1 : 0 }
  return {
    id: chatId,
    users,
    threads,
    properties,
    access: { group_ids: [spec.group] },
    followers: [],
  }
}

interface ThreadContext {
  anchor: number
  random: Random
  customerId: string
  customer: CustomerRecord | undefined
  group: number
  active: boolean
  queued: boolean
  supervisor: string | undefined
  nameOf: (email: string) => string
}

function buildThread(spec: ThreadSpec, ctx: ThreadContext): ThreadRecord {
  const threadId = chatStyleId(ctx.random)
  const start = ctx.anchor - spec.hoursAgo * HOUR
  const writer = new ThreadWriter(threadId, start, ctx.random)
  const lead = spec.agents[0]
  const { nameOf } = ctx
  const lines: readonly Line[] = spec.lines ?? (spec.script ? SCRIPTS[spec.script] : [])
  lines.forEach((line, index) => {
    writer.line(line, ctx.customerId, lead, ctx.supervisor)
    if (index === 0 && lead) {
      // Routing assigns the chat once the customer has written.
      writer.system('routing.assigned', `Chat assigned to ${nameOf(lead)}`, { agent: nameOf(lead) })
    }
  })
  if (!ctx.active) {
    if (spec.archived === 'agent' && lead) {
      writer.system('manual_archived_agent', `${nameOf(lead)} archived the chat`, {
        agent: nameOf(lead),
      })
    } else {
      writer.system('routing.archived_inactive', 'Chat archived due to inactivity')
    }
  }
  const createdAt = rfc3339Micro(start, ctx.random() * 1000)
  const thread: ThreadRecord = {
    id: threadId,
    created_at: createdAt,
    active: ctx.active,
    user_ids: [ctx.customerId, ...spec.agents, ...(ctx.supervisor ? [ctx.supervisor] : [])],
    events: spec.restricted ? [] : writer.events,
    tags: [...(spec.tags ?? [])],
    access: { group_ids: [ctx.group] },
    properties: {},
  }
  if (spec.restricted) thread.restricted_access = RESTRICTED_ACCESS_TEXT
  if (ctx.queued) {
    thread.queue = {
      position: 1,
      wait_time: Math.round((ctx.anchor - start) / 1000),
      queued_at: createdAt,
    }
  }
  if (spec.summary) {
    thread.summary = {
      status: 'ok',
      text: spec.summary,
      updated_at: rfc3339Micro(writer.lastAt + 60_000),
    }
  }
  const visit = ctx.customer?.visit
  if (visit) {
    thread.customer_visit = {
      ip: visit.ip,
      user_agent: visit.user_agent,
      geolocation: { ...visit.geolocation },
    }
  }
  return thread
}

/** An agent has seen everything up to their own last event, so later customer lines count as unread. */
function seenUpTo(
  threads: ThreadRecord[],
  agentId: string,
  customerId: string,
): { events_seen_up_to?: string } {
  for (let t = threads.length - 1; t >= 0; t--) {
    const events = threads[t]?.events ?? []
    for (let e = events.length - 1; e >= 0; e--) {
      const event = events[e]
      if (event && (!('author_id' in event) || event.author_id !== customerId)) {
        if (!threads[t]?.user_ids.includes(agentId)) break
        return { events_seen_up_to: event.created_at }
      }
    }
  }
  return {}
}
