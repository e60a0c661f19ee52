// Eight customers (docs/AGENT-API.md): most with name, email, visit.geolocation and statistics,
// one with session_fields, one anonymous (an id and nothing else a visitor told us).
import { rfc3339Micro } from './ids'
import type { ChatRecord, CustomerRecord } from './world-records'

const DAY = 86_400_000
const MINUTE = 60_000

export interface CustomerSeed {
  id: string
  name?: string
  email?: string
  phone?: string
  country?: string
  countryCode?: string
  region?: string
  city?: string
  timezone?: string
  sessionFields?: Record<string, string>[]
  address?: Record<string, string>
}

/** Stable ids so tests and demos can name a customer. */
export const CUSTOMER_IDS = {
  maria: 'b7eff798-f8df-4364-8059-649c35c9ed0c',
  james: '5c2d9a61-0e4b-4f7a-9b3c-8d1e2f3a4b5c',
  aiko: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
  lukas: '7d8e9f0a-1b2c-4d3e-9f5a-6b7c8d9e0f1a',
  priya: '3a4b5c6d-7e8f-4a0b-8c2d-3e4f5a6b7c8d',
  omar: '9b0c1d2e-3f4a-4b6c-ad8e-9f0a1b2c3d4e',
  emma: 'c4d5e6f7-a8b9-4c0d-be2f-3a4b5c6d7e8f',
  anonymous: '0f1e2d3c-4b5a-4968-8776-655443322110',
} as const

export const DEFAULT_CUSTOMERS: CustomerSeed[] = [
  {
    id: CUSTOMER_IDS.maria,
    name: 'María López',
    email: 'maria.lopez@example.com',
    phone: '+34600123456',
    country: 'Spain',
    countryCode: 'ES',
    region: 'Madrid',
    city: 'Madrid',
    timezone: 'Europe/Madrid',
  },
  {
    id: CUSTOMER_IDS.james,
    name: 'James Carter',
    email: 'james.carter@example.com',
    country: 'United States',
    countryCode: 'US',
    region: 'Texas',
    city: 'Austin',
    timezone: 'America/Chicago',
    address: {
      address: '500 Congress Avenue',
      city: 'Austin',
      country: 'United States',
      state: 'TX',
      postal_code: '78701',
    },
  },
  {
    id: CUSTOMER_IDS.aiko,
    name: 'Aiko Tanaka',
    email: 'aiko.tanaka@example.jp',
    country: 'Japan',
    countryCode: 'JP',
    region: 'Tokyo',
    city: 'Tokyo',
    timezone: 'Asia/Tokyo',
  },
  {
    id: CUSTOMER_IDS.lukas,
    name: 'Lukas Schmidt',
    email: 'lukas.schmidt@example.de',
    country: 'Germany',
    countryCode: 'DE',
    region: 'Berlin',
    city: 'Berlin',
    timezone: 'Europe/Berlin',
  },
  {
    id: CUSTOMER_IDS.priya,
    name: 'Priya Sharma',
    email: 'priya.sharma@example.in',
    country: 'India',
    countryCode: 'IN',
    region: 'Karnataka',
    city: 'Bengaluru',
    timezone: 'Asia/Kolkata',
    // Values are visitor-controlled: one carries markup so the app can prove it renders text.
    sessionFields: [{ plan: 'pro' }, { order_id: 'A-1042' }, { note: '<b>VIP</b> customer' }],
  },
  {
    id: CUSTOMER_IDS.omar,
    name: 'Omar Haddad',
    email: 'omar.haddad@example.com',
    country: 'Poland',
    countryCode: 'PL',
    region: 'Dolnoslaskie',
    city: 'Wroclaw',
    timezone: 'Europe/Warsaw',
  },
  {
    id: CUSTOMER_IDS.emma,
    name: 'Emma Dubois',
    email: 'emma.dubois@example.fr',
    phone: '+33612345678',
    country: 'France',
    countryCode: 'FR',
    region: 'Ile-de-France',
    city: 'Paris',
    timezone: 'Europe/Paris',
  },
  { id: CUSTOMER_IDS.anonymous },
]

export function buildCustomers(seeds: readonly CustomerSeed[], anchor: number): CustomerRecord[] {
  return seeds.map((seed, index) => {
    const createdAt = anchor - (120 - index * 9) * DAY
    const customer: CustomerRecord = {
      id: seed.id,
      type: 'customer',
      created_at: rfc3339Micro(createdAt),
      statistics: { chats_count: 0, threads_count: 0, visits_count: 0, page_views_count: 0 },
      chat_ids: [],
    }
    if (seed.name) customer.name = seed.name
    if (seed.email) {
      customer.email = seed.email
      customer.email_verified = index % 2 === 0
    }
    if (seed.name)
      customer.avatar = `https://cdn.livechat-static.com/api/file/avatar/customer-${index}.png`
    if (seed.phone) customer.phone_number = seed.phone
    if (seed.sessionFields) customer.session_fields = seed.sessionFields.map((f) => ({ ...f }))
    if (seed.address) customer.address = { ...seed.address }
    if (seed.country && seed.countryCode && seed.city && seed.timezone) {
      const visitStart = anchor - (30 + index * 7) * MINUTE
      customer.visit = {
        started_at: rfc3339Micro(visitStart),
        referrer: index % 3 === 0 ? 'https://www.google.com/' : 'https://acme.test/newsletter',
        ip: `203.0.113.${10 + index}`,
        user_agent:
          'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
        geolocation: {
          country: seed.country,
          country_code: seed.countryCode,
          region: seed.region ?? '',
          city: seed.city,
          timezone: seed.timezone,
        },
        last_pages: [
          { opened_at: rfc3339Micro(visitStart), url: 'https://acme.test/', title: 'Acme - Home' },
          {
            opened_at: rfc3339Micro(visitStart + 2 * MINUTE),
            url: 'https://acme.test/pricing',
            title: 'Acme - Pricing',
          },
        ],
      }
    }
    return customer
  })
}

/** Fills chat_ids, statistics and last-event times from the chats that were built. */
export function tallyCustomers(customers: CustomerRecord[], chats: ChatRecord[]): void {
  for (const customer of customers) {
    const mine = chats.filter((chat) => chat.users.some((u) => u.id === customer.id))
    customer.chat_ids = mine.map((chat) => chat.id)
    const threads = mine.flatMap((chat) => chat.threads)
    const index = customers.indexOf(customer)
    customer.statistics = {
      chats_count: mine.length,
      threads_count: threads.length,
      visits_count: threads.length + index,
      page_views_count: threads.length * 4 + index * 3,
      greetings_shown_count: index,
      greetings_accepted_count: Math.floor(index / 2),
    }
    let agentLast = ''
    let customerLast = ''
    for (const event of threads.flatMap((t) => t.events)) {
      if (!('author_id' in event)) continue
      if (event.author_id === customer.id)
        customerLast = event.created_at > customerLast ? event.created_at : customerLast
      else agentLast = event.created_at > agentLast ? event.created_at : agentLast
    }
    if (agentLast) customer.agent_last_event_created_at = agentLast
    if (customerLast) customer.customer_last_event_created_at = customerLast
  }
}
