// list_agents_for_transfer (RTM reference, "List Agents for Transfer"): agents of the chat's groups who are
// online (accepting or not accepting chats) and not already serving it, fewest active chats
// first. The field is `total_active_chats` as the note and the JS SDK say (U19); no scope is
// listed, but the chat must be one the caller can reach.
import type { ApiRequest } from '../api-request'
import { findChat, requireChatReach } from '../chat-access'
import { requiredString } from '../params'
import { latestThread } from '../views'

export function listAgentsForTransfer(request: ApiRequest): unknown {
  const chatId = requiredString(request.body, 'chat_id')
  const chat = findChat(request, chatId, requireChatReach(request, 'read'))
  const { world } = request
  const serving = new Set(
    chat.users.filter((u) => u.type === 'agent' && u.present).map((u) => u.id),
  )
  const activeChats = (agentId: string) =>
    world.chats.filter(
      (c) => latestThread(c)?.active && c.users.some((u) => u.id === agentId && u.present),
    ).length
  return world.agents
    .filter((agent) => !agent.suspended && !serving.has(agent.id))
    .filter((agent) => agent.groups.some((g) => chat.access.group_ids.includes(g.id)))
    .filter((agent) => (world.routingStatuses.get(agent.id) ?? 'offline') !== 'offline')
    .map((agent) => ({ agent_id: agent.id, total_active_chats: activeChats(agent.id) }))
    .sort(
      (a, b) => a.total_active_chats - b.total_active_chats || a.agent_id.localeCompare(b.agent_id),
    )
}
