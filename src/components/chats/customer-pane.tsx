import { useQuery } from '@tanstack/react-query'
import type { Ref } from 'react'
import { Link } from 'react-router-dom'
import { customerOf, displayName } from '../../api/chat-view'
import { chatQueries } from '../../api/chats'
import { customerQueries } from '../../api/customers'
import { useApiClient } from '../../api/use-api-client'
import { paths } from '../../config/paths'
import { useLiveFreshness } from '../../live/use-live'
import { lackingScope } from '../scope-text'
import { useHasScopes } from '../use-has-scopes'

const READ_CUSTOMERS = 'customers:ro'

/**
 * Who the customer is: the chat's customer user and, with customers:ro, their profile
 * (get_customer, refetched when a customer push says it changed).
 */
export function CustomerPane({
  chatId,
  headingRef,
  onBack,
}: {
  chatId: string
  headingRef: Ref<HTMLHeadingElement>
  /** Narrow screens: back to the conversation. */
  onBack: () => void
}) {
  const api = useApiClient()
  const hasScopes = useHasScopes()
  const freshness = useLiveFreshness()
  const user = customerOf(
    useQuery({ ...chatQueries.detail(api, chatId), ...freshness }).data?.users,
  )
  const canRead = hasScopes([READ_CUSTOMERS])
  const profile = useQuery({
    ...customerQueries.detail(api, user?.id ?? ''),
    ...freshness,
    enabled: canRead && user !== undefined,
  }).data
  const geo = profile?.visit?.geolocation
  const page = profile?.visit?.last_pages?.[0]

  return (
    <aside className="chats__customer" aria-labelledby="customer-title">
      <button type="button" className="button pane-switch" onClick={onBack}>
        Back to conversation
      </button>
      <h2 id="customer-title" ref={headingRef} tabIndex={-1}>
        Customer
      </h2>
      {user && (
        <>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{displayName(profile ? { ...user, name: profile.name } : user)}</dd>
            <dt>Email</dt>
            <dd>{profile?.email ?? user.email ?? 'Not given'}</dd>
            <dt>Location</dt>
            <dd>{[geo?.city, geo?.country].filter(Boolean).join(', ') || 'Unknown'}</dd>
            <dt>Now on</dt>
            <dd className="cell--text">{page?.title || page?.url || 'Unknown'}</dd>
          </dl>
          <p>
            {canRead ? (
              <Link to={paths.customer(user.id)}>Full profile</Link>
            ) : (
              <span className="muted">{lackingScope(READ_CUSTOMERS, 'The full profile')}</span>
            )}
          </p>
        </>
      )}
    </aside>
  )
}
