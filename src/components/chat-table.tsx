import { Link } from 'react-router-dom'
import type { ChatSummary } from '../api/chat-types'
import { customerOf, displayName, lastMessageText } from '../api/chat-view'
import { groupName, type Group } from '../api/groups'
import { paths } from '../config/paths'
import { formatDateTime } from './format'

/** "Active", "Queued (#2)", "Closed": a chat summary's state in a word or two. */
export function statusOf(chat: ChatSummary): string {
  const thread = chat.last_thread_summary
  if (!thread) return 'No conversation yet'
  if (!thread.active) return 'Closed'
  return thread.queue ? `Queued (#${thread.queue.position})` : 'Active'
}

/** Chats as a table: who, the last message (as text), group, status and when it started. */
export function ChatTable({
  chats,
  groups,
  caption,
}: {
  chats: ChatSummary[]
  groups?: Group[]
  caption: string
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Customer</th>
            <th scope="col">Last message</th>
            <th scope="col">Group</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {chats.map((chat) => (
            <tr key={chat.id}>
              <th scope="row">
                <Link to={paths.chat(chat.id)}>{displayName(customerOf(chat.users))}</Link>
              </th>
              <td className="cell--text">{lastMessageText(chat)}</td>
              <td>
                {(chat.access?.group_ids ?? []).map((id) => groupName(groups, id)).join(', ')}
              </td>
              <td>{statusOf(chat)}</td>
              <td>{formatDateTime(chat.last_thread_summary?.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
