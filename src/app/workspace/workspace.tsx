import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { RecordedResponses } from '../../api/recorded-responses'
import { useSession } from 'livechat-browser-auth/react'
import { Layout } from '../../components/layout'
import { LiveProvider } from '../../live/live-provider'
import { forgetPrefetch, takePrefetch } from '../prefetch-store'
import { createQueryClient } from './query-client'

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
  const [queryClient] = useState(createQueryClient)
  // The landing page's requests, on their way since the token arrived (app/workspace/prefetch.ts).
  const [prefetch] = useState(() => takePrefetch(credential))
  useEffect(() => forgetPrefetch(prefetch), [prefetch])
  // Drop cached chats the moment the workspace goes away (sign-out), not at garbage collection.
  // Deferred by a tick so StrictMode's rehearsal unmount (immediately re-mounted) does not wipe
  // queries in flight and fetch everything twice.
  const pendingClear = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    clearTimeout(pendingClear.current)
    return () => {
      pendingClear.current = setTimeout(() => queryClient.clear(), 0)
    }
  }, [queryClient])
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
