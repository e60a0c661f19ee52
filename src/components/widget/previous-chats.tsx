import { useInfiniteQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { archiveQueries } from '../../api/archives'
import type { ChatWithThread, MessageEvent } from '../../api/chat-types'
import { useApiClient } from '../../api/use-api-client'
import { paths } from '../../config/paths'
import { Spinner } from '../../ui/spinner'
import { formatDateTime } from '../format'
import { QueryError } from '../query-error'

const SCOPES = ['chats--access:ro']

function firstMessage(chat: ChatWithThread): string {
  for (const event of chat.thread?.events ?? []) {
    const text = event.type === 'message' ? (event as MessageEvent).text : undefined
    if (text) return text
  }
  return 'No messages'
}

/**
 * The customer's past conversations (list_archives filtered by customer, newest first), each
 * opening in the full app in a new tab: the widget's frame is too small to read a chat in.
 */
export function PreviousChats({ customerId }: { customerId: string }) {
  const api = useApiClient()
  const headingId = useId()
  const archives = useInfiniteQuery(archiveQueries.list(api, { customerId }))
  const rows = archives.data?.pages.flatMap((page) => page.chats) ?? []
  return (
    <section className="widget__section" aria-labelledby={headingId}>
      <h2 id={headingId}>Previous chats</h2>
      {archives.isPending && <Spinner label="Loading previous chats" />}
      {archives.isError && (
        <QueryError
          error={archives.error}
          what="previous chats"
          scopes={SCOPES}
          onRetry={() => void archives.refetch()}
        />
      )}
      {archives.isSuccess && rows.length === 0 && (
        <p className="muted">No previous chats with this customer.</p>
      )}
      {rows.length > 0 && (
        <ul className="widget__chats">
          {rows.map((chat) => (
            <li key={`${chat.id}/${chat.thread?.id ?? ''}`}>
              <a href={paths.chat(chat.id)} target="_blank" rel="noopener noreferrer">
                <time dateTime={chat.thread?.created_at}>
                  {formatDateTime(chat.thread?.created_at)}
                </time>
                <span className="widget__first-message">{firstMessage(chat)}</span>
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
