import { useQuery } from '@tanstack/react-query'
import type { Ref } from 'react'
import { Link } from 'react-router-dom'
import { customerOf, displayName } from '../../api/chat-view'
import { chatQueries } from '../../api/chats'
import { groupName, groupQueries } from '../../api/groups'
import { useApiClient } from '../../api/use-api-client'
import { useSession } from 'livechat-browser-auth/react'
import { paths } from '../../config/paths'
import { typingNow } from '../../live/cache/typing'
import { isLive, useLiveFreshness, useLiveStatus, useTyping } from '../../live/use-live'
import { useMarkSeen } from '../../live/use-live-cache'
import { ChatComposer } from '../chat-composer'
import { ChatEventItem } from '../chat-event-item'
import { QueryState } from '../query-state'
import { formatDateTime } from '../format'
import { lackingScope } from '../scope-text'
import { useNow } from '../use-now'
import { useHasScopes } from 'livechat-browser-auth/react'
import type { ChatUser } from '../../api/chat-types'
import { servingAgents } from './chat-list-model'
import { ConversationActions } from './conversation-actions'

const WRITE_MESSAGES = 'chats.conversation--access:rw'

interface ConversationPaneProps {
  chatId: string
  /** An older thread of the chat (`?thread=`); undefined for the latest, where messages go. */
  threadId: string | undefined
  me: string | null
  headingRef: Ref<HTMLHeadingElement>
  focusHeading: () => void
  /** Narrow screens: show the customer pane instead. */
  onShowCustomer: () => void
  customerButtonRef: Ref<HTMLButtonElement>
  /** What reading the chat needs: the page's scopes, named if LiveChat refuses one. */
  scopes: readonly string[]
}

/** One chat: its thread as it happens, who is typing, the composer and what I can do with it. */
export function ConversationPane({
  chatId,
  threadId,
  me,
  headingRef,
  focusHeading,
  onShowCustomer,
  customerButtonRef,
  scopes,
}: ConversationPaneProps) {
  const api = useApiClient()
  const session = useSession()
  const hasScopes = useHasScopes()
  const status = useLiveStatus()
  const chat = useQuery({ ...chatQueries.detail(api, chatId, threadId), ...useLiveFreshness() })
  const groups = useQuery({ ...groupQueries.list(api), enabled: hasScopes(['groups--all:ro']) })
  const data = chat.data
  const thread = data?.thread
  const latest = threadId === undefined
  useMarkSeen(latest ? data : undefined, me)

  const amPresent = me !== null && servingAgents(data?.users).some((agent) => agent.id === me)
  const closedByCustomer = thread?.events?.some(
    (e) => 'system_message_type' in e && e.system_message_type === 'manual_archived_customer',
  )
  const writeBlocked = !hasScopes([WRITE_MESSAGES])
    ? lackingScope(WRITE_MESSAGES, 'Writing messages')
    : !thread?.active
      ? `${closedByCustomer ? 'The customer closed this chat' : 'This chat is closed'}, so nothing more can be sent to it.`
      : !amPresent
        ? 'Only agents taking part in this chat can write to it. Take the chat to reply.'
        : status.state === 'offline' && status.reason === 'browser_offline'
          ? 'You are offline: messages can be sent when your connection is back.'
          : null

  const events = thread?.events ?? []
  const customer = customerOf(data?.users)

  return (
    <section className="chats__conversation" aria-labelledby="conversation-title">
      <Link to={paths.chats} className="pane-switch">
        Back to chats
      </Link>{' '}
      <button
        ref={customerButtonRef}
        type="button"
        className="button pane-switch"
        onClick={onShowCustomer}
      >
        Customer details
      </button>
      <h2 id="conversation-title" ref={headingRef} tabIndex={-1}>
        {data ? `Chat with ${displayName(customer)}` : 'Chat'}
      </h2>
      <QueryState query={chat} what="this chat" loading="Loading the chat" scopes={scopes}>
        {(data) => (
          <>
            <p className="muted">
              {thread
                ? thread.active
                  ? thread.queue
                    ? 'Queued'
                    : 'Active'
                  : 'Closed'
                : 'No conversation yet'}
              {' · '}
              {(data.access?.group_ids ?? []).map((id) => groupName(groups.data, id)).join(', ') ||
                '—'}
              {thread && ` · started ${formatDateTime(thread.created_at)}`}
              {thread?.tags?.length ? ` · tags: ${thread.tags.join(', ')}` : ''}
            </p>
            {(thread?.previous_thread_id || !latest) && (
              <nav className="actions" aria-label="Conversations in this chat">
                {thread?.previous_thread_id && (
                  <Link
                    to={`${paths.chat(chatId)}?thread=${encodeURIComponent(thread.previous_thread_id)}`}
                  >
                    Earlier conversation
                  </Link>
                )}
                {!latest && <Link to={paths.chat(chatId)}>Latest conversation</Link>}
              </nav>
            )}
            {thread?.summary?.text && (
              <p className="panel pre-wrap">Summary: {thread.summary.text}</p>
            )}
            {thread?.restricted_access !== undefined ? (
              <p className="notice">
                This conversation cannot be shown: {thread.restricted_access}
              </p>
            ) : events.length === 0 ? (
              <p className="empty">No messages in this conversation yet.</p>
            ) : (
              // A log: screen readers hear new messages as they arrive, without moving focus. It
              // scrolls, so it takes focus for keyboard scrolling (axe scrollable-region-focusable).
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
              <div role="log" aria-label="Conversation" className="thread" tabIndex={0}>
                <ol className="thread__events">
                  {events.map((event) => (
                    <ChatEventItem key={event.id} event={event} users={data.users} />
                  ))}
                </ol>
              </div>
            )}
            {latest && thread && (
              <>
                <TypingLine chatId={chatId} users={data.users} />
                <ConversationActions
                  chat={data}
                  me={me}
                  amPresent={amPresent}
                  onTransferred={focusHeading}
                />
                <ChatComposer
                  chatId={chatId}
                  authorId={me ?? session.accountId}
                  disabledReason={writeBlocked}
                  note={
                    writeBlocked === null && !isLive(status)
                      ? 'Not live right now: what you send goes out, but replies may show late.'
                      : null
                  }
                />
              </>
            )}
          </>
        )}
      </QueryState>
    </section>
  )
}

/**
 * "Thomas is typing…" for ~5 s after the last signal (re-rendered each second on its own, not
 * the thread), and the sneak peek. Who is typing is announced; the peek changes with every key,
 * so it is not.
 */
function TypingLine({ chatId, users }: { chatId: string; users?: ChatUser[] }) {
  const typing = typingNow(useTyping(chatId), useNow(1000))
  return (
    <>
      <p role="status" className="muted">
        {typing && `${displayName(users?.find((u) => u.id === typing.authorId))} is typing…`}
      </p>
      {typing?.text && <p className="muted pre-wrap">“{typing.text}”</p>}
    </>
  )
}
