import { QueryClientProvider } from '@tanstack/react-query'
import { useSession } from 'livechat-browser-auth/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { ApiScope } from '../../api/api-scope'
import { createQueryClient } from '../query-client'

/**
 * The details widget's query cache and request scope, one per signed-in account (as the
 * workspace's): a sign-out drops its data and aborts what is in flight.
 */
export function WidgetQueries({ children }: { children: ReactNode }) {
  const { accountId } = useSession()
  return <AccountQueries key={accountId}>{children}</AccountQueries>
}

function AccountQueries({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  // Deferred a tick: StrictMode's rehearsal unmount is re-mounted at once (see workspace.tsx).
  const pendingClear = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    clearTimeout(pendingClear.current)
    return () => {
      pendingClear.current = setTimeout(() => queryClient.clear(), 0)
    }
  }, [queryClient])
  return (
    <QueryClientProvider client={queryClient}>
      <ApiScope>{children}</ApiScope>
    </QueryClientProvider>
  )
}
