import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { chatQueries, OPEN_CHATS } from '../api/chats'
import { groupQueries } from '../api/groups'
import { useApiClient } from '../api/use-api-client'
import { ChatTable } from '../components/chat-table'
import { FetchNotice } from '../components/fetch-notice'
import { LoadMore } from '../components/load-more'
import { Page } from '../components/page'
import { QueryError } from '../components/query-error'
import { Spinner } from '../ui/spinner'
import { CHATS_REFRESH_MS, whileVisible } from '../components/while-visible'
import { useHasScopes } from '../auth/guards/use-has-scopes'

/** My open chats (list_chats, chats--access:ro): the groups' chats LiveChat lets me see. */
export function ChatsPage() {
  const api = useApiClient()
  const hasScopes = useHasScopes()
  const chats = useInfiniteQuery({
    ...chatQueries.list(api, OPEN_CHATS),
    refetchInterval: whileVisible(CHATS_REFRESH_MS),
  })
  const groups = useQuery({ ...groupQueries.list(api), enabled: hasScopes(['groups--all:ro']) })
  const rows = chats.data?.pages.flatMap((page) => page.chats_summary) ?? []

  return (
    <Page
      title="My chats"
      lead="Open chats in your groups. The list refreshes while this page is on screen."
    >
      <FetchNotice query={chats} />
      {chats.isPending && <Spinner label="Loading your chats" />}
      {chats.isError && (
        <QueryError
          error={chats.error}
          what="your chats"
          onRetry={() => void chats.refetch()}
          scopes={['chats--access:ro']}
        />
      )}
      {chats.isSuccess && rows.length === 0 && (
        <p className="empty">No open chats right now. New ones appear here.</p>
      )}
      {rows.length > 0 && (
        <>
          <ChatTable chats={rows} groups={groups.data} caption="Open chats" />
          <LoadMore query={chats} noun="chats" endText="That is every open chat." />
        </>
      )}
    </Page>
  )
}
