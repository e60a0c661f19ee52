// The attention controller inside the signed-in workspace: its sound, notifier and tab
// coordination live as long as the workspace; every push the socket applied goes through it, and
// this tab's view (the chat on screen, visible or not) goes to the other tabs.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { ChatUser } from '../../api/chat-types'
import { chatQueries } from '../../api/chats'
import { useApiClient } from '../../api/use-api-client'
import { findSummary, type ChatList } from '../cache/chat-list-patches'
import { myAgentId } from '../cache/push-to-cache'
import { usePageVisible } from '../use-live-cache'
import { useLive } from '../use-live'
import { createAttention } from './attention'
import { readSettings } from './attention-settings'
import { createChime } from './chime'
import { browserNotifier } from './desktop-notifier'
import { createTabCoordination } from './tab-coordination'

export function useAttention({
  chatOnScreen,
  openChat,
}: {
  /** The chat this tab shows (/chats/:chatId), if any. */
  chatOnScreen: string | null
  openChat: (chatId: string) => void
}): void {
  const { subscribe } = useLive()
  const client = useQueryClient()
  const api = useApiClient()
  const visible = usePageVisible()
  const latest = useRef({ api, openChat, view: { chatId: chatOnScreen, visible } })
  useLayoutEffect(() => {
    latest.current = { api, openChat, view: { chatId: chatOnScreen, visible } }
  })
  const tabsRef = useRef<ReturnType<typeof createTabCoordination> | null>(null)

  useEffect(() => {
    const tabs = createTabCoordination()
    const sound = createChime()
    tabsRef.current = tabs
    tabs.report(latest.current.view)
    const attention = createAttention({
      settings: readSettings,
      sound,
      desktop: browserNotifier(),
      tabs,
      openChat: (chatId) => latest.current.openChat(chatId),
    })
    const usersOf = (chatId: string): readonly ChatUser[] | undefined => {
      const { api } = latest.current
      const detail = client.getQueryData(chatQueries.detail(api, chatId).queryKey)
      if (detail?.users) return detail.users
      for (const [, list] of client.getQueriesData<ChatList>({ queryKey: chatQueries.lists(api) }))
        if (findSummary(list, chatId)?.users) return findSummary(list, chatId)?.users
      return undefined
    }
    const unsubscribe = subscribe((push) =>
      attention.onPush(push, { me: myAgentId({ client, api: latest.current.api }), usersOf }),
    )
    // The agent brought this tab forward or used it: this one rings from now on.
    const claim = () => {
      if (document.visibilityState === 'visible') tabs.claim()
    }
    const events = ['focus', 'pointerdown', 'keydown'] as const
    for (const type of events) window.addEventListener(type, claim, { capture: true })
    document.addEventListener('visibilitychange', claim)
    if (document.hasFocus()) claim()
    return () => {
      unsubscribe()
      for (const type of events) window.removeEventListener(type, claim, { capture: true })
      document.removeEventListener('visibilitychange', claim)
      tabs.close()
      sound.dispose()
      tabsRef.current = null
    }
  }, [subscribe, client])

  useEffect(() => {
    tabsRef.current?.report({ chatId: chatOnScreen, visible })
  }, [chatOnScreen, visible])
}
