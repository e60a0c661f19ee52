import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { chatQueries, type ChatListParams } from '../api/chats'
import { groupQueries } from '../api/groups'
import { useApiClient } from '../api/use-api-client'
import { ChatTable } from '../components/chat-table'
import { QueryState } from '../components/query-state'
import { LoadMore } from '../components/load-more'
import { Page } from '../components/page'
import { CHATS_REFRESH_MS, whileVisible } from '../components/while-visible'
import { useHasScopes } from 'livechat-browser-auth/react'

const EVERY_CHAT: ChatListParams = { active: null, limit: 10 }

/** What the page reads with: its route's guard (app/workspace-routes.tsx) requires the same. */
export const supervisorPageScopes = ['chats--all:ro'] as const

/** Every chat of the license, open and closed, in every group. */
export function SupervisorPage() {
  const api = useApiClient()
  const hasScopes = useHasScopes()
  const chats = useInfiniteQuery({
    ...chatQueries.list(api, EVERY_CHAT),
    refetchInterval: whileVisible(CHATS_REFRESH_MS),
  })
  const groups = useQuery({ ...groupQueries.list(api), enabled: hasScopes(['groups--all:ro']) })
  const rows = chats.data?.pages.flatMap((page) => page.chats_summary) ?? []
  const found = chats.data?.pages[0]?.found_chats

  return (
    <Page title="All chats" lead="Supervisor view: every chat of the license, in every group.">
      <QueryState
        query={chats}
        what="all chats"
        loading="Loading all chats"
        scopes={supervisorPageScopes}
        isEmpty={() => rows.length === 0}
        empty={<p className="empty">This license has no chats yet.</p>}
      >
        {() => (
          <>
            {found !== undefined && (
              <p className="muted">
                Showing {rows.length} of about {found} chats.
              </p>
            )}
            <ChatTable chats={rows} groups={groups.data} caption="All chats of the license" />
            <LoadMore query={chats} noun="chats" endText="That is every chat of the license." />
          </>
        )}
      </QueryState>
    </Page>
  )
}
