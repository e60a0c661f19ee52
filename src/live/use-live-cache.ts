// Reading what the socket wrote (pages read only the cache), and the one write a page makes on
// the socket: "I have seen this thread" (docs/livechat/rtm.md#seen-and-unread).
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { accountQueries } from '../api/accounts'
import type { ChatWithThread } from '../api/chat-types'
import { chatQueries } from '../api/chats'
import { useApiClient } from '../api/use-api-client'
import { useHasScopes } from 'livechat-browser-auth/react'
import { liveQueries } from './cache/live-queries'
import { patchUser } from './cache/thread-patches'
import { markSeen, totalUnread, type UnreadByChat } from './cache/unread'
import type { MyProfile } from './socket/rtm-types'
import { isLive, useLive } from './use-live'

export function useMyProfile(): MyProfile | undefined {
  return useQuery(liveQueries.myProfile(useApiClient())).data
}

/**
 * My agent id (the login email): from the socket's login, or before it from the accounts
 * record; null when neither is known yet.
 */
export function useMyAgentId(): string | null {
  const api = useApiClient()
  const profile = useMyProfile()
  const canReadAccount = useHasScopes()(['accounts--my:ro'])
  const me = useQuery({ ...accountQueries.me(api), enabled: canReadAccount && !profile })
  return profile?.id ?? me.data?.email ?? null
}

export function useUnread(): UnreadByChat {
  return useQuery(liveQueries.unread(useApiClient())).data ?? {}
}

export function useUnreadTotal(): number {
  return totalUnread(useUnread())
}

/** Whether the tab is on screen (`document.visibilityState`), kept current. */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible')
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === 'visible')
    document.addEventListener('visibilitychange', update)
    return () => document.removeEventListener('visibilitychange', update)
  }, [])
  return visible
}

/**
 * While this thread is on screen (and the tab visible), tells LiveChat it has been seen up to its
 * newest event (`mark_events_as_seen`, docs/livechat/rtm.md#seen-and-unread), and clears its unread
 * count here at once.
 */
export function useMarkSeen(chat: ChatWithThread | undefined, me: string | null): void {
  const live = useLive()
  const api = useApiClient()
  const client = useQueryClient()
  const visible = usePageVisible()
  const chatId = chat?.id
  let newest = ''
  for (const event of chat?.thread?.events ?? [])
    if (event.created_at > newest) newest = event.created_at
  const seen = chat?.users?.find((user) => user.id === me)?.events_seen_up_to ?? ''
  const unseen = isLive(live.status) && visible && chatId && me && newest > seen

  useEffect(() => {
    if (!unseen || !chatId || !me) return
    client.setQueryData(liveQueries.unread(api).queryKey, (byChat) => ({
      ...byChat,
      [chatId]: markSeen(byChat?.[chatId], newest),
    }))
    client.setQueriesData<ChatWithThread>({ queryKey: chatQueries.details(api, chatId) }, (data) =>
      data ? patchUser(data, me, { events_seen_up_to: newest }) : data,
    )
    live.request('mark_events_as_seen', { chat_id: chatId, seen_up_to: newest }).catch(() => {
      // Not marked: the next visit, or the next event, tries again; nothing the agent must do.
    })
  }, [unseen, chatId, me, newest, api, client, live])
}
