import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useParams, useSearchParams } from 'react-router-dom'
import { chatQueries, OPEN_CHATS } from '../api/chats'
import { groupQueries } from '../api/groups'
import { useApiClient } from '../api/use-api-client'
import { ChatListPane } from '../components/chats/chat-list-pane'
import { ConversationPane } from '../components/chats/conversation-pane'
import { CustomerPane } from '../components/chats/customer-pane'
import { QueryState } from '../components/query-state'
import { LoadMore } from '../components/load-more'
import { RoutingStatusControl } from '../components/live/routing-status-control'
import { useHasScopes } from 'livechat-browser-auth/react'
import { useLiveFreshness } from '../live/use-live'
import { useMyAgentId, useUnread } from '../live/use-live-cache'
import '../components/chats/chats.css'

/** What the page reads with: its route's guard (app/workspace-routes.tsx) requires the same. */
export const chatsPageScopes = ['chats--access:ro'] as const

/**
 * The agent's screen (LiveChat's Agent App is the model), for /chats and /chats/:chatId: the
 * chat list, the conversation and the customer side by side; on a narrow screen one at a time,
 * each with a way back. Everything in it is read from the cache the socket keeps true.
 */
export function ChatsPage() {
  const { chatId } = useParams()
  const [search] = useSearchParams()
  const threadId = search.get('thread') ?? undefined
  const api = useApiClient()
  const hasScopes = useHasScopes()
  const freshness = useLiveFreshness()
  const chats = useInfiniteQuery({ ...chatQueries.list(api, OPEN_CHATS), ...freshness })
  const groups = useQuery({ ...groupQueries.list(api), enabled: hasScopes(['groups--all:ro']) })
  const me = useMyAgentId()
  const unread = useUnread()
  const rows = chats.data?.pages.flatMap((page) => page.chats_summary) ?? []

  // Narrow screens show one pane: the list, the conversation, or its customer.
  const [showCustomer, setShowCustomer] = useState(false)
  const conversationHeading = useRef<HTMLHeadingElement>(null)
  const customerHeading = useRef<HTMLHeadingElement>(null)
  const customerButton = useRef<HTMLButtonElement>(null)
  const focusConversation = useCallback(() => conversationHeading.current?.focus(), [])

  // Focus follows the pane that changed: an opened chat lands on its heading; back on the list,
  // on the chat that was open.
  const previous = useRef(chatId)
  useEffect(() => {
    const before = previous.current
    previous.current = chatId
    if (before === chatId) return
    setShowCustomer(false)
    if (chatId) conversationHeading.current?.focus()
    else if (before)
      document.querySelector<HTMLElement>(`a[data-chat-id="${CSS.escape(before)}"]`)?.focus()
  }, [chatId])

  const pane = !chatId ? 'list' : showCustomer ? 'customer' : 'conversation'

  return (
    <div className="chats" data-pane={pane}>
      {/* Outside the panes: a narrow screen hides all but one, and the page keeps its h1. */}
      <h1 className="visually-hidden">Chats</h1>
      <div className="chats__list">
        <RoutingStatusControl />
        <QueryState
          query={chats}
          what="your chats"
          loading="Loading your chats"
          scopes={chatsPageScopes}
        >
          {() => (
            <ChatListPane
              chats={rows}
              groups={groups.data}
              me={me}
              unread={unread}
              selectedId={chatId}
              footer={
                rows.length === 0 ? (
                  <p className="empty">No open chats right now. New ones appear here.</p>
                ) : (
                  <LoadMore query={chats} noun="chats" endText="That is every open chat." />
                )
              }
            />
          )}
        </QueryState>
      </div>
      {chatId ? (
        <>
          <ConversationPane
            key={chatId}
            chatId={chatId}
            threadId={threadId}
            scopes={chatsPageScopes}
            me={me}
            headingRef={conversationHeading}
            focusHeading={focusConversation}
            customerButtonRef={customerButton}
            onShowCustomer={() => {
              setShowCustomer(true)
              requestAnimationFrame(() => customerHeading.current?.focus())
            }}
          />
          <CustomerPane
            chatId={chatId}
            headingRef={customerHeading}
            onBack={() => {
              setShowCustomer(false)
              requestAnimationFrame(() => customerButton.current?.focus())
            }}
          />
        </>
      ) : (
        <section
          className="chats__pane chats__conversation chats__placeholder"
          aria-label="Conversation"
        >
          <p className="muted">Pick a chat from the list to read and answer it.</p>
        </section>
      )}
    </div>
  )
}
