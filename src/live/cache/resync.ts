// After every (re)login: LiveChat replays no push (docs/livechat/rtm.md#resync-after-login), so
// whatever the cache fetched before this login may be behind. Those chat lists, threads, customers
// and routing statuses are refetched where they are on screen (and on their next use elsewhere). A
// fetch still on its way at login is left to finish rather than sent twice: its answer is at most a
// round trip older than the login, which the next push for that chat corrects.
import type { Query, QueryClient } from '@tanstack/react-query'
import type { ApiClient } from 'livechat-browser-auth'
import type { ChatWithThread } from '../../api/chat-types'
import { accountKey } from '../../api/query-keys'
import type { LoginResponse } from '../socket/rtm-types'
import type { ChatList } from './chat-list-patches'
import { liveQueries } from './live-queries'
import { countsForMe, unreadFromSummary, unreadFromThread, type Unread } from './unread'

interface Context {
  client: QueryClient
  api: ApiClient
}

// Query keys: accountKey (4 parts) · resource · kind · params | chat id · thread.
const SOCKET_FED = new Set(['chats', 'customers', 'routing-statuses'])

export function resyncAfterLogin(ctx: Context, login: LoginResponse, loggedInAt: number): void {
  ctx.client.setQueryData(liveQueries.myProfile(ctx.api).queryKey, login.my_profile)
  void ctx.client.invalidateQueries(
    {
      queryKey: accountKey(ctx.api),
      predicate: (query) =>
        SOCKET_FED.has(query.queryKey[4] as string) &&
        query.state.dataUpdatedAt > 0 &&
        query.state.dataUpdatedAt < loggedInAt,
    },
    { cancelRefetch: false },
  )
  seedUnread(ctx)
}

/** Unread counts from everything cached (list rows' latest events, open threads), or one query. */
export function seedUnread(ctx: Context, only?: Query): void {
  const me = ctx.client.getQueryData(liveQueries.myProfile(ctx.api).queryKey)?.id
  if (!me) return
  const queries = only
    ? [only]
    : ctx.client.getQueryCache().findAll({ queryKey: [...accountKey(ctx.api), 'chats'] })
  const key = liveQueries.unread(ctx.api).queryKey
  const next: Record<string, Unread> = { ...ctx.client.getQueryData(key) }
  let changed = false
  for (const query of queries) {
    const [, , , , resource, kind, chatId] = query.queryKey as unknown[]
    const data = query.state.data
    if (resource !== 'chats' || !data) continue
    if (kind === 'list') {
      for (const page of (data as ChatList).pages)
        for (const summary of page.chats_summary) {
          // Closed chats and other agents' chats add nothing to my unread count.
          if (summary.last_thread_summary?.active === false || !countsForMe(summary, me)) continue
          next[summary.id] = unreadFromSummary(next[summary.id], summary, me)
          changed = true
        }
    } else if (kind === 'detail' && typeof chatId === 'string') {
      const chat = data as ChatWithThread
      if (!chat.thread?.active || !countsForMe(chat, me)) continue
      next[chatId] = unreadFromThread(next[chatId], chat, me)
      changed = true
    }
  }
  if (changed) ctx.client.setQueryData(key, next)
}
