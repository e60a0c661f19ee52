// Everything attention runs in a signed-in tab, started once the workspace is up: its own chunk
// (vite.config.ts), loaded after the workspace's first paint rather than with it. Every push the
// socket applied goes through the controller; the tab claims the ringing when the agent brings
// it forward or uses it.
import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import type { ChatUser } from '../../../api/chat-types'
import { chatQueries } from '../../../api/chats'
import { findSummary, type ChatList } from '../../cache/chat-list-patches'
import { myAgentId } from '../../cache/push-to-cache'
import type { LiveValue } from '../../live-context'
import { readSettings } from '../attention-settings'
import { browserNotifier } from '../desktop-notifier'
import { createAttention } from './attention'
import { createChime } from './chime'
import { createTabCoordination, type TabView } from './tab-coordination'

export interface AttentionRun {
  report(view: TabView): void
  stop(): void
}

export function startAttention({
  subscribe,
  client,
  api,
  openChat,
}: {
  subscribe: LiveValue['subscribe']
  client: QueryClient
  /** The latest API client (its keys carry the organization and account). */
  api: () => ApiClient
  openChat: (chatId: string) => void
}): AttentionRun {
  const tabs = createTabCoordination({ scope: api().account.organizationId })
  const sound = createChime()
  const attention = createAttention({
    settings: readSettings,
    sound,
    desktop: browserNotifier(),
    tabs,
    openChat,
  })
  const usersOf = (chatId: string): readonly ChatUser[] | undefined => {
    const detail = client.getQueryData(chatQueries.detail(api(), chatId).queryKey)
    if (detail?.users) return detail.users
    for (const [, list] of client.getQueriesData<ChatList>({
      queryKey: chatQueries.lists(api()),
    })) {
      const users = findSummary(list, chatId)?.users
      if (users) return users
    }
    return undefined
  }
  const unsubscribe = subscribe((push) =>
    attention.onPush(push, { me: myAgentId({ client, api: api() }), usersOf }),
  )
  // The agent brought this tab forward or used it: this one rings from now on.
  const claim = () => {
    if (document.visibilityState === 'visible') tabs.claim()
  }
  const events = ['focus', 'pointerdown', 'keydown'] as const
  for (const type of events) window.addEventListener(type, claim, { capture: true })
  document.addEventListener('visibilitychange', claim)
  if (document.hasFocus()) claim()

  return {
    report: (view) => tabs.report(view),
    stop() {
      unsubscribe()
      for (const type of events) window.removeEventListener(type, claim, { capture: true })
      document.removeEventListener('visibilitychange', claim)
      tabs.close()
      sound.dispose()
    },
  }
}
