import { useQuery } from '@tanstack/react-query'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { accountQueries } from '../api/accounts'
import { customerOf, displayName } from '../api/chat-view'
import { chatQueries } from '../api/chats'
import { groupName, groupQueries } from '../api/groups'
import { useApiClient } from '../api/use-api-client'
import { describeScope } from '../auth/guards/scope-meanings'
import { useSession } from '../auth/use-auth'
import { ChatComposer } from '../components/chat-composer'
import { ChatEventItem } from '../components/chat-event-item'
import { CloseChat } from '../components/close-chat'
import { FetchNotice } from '../components/fetch-notice'
import { formatDateTime } from '../components/format'
import { Page } from '../components/page'
import { QueryError } from '../components/query-error'
import { Spinner } from '../ui/spinner'
import { paths } from '../config/paths'
import { useHasScopes } from '../auth/guards/use-has-scopes'

const WRITE_MESSAGES = 'chats.conversation--access:rw'
const CLOSE_CHATS = 'chats--access:rw'

function lacking(scope: string, action: string): string {
  return `${action} needs the permission ${scope} (${describeScope(scope)}), which this sign-in does not include.`
}

/** One chat: a thread's events, a composer and "Close chat" (route: chats--access:ro). */
export function ChatPage() {
  const { chatId = '' } = useParams()
  const [search] = useSearchParams()
  const threadId = search.get('thread') ?? undefined
  const api = useApiClient()
  const session = useSession()
  const hasScopes = useHasScopes()
  const chat = useQuery(chatQueries.detail(api, chatId, threadId))
  const me = useQuery({ ...accountQueries.me(api), enabled: hasScopes(['accounts--my:ro']) })
  const groups = useQuery({ ...groupQueries.list(api), enabled: hasScopes(['groups--all:ro']) })

  const data = chat.data
  const thread = data?.thread
  const customer = customerOf(data?.users)
  const myId = me.data?.email
  const amPresent =
    myId === undefined ||
    (data?.users ?? []).some((u) => u.type === 'agent' && u.id === myId && u.present)

  let writeBlocked: string | null = null
  if (!hasScopes([WRITE_MESSAGES])) writeBlocked = lacking(WRITE_MESSAGES, 'Writing messages')
  else if (!thread?.active) writeBlocked = 'This chat is closed, so nothing more can be sent to it.'
  else if (!amPresent) writeBlocked = 'Only agents taking part in this chat can write to it.'

  let closeBlocked: string | null = null
  if (!hasScopes([CLOSE_CHATS])) closeBlocked = lacking(CLOSE_CHATS, 'Closing chats')
  else if (!amPresent) closeBlocked = 'Only agents taking part in this chat can close it.'

  const events = thread?.events ?? []
  const title = data ? `Chat with ${displayName(customer)}` : 'Chat'

  return (
    <Page title={title}>
      <p>
        <Link to={paths.chats}>Back to my chats</Link>
      </p>
      <FetchNotice query={chat} />
      {chat.isPending && <Spinner label="Loading the chat" />}
      {chat.isError && (
        <QueryError
          error={chat.error}
          what="this chat"
          onRetry={() => void chat.refetch()}
          scopes={['chats--access:ro']}
        />
      )}
      {data && (
        <div className="chat">
          <dl className="facts chat__facts">
            <dt>Status</dt>
            <dd>
              {thread
                ? thread.active
                  ? thread.queue
                    ? 'Queued'
                    : 'Active'
                  : 'Closed'
                : 'No conversation yet'}
            </dd>
            <dt>Group</dt>
            <dd>
              {(data.access?.group_ids ?? []).map((id) => groupName(groups.data, id)).join(', ') ||
                '—'}
            </dd>
            {thread && (
              <>
                <dt>Started</dt>
                <dd>{formatDateTime(thread.created_at)}</dd>
              </>
            )}
            {thread?.tags && thread.tags.length > 0 && (
              <>
                <dt>Tags</dt>
                <dd>{thread.tags.join(', ')}</dd>
              </>
            )}
            <dt>Customer</dt>
            <dd>
              {customer && hasScopes(['customers:ro']) ? (
                <Link to={paths.customer(customer.id)}>{displayName(customer)} (profile)</Link>
              ) : (
                displayName(customer)
              )}
            </dd>
          </dl>

          {(thread?.previous_thread_id || threadId !== undefined) && (
            <nav className="actions thread-nav" aria-label="Conversations in this chat">
              {thread?.previous_thread_id && (
                <Link
                  to={`${paths.chat(chatId)}?thread=${encodeURIComponent(thread.previous_thread_id)}`}
                >
                  Earlier conversation
                </Link>
              )}
              {threadId !== undefined && <Link to={paths.chat(chatId)}>Latest conversation</Link>}
            </nav>
          )}

          {thread?.summary?.text && (
            <section className="panel" aria-labelledby="summary-title">
              <h2 id="summary-title">Summary</h2>
              <p className="pre-wrap">{thread.summary.text}</p>
            </section>
          )}

          <h2>Conversation</h2>
          {thread?.restricted_access !== undefined ? (
            <p className="notice">This conversation cannot be shown: {thread.restricted_access}</p>
          ) : events.length === 0 ? (
            <p className="empty">No messages in this conversation yet.</p>
          ) : (
            <div role="log" aria-label="Conversation" className="thread">
              <ol className="thread__events">
                {events.map((event) => (
                  <ChatEventItem key={event.id} event={event} users={data.users} />
                ))}
              </ol>
            </div>
          )}

          {threadId === undefined && thread && (
            <>
              <ChatComposer
                chatId={chatId}
                authorId={myId ?? session.accountId}
                disabledReason={writeBlocked}
              />
              {thread.active && <CloseChat chatId={chatId} disabledReason={closeBlocked} />}
            </>
          )}
        </div>
      )}
    </Page>
  )
}
