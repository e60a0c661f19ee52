import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router-dom'
import { safeHttpUrl } from '../api/chat-view'
import { customerQueries } from '../api/customers'
import { useApiClient } from '../api/use-api-client'
import { QueryState } from '../components/query-state'
import { formatDateTime } from '../components/format'
import { Page } from '../components/page'
import { paths } from '../config/paths'

const STATISTICS: Record<string, string> = {
  chats_count: 'Chats',
  threads_count: 'Conversations',
  visits_count: 'Visits',
  page_views_count: 'Page views',
  greetings_shown_count: 'Greetings shown',
  greetings_accepted_count: 'Greetings accepted',
  tickets_count: 'Tickets',
}

/** What the page reads with: its route's guard (app/workspace-routes.tsx) requires the same. */
export const customerPageScopes = ['customers:ro'] as const

/** One customer (get_customer), reached from a chat. Customer data is text only. */
export function CustomerPage() {
  const { customerId = '' } = useParams()
  const api = useApiClient()
  const customer = useQuery(customerQueries.detail(api, customerId))
  const data = customer.data
  const geo = data?.visit?.geolocation
  const place = [geo?.city, geo?.region, geo?.country].filter(Boolean).join(', ')

  return (
    <Page title={data ? data.name?.trim() || data.email || 'Anonymous customer' : 'Customer'}>
      <QueryState
        query={customer}
        what="this customer"
        loading="Loading the customer"
        scopes={customerPageScopes}
      >
        {(data) => (
          <div className="grid">
            <section className="panel" aria-labelledby="contact-title">
              <h2 id="contact-title">Contact</h2>
              <dl className="facts">
                <dt>Email</dt>
                <dd>{data.email ?? 'Not given'}</dd>
                <dt>Phone</dt>
                <dd>{data.phone_number ?? 'Not given'}</dd>
                <dt>Location</dt>
                <dd>{place || 'Unknown'}</dd>
                <dt>Customer since</dt>
                <dd>{formatDateTime(data.created_at) || 'Unknown'}</dd>
              </dl>
            </section>
            <section className="panel" aria-labelledby="stats-title">
              <h2 id="stats-title">Activity</h2>
              {data.statistics && Object.keys(data.statistics).length > 0 ? (
                <dl className="facts">
                  {Object.entries(data.statistics).map(([key, value]) => (
                    <div key={key} className="facts__row">
                      <dt>{STATISTICS[key] ?? key.replace(/_/g, ' ')}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="empty">No activity recorded.</p>
              )}
            </section>
            <section className="panel" aria-labelledby="chats-title">
              <h2 id="chats-title">Chats</h2>
              {data.chat_ids && data.chat_ids.length > 0 ? (
                <ul>
                  {data.chat_ids.map((id) => (
                    <li key={id}>
                      <Link to={paths.chat(id)}>Chat {id}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">No chats with this customer.</p>
              )}
            </section>
            {data.visit && (
              <section className="panel" aria-labelledby="visit-title">
                <h2 id="visit-title">Last visit</h2>
                <dl className="facts">
                  <dt>Started</dt>
                  <dd>{formatDateTime(data.visit.started_at) || 'Unknown'}</dd>
                  {data.visit.referrer && (
                    <>
                      <dt>Came from</dt>
                      <dd className="cell--text">{data.visit.referrer}</dd>
                    </>
                  )}
                </dl>
                {data.visit.last_pages && data.visit.last_pages.length > 0 && (
                  <>
                    <h3>Pages viewed</h3>
                    <ul>
                      {data.visit.last_pages.map((page, index) => {
                        const href = safeHttpUrl(page.url)
                        const label = page.title?.trim() || page.url || 'Untitled page'
                        return (
                          <li key={`${page.url ?? ''}-${index}`}>
                            {href ? (
                              <a href={href} target="_blank" rel="noopener noreferrer">
                                {label}
                              </a>
                            ) : (
                              label
                            )}
                          </li>
                        )
                      })}
                    </ul>
                  </>
                )}
              </section>
            )}
            {data.session_fields && data.session_fields.length > 0 && (
              <section className="panel" aria-labelledby="fields-title">
                <h2 id="fields-title">Session fields</h2>
                <dl className="facts">
                  {data.session_fields
                    .flatMap((fields) => Object.entries(fields))
                    .map(([key, value], index) => (
                      <div key={`${key}-${index}`} className="facts__row">
                        <dt>{key}</dt>
                        <dd className="cell--text">{String(value)}</dd>
                      </div>
                    ))}
                </dl>
              </section>
            )}
          </div>
        )}
      </QueryState>
    </Page>
  )
}
