// What deserves the agent's attention, per push (docs/livechat/rtm.md#pushes; issue 24): a chat
// waiting in the queue, a chat transferred or assigned to me, a customer writing in one of my
// chats. Never my own doing (`requester_id`, my messages), never an internal note (visibility
// "agents"), never a chat the agent is looking at in a visible tab. Pure: the caller says who I am
// and what is on screen, and dedupes by `key` (one event rings once, whatever the resync does).
import { customerOf, displayName } from '../../../api/chat-view'
import type { ChatEvent, ChatUser } from '../../../api/chat-types'
import type { RtmPushFrame } from '../../socket/rtm-frames'
import type { PushPayloads } from '../../socket/rtm-types'
import { countsForMe } from '../../cache/unread'

export interface Alert {
  /** One per event: the same event seen twice (a resync, a second push for it) has one key. */
  key: string
  chatId: string
  title: string
  body: string
}

export interface AttentionView {
  /** My agent id (the login email); null before the socket's login. */
  me: string | null
  /** The chat is on screen in a visible tab (this one or another). */
  isWatched(chatId: string): boolean
  /** The chat's users as the cache knows them (the push already applied), if it knows the chat. */
  usersOf(chatId: string): readonly ChatUser[] | undefined
}

/** Messages and files a person wrote; system messages, forms and the like do not ring. */
const WRITTEN = new Set(['message', 'file'])

/** The notification's body: the system shortens a long one itself. */
function preview(event: ChatEvent): string {
  if (event.type === 'file') return 'Sent a file'
  return 'text' in event && typeof event.text === 'string' ? event.text : ''
}

function presentAgents(users: readonly ChatUser[] | undefined): string[] {
  return (users ?? []).filter((u) => u.type === 'agent' && u.present).map((u) => u.id)
}

const queued = (customer: string) => `${customer} is waiting in the queue`
const yours = (customer: string) => `Chat with ${customer} transferred to you`

function incomingChat(payload: PushPayloads['incoming_chat'], me: string): Alert | null {
  const { chat } = payload
  const thread = chat.thread
  if (payload.requester_id === me || !thread?.active) return null
  const agents = presentAgents(chat.users)
  const customer = displayName(customerOf(chat.users))
  const first = thread.events?.find((e) => e.type === 'message')
  const body = first ? preview(first) : ''
  if (thread.queue || agents.length === 0)
    return {
      key: `chat:${chat.id}:${thread.id}`,
      chatId: chat.id,
      title: queued(customer),
      body,
    }
  // Routed or transferred to me.
  if (!agents.includes(me)) return null
  return {
    key: `chat:${chat.id}:${thread.id}:${me}`,
    chatId: chat.id,
    title: yours(customer),
    body,
  }
}

function chatTransferred(
  payload: PushPayloads['chat_transferred'] & { requester_id?: string },
  view: AttentionView,
  me: string,
): Alert | null {
  if (payload.requester_id === me || !payload.thread_id) return null
  const customer = displayName(customerOf(view.usersOf(payload.chat_id)))
  if (payload.transferred_to?.agent_ids?.includes(me))
    return {
      // The same key as the incoming_chat a transfer to me may also bring: it rings once.
      key: `chat:${payload.chat_id}:${payload.thread_id}:${me}`,
      chatId: payload.chat_id,
      title: yours(customer),
      body: '',
    }
  if (payload.queue && payload.transferred_to?.group_ids?.length)
    return {
      key: `chat:${payload.chat_id}:${payload.thread_id}:queued:${payload.queue.queued_at}`,
      chatId: payload.chat_id,
      title: queued(customer),
      body: '',
    }
  return null
}

function incomingEvent(
  { chat_id, event }: PushPayloads['incoming_event'],
  view: AttentionView,
  me: string,
): Alert | null {
  const author = 'author_id' in event ? event.author_id : undefined
  if (!WRITTEN.has(event.type) || !author || author === me || event.deleted) return null
  if (event.visibility === 'agents') return null
  const users = view.usersOf(chat_id)
  // Someone else's chat, or one this tab knows nothing of: not mine to answer.
  if (!users || !countsForMe({ users: [...users] }, me)) return null
  // The customer writing; another agent (a supervisor, a second agent) is no call to answer.
  const writer = users.find((u) => u.id === author)
  if (writer?.type !== 'customer') return null
  return {
    key: `event:${chat_id}:${event.id}`,
    chatId: chat_id,
    title: `${displayName(writer)} wrote`,
    body: preview(event),
  }
}

/** The alert a push deserves, or null. */
export function alertFor(push: RtmPushFrame, view: AttentionView): Alert | null {
  const me = view.me
  const payload = push.payload as Record<string, unknown> | null
  if (!me || typeof payload !== 'object' || payload === null) return null
  let alert: Alert | null = null
  try {
    if (push.action === 'incoming_chat')
      alert = incomingChat(payload as unknown as PushPayloads['incoming_chat'], me)
    else if (push.action === 'chat_transferred')
      alert = chatTransferred(payload as unknown as PushPayloads['chat_transferred'], view, me)
    else if (push.action === 'incoming_event')
      alert = incomingEvent(payload as unknown as PushPayloads['incoming_event'], view, me)
  } catch {
    // A payload without LiveChat's shape rings nothing; the cache refetches it anyway.
    return null
  }
  return alert && !view.isWatched(alert.chatId) ? alert : null
}
