import { isUnconfirmed } from '../api/chat-actions'
import type { ChatEvent, ChatUser } from '../api/chat-types'
import { authorName, safeHttpUrl } from '../api/chat-view'
import { formatTime } from './format'

/**
 * One event of a thread. Everything from the chat is rendered as text (React escapes it), never
 * as HTML; a file becomes a link only for an http(s) URL, opened without giving the page access
 * to ours (rel="noopener noreferrer").
 */
export function ChatEventItem({ event, users }: { event: ChatEvent; users?: ChatUser[] }) {
  const internal = event.visibility === 'agents'
  const time = (
    <time dateTime={event.created_at} className="event__time">
      {formatTime(event.created_at)}
    </time>
  )
  if (event.type === 'system_message') {
    return (
      <li className="event event--system">
        <span>
          {'text' in event && typeof event.text === 'string' ? event.text : 'System message'}
        </span>{' '}
        {time}
      </li>
    )
  }
  const author = authorName(users, 'author_id' in event ? event.author_id : undefined)
  const fromCustomer =
    users?.find((u) => u.id === ('author_id' in event ? event.author_id : ''))?.type === 'customer'
  const pending = isUnconfirmed(event)
  return (
    <li
      className={`event ${fromCustomer ? 'event--customer' : 'event--agent'}${internal ? ' event--internal' : ''}${pending ? ' event--pending' : ''}`}
    >
      <p className="event__meta">
        <span className="event__author">{author}</span> {time}
        {internal && <span className="badge">Internal note</span>}
        {pending && <span className="badge">Sending…</span>}
      </p>
      <EventBody event={event} />
    </li>
  )
}

function EventBody({ event }: { event: ChatEvent }) {
  if (event.deleted) return <p className="event__body muted">This message was deleted.</p>
  if (event.type === 'message') {
    return <p className="event__body">{'text' in event ? event.text : ''}</p>
  }
  if (event.type === 'file' && 'url' in event) {
    const name = event.name || 'Attached file'
    const href = safeHttpUrl(event.url)
    return (
      <p className="event__body">
        File:{' '}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {name}
          </a>
        ) : (
          <span>{name} (not a web link, so not opened)</span>
        )}
      </p>
    )
  }
  return <p className="event__body muted">This kind of event ({event.type}) is not shown here.</p>
}
