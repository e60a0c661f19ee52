// transfer_chat (RTM reference, "Transfer Chat"; docs/RTM.md): an active chat, the
// requester present unless `ignore_requester_presence`. To an agent: they become its one
// serving agent. To a group (or, with no target, the current group): the chat moves there and
// waits in the queue for an agent (the sandbox has no router that assigns it [assumed]). The
// pushes are key changes, also sent to who the chat leaves (docs/AGENT-API.md).
import { pushChatChange } from '../../conversation/chat-pushes'
import { queue } from '../../conversation/chat-ops'
import type { ChatRecord, ThreadRecord } from '../../seed/world-records'
import { requesterOf, type ApiRequest } from '../api-request'
import { findChat, requireChatReach, requireReachableGroups } from '../chat-access'
import { ApiFailure } from '../errors'
import { invalid, onlyKeys, optionalBoolean, optionalObject, requiredString } from '../params'
import { activeThread, requirePresenceUnlessIgnored } from './chat-rules'
import { removeChatUser, seatUser } from './chat-users'

interface Target {
  type: 'agent' | 'group'
  id: string | number
}

function parseTarget(body: Record<string, unknown>): Target | undefined {
  const target = optionalObject(body, 'target')
  if (target === undefined) return undefined
  onlyKeys(target, ['type', 'ids'], 'target')
  const type = target.type
  if (type !== 'agent' && type !== 'group')
    invalid('`target.type` must be agent or group', 'target.type')
  const ids = target.ids
  if (!Array.isArray(ids) || ids.length !== 1)
    invalid('`target.ids` must hold exactly one id', 'target.ids')
  const [id] = ids
  if (type === 'agent' && typeof id !== 'string')
    invalid('`target.ids` must be agent ids', 'target.ids')
  if (type === 'group' && !(typeof id === 'number' && Number.isInteger(id)))
    invalid('`target.ids` must be group ids', 'target.ids')
  return { type, id: id as string | number }
}

export function transferChat(request: ApiRequest): unknown {
  const reach = requireChatReach(request, 'write')
  const chatId = requiredString(request.body, 'id')
  const target = parseTarget(request.body)
  const ignoreAvailability = optionalBoolean(request.body, 'ignore_agents_availability') ?? false
  const chat = findChat(request, chatId, reach)
  const thread = activeThread(chat)
  requirePresenceUnlessIgnored(request, chat)
  const { world } = request

  const accepting = (id: string) => world.routingStatuses.get(id) === 'accepting_chats'
  if (target?.type === 'agent') {
    const agentId = target.id as string
    if (!world.agents.some((a) => a.id === agentId))
      throw new ApiFailure('not_found', 'Agent not found')
    if (!ignoreAvailability && !accepting(agentId))
      throw new ApiFailure('agent_offline', `${agentId} is not accepting chats`)
    const removed = dropServingAgents(request, chat, agentId)
    seatUser(request, chat, thread, agentId, 'agent', 'all')
    announceTransfer(request, chat, thread, { agent_ids: [agentId] }, [], removed)
    return {}
  }

  const groupId = target ? (target.id as number) : (chat.access.group_ids[0] ?? 0)
  if (target) requireReachableGroups(request, [groupId], 'all', 'target.ids')
  if (!ignoreAvailability) {
    const anyone = world.agents.some(
      (a) => a.groups.some((g) => g.id === groupId) && accepting(a.id),
    )
    if (!anyone)
      throw new ApiFailure('agent_offline', `Nobody in group ${groupId} is accepting chats`)
  }
  const previousGroups = [...chat.access.group_ids]
  const removed = dropServingAgents(request, chat, null)
  if (previousGroups.length !== 1 || previousGroups[0] !== groupId) {
    chat.access = { group_ids: [groupId] }
    thread.access = { group_ids: [groupId] }
    pushChatChange(
      request,
      chat,
      'chat_access_updated',
      'key',
      { id: chat.id, access: { group_ids: [groupId] } },
      { requester: requesterOf(request), alsoGroups: previousGroups, alsoAgents: removed },
    )
  }
  queue(request, thread, [groupId])
  announceTransfer(request, chat, thread, { group_ids: [groupId] }, previousGroups, removed)
  return {}
}

/** Removes the agents serving the chat (supervisors stay), except `keep`. Returns their ids. */
function dropServingAgents(request: ApiRequest, chat: ChatRecord, keep: string | null): string[] {
  const serving = chat.users.filter(
    (u) => u.type === 'agent' && u.present && u.visibility !== 'agents' && u.id !== keep,
  )
  for (const user of serving) removeChatUser(request, chat, user.id, 'agent')
  return serving.map((u) => u.id)
}

function announceTransfer(
  request: ApiRequest,
  chat: ChatRecord,
  thread: ThreadRecord,
  transferredTo: { agent_ids?: string[]; group_ids?: number[] },
  alsoGroups: number[] = [],
  alsoAgents: string[] = [],
): void {
  pushChatChange(
    request,
    chat,
    'chat_transferred',
    'key',
    {
      chat_id: chat.id,
      thread_id: thread.id,
      requester_id: request.person.email,
      reason: 'manual',
      transferred_to: transferredTo,
      ...(thread.queue ? { queue: { ...thread.queue } } : {}),
    },
    { requester: requesterOf(request), alsoGroups, alsoAgents },
  )
}
