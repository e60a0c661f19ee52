import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { RecordedResponses } from '../../api/recorded-responses'
import { useSession } from 'livechat-browser-auth/react'
import { Layout } from '../../components/layout'
import { LiveProvider } from '../../live/live-provider'
import { forgetPrefetch, takePrefetch } from '../prefetch-store'
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
  // The landing page's requests, on their way since the token arrived (app/workspace/prefetch.ts).
  const [prefetch] = useState(() => takePrefetch(credential))
  useEffect(() => forgetPrefetch(prefetch), [prefetch])
  return (
    <RecordedResponses value={prefetch?.take ?? null}>
      <QueryClientProvider client={queryClient}>
        {/* The tab's one RTM socket lives and dies with the workspace (sign-out unmounts it). */}
        <LiveProvider>
          <Layout />
        </LiveProvider>
      </QueryClientProvider>
    </RecordedResponses>
  )
}
