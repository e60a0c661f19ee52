// Which chats a caller may touch (docs/AGENT-API.md, "Access"): the reach of the granted chat scope decides. `all` covers every chat, `access` the
// chats whose groups overlap the agent's (or where the agent is a chat user), `my` only chats
// the agent is a user of. Anything else is 403 `missing_access`.
import type { Person } from '../seed/identity'
import type { ChatRecord, ThreadRecord } from '../seed/world-records'
import type { ApiRequest } from './api-request'
import { ApiFailure } from './errors'
import { holdsScope } from '../scope-rules'

export type Reach = 'all' | 'access' | 'my'

/** read: chat metadata and events; write: the chat itself (deactivate); conversation: send events. */
export type ChatNeed = 'read' | 'write' | 'conversation'

const REACHES: readonly Reach[] = ['all', 'access', 'my']

function scopesFor(need: ChatNeed, reach: Reach): string[] {
  if (need === 'read') return [`chats--${reach}:ro`]
  if (need === 'write') return [`chats--${reach}:rw`]
  return [`chats--${reach}:rw`, `chats.conversation--${reach}:rw`]
}

/** The widest reach the granted scopes give for this kind of use, or null. */
export function chatReach(scopes: readonly string[], need: ChatNeed): Reach | null {
  for (const reach of REACHES) {
    if (scopesFor(need, reach).some((scope) => holdsScope(scopes, scope))) return reach
  }
  return null
}

/** The reach, or 403 `authorization` naming the scopes the method documents. */
export function requireChatReach(request: ApiRequest, need: ChatNeed): Reach {
  const reach = chatReach(request.caller.scopes, need)
  if (reach) return reach
  const documented = [...scopesFor(need, 'all'), ...scopesFor(need, 'access')]
  throw new ApiFailure('authorization', `Missing scope: ${documented.join(' or ')}`, {
    required_scopes: documented,
  })
}

function isChatUser(chat: ChatRecord, person: Person): boolean {
  return chat.users.some((user) => user.type === 'agent' && user.id === person.email)
}

function groupsOverlap(
  groupIds: readonly number[],
  person: Person,
  groupZeroIsEveryone: boolean,
): boolean {
  return groupIds.some((id) => person.groupIds.includes(id) || (groupZeroIsEveryone && id === 0))
}

/** Whether a person with this reach sees the chat; `extraGroupIds` count as the chat's too. */
export function personCanAccessChat(
  person: Person,
  chat: ChatRecord,
  reach: Reach,
  groupZeroIsEveryone: boolean,
  extraGroupIds: readonly number[] = [],
): boolean {
  if (reach === 'all') return true
  if (isChatUser(chat, person)) return true
  if (reach === 'my') return false
  return groupsOverlap([...chat.access.group_ids, ...extraGroupIds], person, groupZeroIsEveryone)
}

export function canAccessChat(request: ApiRequest, chat: ChatRecord, reach: Reach): boolean {
  return personCanAccessChat(request.person, chat, reach, request.state.options.groupZeroIsEveryone)
}

/**
 * Groups a write puts a chat in (start_chat, resume_chat, transfer_chat): each must exist
 * (400 `validation`), and without `all` reach each must be one of the requester's (403
 * `missing_access`).
 */
export function requireReachableGroups(
  request: ApiRequest,
  groupIds: readonly number[],
  reach: Reach,
  field: string,
): void {
  for (const id of groupIds) {
    if (!request.world.groups.some((g) => g.id === id))
      throw new ApiFailure('validation', `\`${field}\`: no group ${id}`, { field })
    if (
      reach !== 'all' &&
      !groupsOverlap([id], request.person, request.state.options.groupZeroIsEveryone)
    )
      throw new ApiFailure('missing_access', `Requester has no access to group ${id}`)
  }
}

export function canAccessThread(request: ApiRequest, thread: ThreadRecord, reach: Reach): boolean {
  if (reach === 'all') return true
  if (thread.user_ids.includes(request.person.email)) return true
  if (reach === 'my') return false
  return groupsOverlap(
    thread.access.group_ids,
    request.person,
    request.state.options.groupZeroIsEveryone,
  )
}

/** The chat, or 404 `not_found` when unknown, or 403 `missing_access` when out of reach. */
export function findChat(request: ApiRequest, chatId: string, reach: Reach): ChatRecord {
  const chat = request.world.chats.find((c) => c.id === chatId)
  if (!chat) throw new ApiFailure('not_found', 'Chat not found')
  if (!canAccessChat(request, chat, reach)) {
    throw new ApiFailure('missing_access', 'Requester has no access to this chat')
  }
  return chat
}

export function visibleChats(request: ApiRequest, reach: Reach): ChatRecord[] {
  return request.world.chats.filter((chat) => canAccessChat(request, chat, reach))
}
