// Who receives a push (docs/RTM.md, U15). Documented: login scopes decide the push
// families (`chats--access:ro` chat pushes for one's groups, `agents--all:ro` agent updates);
// members get everything for their chat, followers too, agents with group access only the key
// changes; `visibility: agents` never reaches customers (the sandbox has no customer sockets,
// and its simulated customers ignore such events). Inferred, as the spec's defaults: key
// changes go to every agent whose reach covers the chat, `chats--all:ro` covering every group;
// `routing_status_set` to `agents--all:ro` holders and the agent concerned.
import type { Caller } from '../credentials/caller'
import type { DomainPush } from '../events/sandbox-events'
import { chatReach, personCanAccessChat } from '../api/chat-access'
import { holdsScope } from '../scope-rules'
import type { SandboxState } from '../state'

export function receives(state: SandboxState, caller: Caller, push: DomainPush): boolean {
  // A socket hears of its own organization only, whoever the agent is elsewhere.
  if (push.organizationId !== caller.organizationId) return false
  const me = caller.person.email
  if (push.kind === 'routing') {
    return (
      holdsScope(caller.scopes, 'agents--all:ro') ||
      (push.agentId === me && holdsScope(caller.scopes, 'agents--my:ro'))
    )
  }
  const reach = chatReach(caller.scopes, 'read')
  if (reach === null) return false
  if (push.kind === 'agent') return push.agentIds.includes(me)

  if (push.exceptRequester && push.requester?.agentId === me) return false
  const chat = state.worldOf(push.organizationId).chats.find((c) => c.id === push.chatId)
  if (!chat) return false
  const concerned =
    chat.users.some((u) => u.type === 'agent' && u.id === me) ||
    chat.followers.includes(me) ||
    (push.alsoAgents ?? []).includes(me)
  if (concerned) return true
  const groupWide = push.family === 'key' || state.options.rtmBroadcastAllChatPushesToGroup
  return (
    groupWide &&
    personCanAccessChat(
      caller.person,
      chat,
      reach,
      state.options.groupZeroIsEveryone,
      push.alsoGroups,
    )
  )
}
