// Where a simulated customer is and what they are looking at, as LiveChat's tracking gives it: the
// customer's `visit` (geolocation, the pages of this visit, oldest first) and the thread's
// `customer_visit` (https://platform.text.com/docs/messaging/agent-chat-api/v3.6/data-structures). Places and pages rotate, so
// each simulated customer differs and a test can tell them apart.
import { rfc3339Micro } from '../seed/ids'
import type { CustomerRecord, ThreadRecord } from '../seed/world-records'

const PLACES = [
  {
    country: 'Spain',
    country_code: 'ES',
    region: 'Madrid',
    city: 'Madrid',
    timezone: 'Europe/Madrid',
  },
  { country: 'Italy', country_code: 'IT', region: 'Lazio', city: 'Rome', timezone: 'Europe/Rome' },
  { country: 'Japan', country_code: 'JP', region: 'Osaka', city: 'Osaka', timezone: 'Asia/Tokyo' },
  {
    country: 'Morocco',
    country_code: 'MA',
    region: 'Casablanca-Settat',
    city: 'Casablanca',
    timezone: 'Africa/Casablanca',
  },
]

const PAGES = [
  { url: 'https://acme.test/pricing', title: 'Acme - Pricing' },
  { url: 'https://acme.test/help/returns', title: 'Acme - Returns and refunds' },
  { url: 'https://acme.test/checkout', title: 'Acme - Checkout' },
]

/** The visit of the `index`th simulated customer, started a few minutes before `now`. */
export function simulatedVisit(index: number, now: number): NonNullable<CustomerRecord['visit']> {
  const place = PLACES[index % PLACES.length] ?? PLACES[0]!
  const page = PAGES[index % PAGES.length] ?? PAGES[0]!
  const startedAt = now - 4 * 60_000
  return {
    started_at: rfc3339Micro(startedAt),
    referrer: 'https://www.google.com/',
    ip: `198.51.100.${10 + (index % 200)}`,
    user_agent:
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
    geolocation: { ...place },
    last_pages: [
      { opened_at: rfc3339Micro(startedAt), url: 'https://acme.test/', title: 'Acme - Home' },
      { opened_at: rfc3339Micro(now - 60_000), ...page },
    ],
  }
}

/** A new thread carries the visit it started in (`customer_visit`), as LiveChat's threads do. */
export function stampCustomerVisit(
  thread: ThreadRecord,
  customer: CustomerRecord | undefined,
): void {
  const visit = customer?.visit
  if (!visit) return
  thread.customer_visit = {
    ip: visit.ip,
    user_agent: visit.user_agent,
    geolocation: { ...visit.geolocation },
  }
}
