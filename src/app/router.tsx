import { lazy, useEffect } from 'react'
import { Route, Routes } from 'react-router-dom'
import { RequireAuth } from 'livechat-browser-auth/react-router'
import { useAuth } from 'livechat-browser-auth/react'
import { paths } from '../config/paths'
import { SignInPage } from '../public/sign-in-page'
import { Spinner } from '../ui/spinner'
import { preloadPrefetch } from './prefetch-store'
import { lazyPage, Loading } from './lazy-page'

// The sign-in page is the only page in the startup bundle: the workspace's route table and every
// signed-in page load later, in the workspace's chunk.
const WorkspaceRoutes = lazyPage(() => import('./workspace-routes'), 'WorkspaceRoutes')
// The Flow lab is public (a demo starts there, signed out) and never in the sign-in bundle.
// Signed out it comes with its own top bar; signed in it is one of the workspace's routes.
const FlowsPage = lazyPage(() => import('../public/flows-page'), 'FlowsPage')
const PublicFrame = lazy(() =>
  import('./public-frame').then((module) => ({ default: module.PublicFrame })),
)

const CHECKING = (
  <div className="page page--center">
    <Spinner label="Checking your LiveChat session" />
  </div>
)

/**
 * Once LiveChat has answered a sign-in, the workspace will very likely be shown: fetch its code
 * while the token is validated, so the first data is not also waiting for chunks.
 */
function usePreloadWorkspace() {
  const { status } = useAuth()
  useEffect(() => {
    // A sign-in under way: its token will want the landing page's data at once
    // (app/workspace/prefetch.ts).
    if (status === 'signing-in') preloadPrefetch()
    if (status !== 'validating') return
    WorkspaceRoutes.preload().catch(() => undefined)
  }, [status])
}

/**
 * The route table: public sign-in and, signed out, the flow lab; everything else behind
 * <RequireAuth>. A signed-in agent's /flows is a workspace route (workspace-routes.tsx), inside
 * the one workspace shell, so going to the lab and back keeps the query cache.
 */
export function AppRoutes() {
  usePreloadWorkspace()
  const { session } = useAuth()
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      {!session && (
        <Route
          path="flows"
          element={
            <Loading>
              <PublicFrame>
                <FlowsPage />
              </PublicFrame>
            </Loading>
          }
        />
      )}
      <Route element={<RequireAuth signInPath={paths.signIn} pending={CHECKING} />}>
        <Route
          path="*"
          element={
            <Loading>
              <WorkspaceRoutes />
            </Loading>
          }
        />
      </Route>
    </Routes>
  )
}
