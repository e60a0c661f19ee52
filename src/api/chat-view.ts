// Small readings of chat data that several pages share: who the customer is, the last message,
// a user's display name. Pure functions over the API shapes.
import type { ChatEvent, ChatSummary, ChatUser } from './chat-types'

export function customerOf(users: readonly ChatUser[] | undefined): ChatUser | undefined {
  return users?.find((user) => user.type === 'customer')
}

export function displayName(user: ChatUser | undefined): string {
  if (!user) return 'Unknown'
  return (
    user.name?.trim() || user.email || (user.type === 'customer' ? 'Anonymous customer' : user.id)
  )
}

export function authorName(
  users: readonly ChatUser[] | undefined,
  authorId: string | undefined,
): string {
  if (!authorId) return 'LiveChat'
  const user = users?.find((u) => u.id === authorId)
  return user ? displayName(user) : authorId
}

/** The newest message's text (or a file's name) for a chat list row. */
export function lastMessageText(chat: ChatSummary): string {
  const message = chat.last_event_per_type?.message?.event
  const file = chat.last_event_per_type?.file?.event
  const latest = [message, file]
    .filter((event): event is ChatEvent => event !== undefined)
    .sort((a, b) => b.created_at.localeCompare(a.created_at))[0]
  if (!latest) return ''
  if (latest.deleted) return 'Message deleted'
  if ('text' in latest && typeof latest.text === 'string') return latest.text
  if ('name' in latest && typeof latest.name === 'string') return `File: ${latest.name}`
  return ''
}

/** Only http(s) links are ever rendered as links: a `javascript:` URL in chat data stays text. */
export function safeHttpUrl(value: string | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}
