import { QueryClientProvider } from '@tanstack/react-query'
import { useSession } from 'livechat-browser-auth/react'
import type { ReactNode } from 'react'
import { ApiScope } from '../../api/api-scope'
import { useAccountQueryClient } from '../workspace/use-account-query-client'

/**
 * The details widget's query cache and request scope, one per signed-in account (as the
 * workspace's): a sign-out drops its data and aborts what is in flight.
 */
export function WidgetQueries({ children }: { children: ReactNode }) {
  const { accountId } = useSession()
  return <AccountQueries key={accountId}>{children}</AccountQueries>
}

function AccountQueries({ children }: { children: ReactNode }) {
  const queryClient = useAccountQueryClient()
  return (
    <QueryClientProvider client={queryClient}>
      <ApiScope>{children}</ApiScope>
    </QueryClientProvider>
  )
}
