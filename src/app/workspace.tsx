import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { FirstAnswers } from '../api/first-answers'
import { useSession } from 'livechat-browser-auth/react'
import { Layout } from '../components/layout'
import { LiveProvider } from '../live/live-provider'
import { forgetFirstData, takeFirstData } from './first-data-store'
import { useAccountQueryClient } from './use-account-query-client'

/**
 * Everything a signed-in agent sees: the query cache and the layout. Loaded lazily, so the
 * sign-in page never downloads TanStack Query or a workspace page. The cache lives and dies
 * with the signed-in account: signing out unmounts it, and another account gets a new one.
 */
export function Workspace() {
  const { accountId } = useSession()
  return <AccountWorkspace key={accountId} />
}

function AccountWorkspace() {
  const { credential } = useSession()
  const queryClient = useAccountQueryClient()
  // The landing page's requests, on their way since the token arrived (first-data.ts).
  const [firstData] = useState(() => takeFirstData(credential))
  useEffect(() => forgetFirstData(firstData), [firstData])
  return (
    <FirstAnswers value={firstData?.take ?? null}>
      <QueryClientProvider client={queryClient}>
        {/* The tab's one RTM socket lives and dies with the workspace (sign-out unmounts it). */}
        <LiveProvider>
          <Layout />
        </LiveProvider>
      </QueryClientProvider>
    </FirstAnswers>
  )
}
