import { useMutation, useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { agentQueries } from '../../api/agents'
import { chatActions, transferQueries, type TransferTarget } from '../../api/chat-actions'
import type { ChatWithThread } from '../../api/chat-types'
import { groupQueries } from '../../api/groups'
import { useApiClient } from '../../api/use-api-client'
import { ActionError } from '../action-error'
import { CloseChat } from '../close-chat'
import { lackingScope } from '../scope-text'
import { useHasScopes } from 'livechat-browser-auth/react'
import { servingAgents } from './chat-list-model'

const WORK_ON_CHATS = 'chats--access:rw'

interface Props {
  chat: ChatWithThread
  me: string | null
  /** I am a present agent in the chat. */
  amPresent: boolean
  /** After a transfer the controls that had focus are gone: focus lands here. */
  onTransferred: () => void
}

/**
 * What I can do with the chat: take it when it waits for an agent, transfer it when it is mine,
 * follow it (a supervisor watching without taking part), close it. Each is guarded by the scope
 * it needs and says so when it is not granted.
 */
export function ConversationActions({ chat, me, amPresent, onTransferred }: Props) {
  const api = useApiClient()
  const hasScopes = useHasScopes()
  // Its push (user_added_to_chat) puts me in the chat, and the composer opens.
  const take = useMutation(chatActions.take(api, chat.id))
  const follow = useMutation(chatActions.follow(api, chat.id))
  const [transferring, setTransferring] = useState(false)
  const thread = chat.thread
  const active = thread?.active === true
  const waiting =
    active && !amPresent && (thread?.queue !== undefined || servingAgents(chat.users).length === 0)
  const blocked = hasScopes([WORK_ON_CHATS])
    ? null
    : lackingScope(WORK_ON_CHATS, 'Taking, transferring and closing chats')

  return (
    <div className="actions">
      {waiting && (
        <button
          type="button"
          className="button button--primary"
          disabled={blocked !== null || me === null || take.isPending}
          onClick={() => me && take.mutate(me)}
        >
          Take chat
        </button>
      )}
      {active && amPresent && (
        <button
          type="button"
          className="button"
          aria-expanded={transferring}
          disabled={blocked !== null}
          onClick={() => setTransferring(!transferring)}
        >
          Transfer
        </button>
      )}
      {!amPresent && (
        <button
          type="button"
          className="button"
          disabled={follow.isPending}
          onClick={() => follow.mutate(!chat.is_followed)}
        >
          {chat.is_followed ? 'Unfollow' : 'Follow'}
        </button>
      )}
      {active && (
        <CloseChat
          chatId={chat.id}
          disabledReason={
            blocked ?? (amPresent ? null : 'Only agents taking part in this chat can close it.')
          }
        />
      )}
      {!amPresent && active && !chat.is_followed && (
        <p className="muted">
          You are not in this chat: follow it (or take it) to see new messages as they come.
        </p>
      )}
      {blocked && (waiting || amPresent) && <p className="muted">{blocked}</p>}
      {take.isError && <ActionError what="The chat was not taken." error={take.error} />}
      {follow.isError && <ActionError what="That did not work." error={follow.error} />}
      {transferring && (
        <TransferForm
          chatId={chat.id}
          onDone={(moved) => {
            setTransferring(false)
            if (moved) onTransferred()
          }}
        />
      )}
    </div>
  )
}

const parseTarget = (value: string): TransferTarget | null =>
  value.startsWith('agent:')
    ? { type: 'agent', id: value.slice(6) }
    : /^group:\d+$/.test(value)
      ? { type: 'group', id: Number(value.slice(6)) }
      : null

/**
 * Hands the chat to another agent (those LiveChat says are online in its groups, fewest chats
 * first: list_agents_for_transfer) or to a group, where it waits in the queue (transfer_chat).
 */
function TransferForm({ chatId, onDone }: { chatId: string; onDone: (moved: boolean) => void }) {
  const api = useApiClient()
  const hasScopes = useHasScopes()
  const candidates = useQuery(transferQueries.agents(api, chatId))
  // Names for the agents LiveChat offers (it gives their ids, the login emails).
  const agents = useQuery({ ...agentQueries.list(api), enabled: hasScopes(['agents--all:ro']) })
  const groups = useQuery({ ...groupQueries.list(api), enabled: hasScopes(['groups--all:ro']) })
  const transfer = useMutation(chatActions.transfer(api, chatId))
  const [choice, setChoice] = useState('')
  const selectId = useId()
  const target = parseTarget(choice)

  return (
    <form
      className="field"
      aria-label="Transfer the chat"
      onSubmit={(event) => {
        event.preventDefault()
        if (target) transfer.mutate(target, { onSuccess: () => onDone(true) })
      }}
    >
      <label htmlFor={selectId}>Transfer to</label>
      <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
        <option value="">Choose an agent or a group</option>
        {candidates.data?.map(({ agent_id }) => (
          <option key={agent_id} value={`agent:${agent_id}`}>
            {agents.data?.find((agent) => agent.id === agent_id)?.name ?? agent_id}
          </option>
        ))}
        {groups.data?.map((group) => (
          <option key={group.id} value={`group:${group.id}`}>
            Group: {group.name}
          </option>
        ))}
      </select>
      {transfer.isError && (
        <ActionError what="The chat was not transferred." error={transfer.error} />
      )}
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!target || transfer.isPending}
        >
          Move chat
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
