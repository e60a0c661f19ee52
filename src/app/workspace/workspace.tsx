import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Navigate, useLocation } from 'react-router-dom'
import { RecordedResponses } from '../../api/recorded-responses'
import { useSession } from 'livechat-browser-auth/react'
import { Layout } from '../../components/layout'
import { LiveProvider } from '../../live/live-provider'
import { forgetPrefetch, takePrefetch } from '../prefetch-store'
import { landingIn } from './page-scopes'
import { useAccountQueryClient } from './use-account-query-client'

/**
 * Everything a signed-in agent sees: the query cache and the layout. Loaded lazily, so the
 * sign-in page never downloads TanStack Query or a workspace page. The cache, the live socket and
 * everything under them live and die with the signed-in account in its organization: signing
 * out unmounts them, and another account or organization gets new ones in the same commit, so
 * nothing of the old one is ever on screen with the new one
 * (docs/decisions/012-switching-organizations.md).
 */
export function Workspace() {
  const { accountId, organizationId, scopes } = useSession()
  const { pathname } = useLocation()
  // The organization the page on screen belongs to. After a switch, a page of the old one (a
  // chat, a page the new scopes do not allow) is left for its landing before anything renders.
  const [shownIn, setShownIn] = useState(organizationId)
  if (shownIn !== organizationId) {
    const landing = landingIn(pathname, scopes)
    if (landing !== pathname) return <Navigate to={landing} replace />
    setShownIn(organizationId)
  }
  return <AccountWorkspace key={`${organizationId} ${accountId}`} />
}

function AccountWorkspace() {
  const { credential } = useSession()
  const queryClient = useAccountQueryClient()
  // The words the sign-in page shows when this session ends, there before it does.
  useEffect(() => void import('../../public/sign-out-notice'), [])
  // The landing page's requests, on their way since the token arrived (app/workspace/prefetch.ts).
  const [prefetch] = useState(() => takePrefetch(credential))
  useEffect(() => forgetPrefetch(prefetch), [prefetch])
  return (
    <RecordedResponses value={prefetch?.take ?? null}>
      <QueryClientProvider client={queryClient}>
        {/* The tab's one RTM socket lives and dies with the workspace (sign-out unmounts it). */}
        <LiveProvider>
          <Layout landingIn={landingIn} />
        </LiveProvider>
      </QueryClientProvider>
    </RecordedResponses>
  )
}
