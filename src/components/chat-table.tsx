import { Link } from 'react-router-dom'
import type { ChatSummary } from '../api/chat-types'
import { customerOf, displayName, lastMessageText } from '../api/chat-view'
import { groupName, type Group } from '../api/groups'
import { paths } from '../config/paths'
import { formatDateTime } from './format'
import { DataTable } from './data-table'

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
    <DataTable
      caption={caption}
      columns={['Customer', 'Last message', 'Group', 'Status', 'Started']}
    >
      {chats.map((chat) => (
        <tr key={chat.id}>
          <th scope="row">
            <Link to={paths.chat(chat.id)}>{displayName(customerOf(chat.users))}</Link>
          </th>
          <td className="cell--text">{lastMessageText(chat)}</td>
          <td>{(chat.access?.group_ids ?? []).map((id) => groupName(groups, id)).join(', ')}</td>
          <td>{statusOf(chat)}</td>
          <td>{formatDateTime(chat.last_thread_summary?.created_at)}</td>
        </tr>
      ))}
    </DataTable>
  )
}
