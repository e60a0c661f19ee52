import { useEffect } from 'react'
import { Route, Routes } from 'react-router-dom'
import { RequireAuth } from '../auth/guards/require-auth'
import { useAuth } from '../auth/use-auth'
import { SignInPage } from '../pages/sign-in-page'
import { lazyPage, Loading } from './lazy-page'

// The sign-in page is the only page in the startup bundle: the workspace's route table and every
// page load later, each in its own chunk.
const loadWorkspaceRoutes = () => import('./workspace-routes')
const WorkspaceRoutes = lazyPage(loadWorkspaceRoutes, 'WorkspaceRoutes')
// The Flow lab is public (a demo starts there, signed out) and never in the sign-in bundle.
const FlowsPage = lazyPage(() => import('../pages/flows-page'), 'FlowsPage')

/**
 * Once LiveChat has answered a sign-in, the workspace will very likely be shown: fetch its code
 * while the token is validated, so the first data is not also waiting for chunks.
 */
function usePreloadWorkspace() {
  const { status } = useAuth()
  useEffect(() => {
    if (status !== 'validating') return
    loadWorkspaceRoutes().then(
      (module) => module.preloadWorkspacePages(),
      () => undefined,
    )
  }, [status])
}

/** The route table: public sign-in and flow lab; everything else behind <RequireAuth>. */
export function AppRoutes() {
  usePreloadWorkspace()
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route
        path="flows"
        element={
          <Loading>
            <FlowsPage />
          </Loading>
        }
      />
      <Route element={<RequireAuth />}>
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
