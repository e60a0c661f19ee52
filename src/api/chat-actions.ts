// What an agent does in a chat: send a message (send_event, optimistic, rolled back on failure)
// and close it (deactivate_chat). chats.conversation--access:rw / chats--access:rw.
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import type { ChatWithThread, MessageEvent } from './chat-types'
import { chatQueries } from './chats'

export interface OutgoingMessage {
  text: string
  /** The sender's agent id (email), so the optimistic message shows who wrote it. */
  authorId: string
  /**
   * Ours, sent as the event's `custom_id`: it names the optimistic copy until the server's
   * event replaces it.
   */
  customId: string
}

const LOCAL_PREFIX = 'local:'

/** A message shown before LiveChat has confirmed it. */
export function isUnconfirmed(event: { id: string }): boolean {
  return event.id.startsWith(LOCAL_PREFIX)
}

export function newCustomId(): string {
  return `ws-${crypto.randomUUID()}`
}

function withEvent(
  chat: ChatWithThread | undefined,
  event: MessageEvent,
): ChatWithThread | undefined {
  if (!chat?.thread) return chat
  return { ...chat, thread: { ...chat.thread, events: [...(chat.thread.events ?? []), event] } }
}

function withoutEvent(
  chat: ChatWithThread | undefined,
  eventId: string,
): ChatWithThread | undefined {
  if (!chat?.thread?.events) return chat
  return {
    ...chat,
    thread: { ...chat.thread, events: chat.thread.events.filter((e) => e.id !== eventId) },
  }
}

function refreshChat(client: QueryClient, api: ApiClient, chatId: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: chatQueries.details(api, chatId) }),
    client.invalidateQueries({ queryKey: chatQueries.lists(api) }),
  ])
}

export const chatActions = {
  sendMessage: (api: ApiClient, chatId: string) =>
    mutationOptions({
      mutationKey: [...chatQueries.all(api), 'send', chatId] as const,
      mutationFn: ({ text, customId }: OutgoingMessage) =>
        api.agent<{ event_id: string }>('send_event', {
          chat_id: chatId,
          event: { type: 'message', text, visibility: 'all', custom_id: customId },
        }),
      onMutate: async (message, { client }) => {
        const key = chatQueries.detail(api, chatId).queryKey
        // A refetch landing now would drop the optimistic message.
        await client.cancelQueries({ queryKey: key })
        const localId = `${LOCAL_PREFIX}${message.customId}`
        client.setQueryData(key, (chat) =>
          withEvent(chat, {
            id: localId,
            type: 'message',
            created_at: new Date().toISOString(),
            author_id: message.authorId,
            text: message.text,
            visibility: 'all',
            custom_id: message.customId,
          }),
        )
        return { localId }
      },
      onError: (_error, _message, result, { client }) => {
        if (!result) return
        client.setQueryData(chatQueries.detail(api, chatId).queryKey, (chat) =>
          withoutEvent(chat, result.localId),
        )
      },
      onSettled: (_data, _error, _message, _result, { client }) => refreshChat(client, api, chatId),
    }),
  close: (api: ApiClient, chatId: string) =>
    mutationOptions({
      mutationKey: [...chatQueries.all(api), 'close', chatId] as const,
      mutationFn: () => api.agent<object>('deactivate_chat', { id: chatId }),
      onSettled: (_data, _error, _vars, _result, { client }) => refreshChat(client, api, chatId),
    }),
  /**
   * "Take chat": LiveChat's documented way to pick up a queued or unassigned chat is to add
   * yourself to it (https://platform.text.com/docs/messaging/agent-chat-api#add-user-to-chat),
   * which also takes it out of the queue. The requester is not in the chat yet, hence
   * `ignore_requester_presence`. chats--access:rw.
   */
  take: (api: ApiClient, chatId: string) =>
    mutationOptions({
      mutationKey: [...chatQueries.all(api), 'take', chatId] as const,
      mutationFn: (agentId: string) =>
        api.agent<object>('add_user_to_chat', {
          chat_id: chatId,
          user_id: agentId,
          user_type: 'agent',
          visibility: 'all',
          ignore_requester_presence: true,
        }),
      onSettled: (_data, _error, _vars, _result, { client }) => refreshChat(client, api, chatId),
    }),
  /**
   * Hands the chat to another agent or group (transfer_chat; the chat must be active). The
   * agent chose the target, so it goes even to an agent not accepting chats right now, or to a
   * group where it waits in the queue (`ignore_agents_availability`).
   */
  transfer: (api: ApiClient, chatId: string) =>
    mutationOptions({
      mutationKey: [...chatQueries.all(api), 'transfer', chatId] as const,
      mutationFn: (target: TransferTarget) =>
        api.agent<object>('transfer_chat', {
          id: chatId,
          target: { type: target.type, ids: [target.id] },
          ignore_agents_availability: true,
        }),
      onSettled: (_data, _error, _vars, _result, { client }) => refreshChat(client, api, chatId),
    }),
  /** A supervisor watches the chat without joining it (follow_chat / unfollow_chat). */
  follow: (api: ApiClient, chatId: string) =>
    mutationOptions({
      mutationKey: [...chatQueries.all(api), 'follow', chatId] as const,
      mutationFn: (follow: boolean) =>
        api.agent<object>(follow ? 'follow_chat' : 'unfollow_chat', { id: chatId }),
      onSettled: (_data, _error, _vars, _result, { client }) => refreshChat(client, api, chatId),
    }),
}

export type TransferTarget = { type: 'agent'; id: string } | { type: 'group'; id: number }

/** Agents a chat can go to: online, in its groups, fewest active chats first (https://platform.text.com/docs/messaging/agent-chat-api#list-agents-for-transfer). */
export const transferQueries = {
  agents: (api: ApiClient, chatId: string) =>
    queryOptions({
      queryKey: [...chatQueries.all(api), 'agents-for-transfer', chatId] as const,
      queryFn: () =>
        api.agent<{ agent_id: string; total_active_chats?: number }[]>('list_agents_for_transfer', {
          chat_id: chatId,
        }),
      staleTime: 0,
    }),
}
