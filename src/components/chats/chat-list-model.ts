// How the chat list reads its chats (LiveChat's Agent App is the model): mine, the queued ones
// waiting for an agent, and other agents' chats I may see; newest activity first. Pure.
import type { ChatSummary, ChatUser } from '../../api/chat-types'

export type ChatSection = 'mine' | 'queued' | 'other'

export const SECTION_TITLES: Record<ChatSection, string> = {
  mine: 'My chats',
  queued: 'Queued chats',
  other: 'Other chats',
}

/** Agents who talk to the customer (a supervisor with `agents` visibility only listens). */
export function servingAgents(users: readonly ChatUser[] | undefined): ChatUser[] {
  return (users ?? []).filter(
    (user) => user.type === 'agent' && user.present && user.visibility !== 'agents',
  )
}

export function sectionOf(chat: ChatSummary, me: string | null): ChatSection {
  const thread = chat.last_thread_summary
  if (thread && !thread.active) {
    // Closed: still mine if I took part in it, until the list is refreshed.
    return me !== null && thread.user_ids?.includes(me) ? 'mine' : 'other'
  }
  const serving = servingAgents(chat.users)
  if (me !== null && serving.some((agent) => agent.id === me)) return 'mine'
  if (thread?.queue || serving.length === 0) return 'queued'
  return 'other'
}

/** When anything last happened in the chat: its newest event, or its thread's start. */
export function lastActivity(chat: ChatSummary): string {
  let latest = chat.last_thread_summary?.created_at ?? ''
  for (const { event } of Object.values(chat.last_event_per_type ?? {}))
    if (event.created_at > latest) latest = event.created_at
  return latest
}

export function groupChats(
  chats: readonly ChatSummary[],
  me: string | null,
): Record<ChatSection, ChatSummary[]> {
  const sorted = [...chats].sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)))
  const sections: Record<ChatSection, ChatSummary[]> = { mine: [], queued: [], other: [] }
  for (const chat of sorted) sections[sectionOf(chat, me)].push(chat)
  return sections
}
