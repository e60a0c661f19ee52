import { useQuery } from '@tanstack/react-query'
import type { Ref } from 'react'
import { Link } from 'react-router-dom'
import { customerOf, displayName } from '../../api/chat-view'
import { chatQueries } from '../../api/chats'
import type { Customer } from '../../api/customers'
import { useApiClient } from '../../api/use-api-client'
import { useHasScopes } from 'livechat-browser-auth/react'
import { paths } from '../../config/paths'
import { useLiveFreshness } from '../../live/use-live'
import { lackingScope } from '../scope-text'

const READ_CUSTOMERS = 'customers:ro'

/**
 * Who the customer is: the chat's customer user, which carries their profile (refetched with
 * the chat when a customer push says it changed), and a link to the full profile.
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
  const chat = useQuery({ ...chatQueries.detail(api, chatId), ...useLiveFreshness() })
  const user = customerOf(chat.data?.users) as (Customer & { type: 'customer' }) | undefined
  // The profile's visit is the latest; the thread keeps where the customer was when it began.
  const geo = user?.visit?.geolocation ?? chat.data?.thread?.customer_visit?.geolocation
  // The visit's pages come oldest first: the last is where the customer is now.
  const page = user?.visit?.last_pages?.at(-1)

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
            <dd>{displayName(user)}</dd>
            <dt>Email</dt>
            <dd>{user.email ?? 'Not given'}</dd>
            <dt>Location</dt>
            <dd>{[geo?.city, geo?.country].filter(Boolean).join(', ') || 'Unknown'}</dd>
            <dt>Now on</dt>
            <dd>{page?.title || page?.url || 'Unknown'}</dd>
          </dl>
          <p>
            {hasScopes([READ_CUSTOMERS]) ? (
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
