import { memo, useState, type KeyboardEvent, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { ChatSummary } from '../../api/chat-types'
import { customerOf, displayName, lastMessageText } from '../../api/chat-view'
import { groupName, type Group } from '../../api/groups'
import { paths } from '../../config/paths'
import type { UnreadByChat } from '../../live/cache/unread'
import { statusOf } from '../chat-table'
import { formatTime } from '../format'
import { groupChats, lastActivity, SECTION_TITLES } from './chat-list-model'

/** Arrow keys, Home and End move through the chat links; Tab leaves the list in one step. */
function moveFocus(event: KeyboardEvent<HTMLAnchorElement>) {
  const links = [
    ...(event.currentTarget.closest('nav')?.querySelectorAll<HTMLElement>('[data-chat-id]') ?? []),
  ]
  const at = links.indexOf(event.currentTarget)
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[event.key]
  if (to === undefined) return
  event.preventDefault()
  links[Math.max(0, Math.min(links.length - 1, to))]?.focus()
}

interface ItemProps {
  chat: ChatSummary
  groups: Group[] | undefined
  unread: number
  selected: boolean
  tabStop: boolean
  onFocus: (chatId: string) => void
}

/** One chat: who, how many unread, the last message, its group, state and time. */
const ChatItem = memo(function ChatItem({
  chat,
  groups,
  unread,
  selected,
  tabStop,
  onFocus,
}: ItemProps) {
  const at = lastActivity(chat)
  return (
    <li>
      <Link
        to={paths.chat(chat.id)}
        className="chat-item"
        aria-current={selected ? 'page' : undefined}
        tabIndex={tabStop ? 0 : -1}
        data-chat-id={chat.id}
        onFocus={() => onFocus(chat.id)}
        onKeyDown={moveFocus}
      >
        <strong>
          {displayName(customerOf(chat.users))}
          {unread > 0 && (
            <span className="badge">
              {unread}
              <span className="visually-hidden"> unread</span>
            </span>
          )}
        </strong>
        <span>{lastMessageText(chat) || 'No messages yet'}</span>
        <span className="muted">
          {(chat.access?.group_ids ?? []).map((id) => groupName(groups, id)).join(', ')} ·{' '}
          {statusOf(chat)} · <time dateTime={at}>{formatTime(at)}</time>
        </span>
      </Link>
    </li>
  )
})

/** The chat list in sections: mine, queued, others I may see; newest activity first. */
export function ChatListPane({
  chats,
  groups,
  me,
  unread,
  selectedId,
  footer,
}: {
  chats: readonly ChatSummary[]
  groups: Group[] | undefined
  me: string | null
  unread: UnreadByChat
  selectedId: string | undefined
  footer: ReactNode
}) {
  const sections = groupChats(chats, me)
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const all = Object.values(sections).flat()
  // One tab stop: the chat last focused, else the open one, else the first.
  const tabStop =
    [focusedId, selectedId].find((id) => all.some((chat) => chat.id === id)) ?? all[0]?.id
  return (
    <nav aria-label="Chats">
      {Object.entries(sections).map(
        ([section, items]) =>
          items.length > 0 && (
            <section key={section} aria-labelledby={`chats-${section}`}>
              <h2 id={`chats-${section}`}>
                {SECTION_TITLES[section as keyof typeof SECTION_TITLES]} ({items.length})
              </h2>
              <ul>
                {items.map((chat) => (
                  <ChatItem
                    key={chat.id}
                    chat={chat}
                    groups={groups}
                    unread={unread[chat.id]?.events.length ?? 0}
                    selected={chat.id === selectedId}
                    tabStop={chat.id === tabStop}
                    onFocus={setFocusedId}
                  />
                ))}
              </ul>
            </section>
          ),
      )}
      {footer}
    </nav>
  )
}
