// The signed-in part of the route table: every workspace page, the scopes each needs, and what
// shows when one is missing. Loaded while a token is validated (or on the first signed-in
// visit) with the workspace's one chunk, which holds every signed-in page (vite.config.ts): the
// sign-in page carries none of it, and going from page to page waits for no chunk.
import { Route, Routes } from 'react-router-dom'
import { RequireScopes } from 'livechat-browser-auth/react-router'
import { ArchivesPage } from '../pages/archives-page'
import { ChatsPage } from '../pages/chats-page'
import { CustomerPage } from '../pages/customer-page'
import { HomePage } from '../pages/home-page'
import { MissingScopesPage } from '../pages/missing-scopes-page'
import { NotFoundPage } from '../pages/not-found-page'
import { SessionPage } from '../pages/session-page'
import { SupervisorPage } from '../pages/supervisor-page'
import { TeamPage } from '../pages/team-page'
import { lazyPage, Loading } from './lazy-page'
import { ROUTE_SCOPES } from './page-scopes'
import { Workspace } from './workspace'

// The same chunk as the public /flows route's (router.tsx): the lab signed in.
const FlowsPage = lazyPage(() => import('../pages/flows-page'), 'FlowsPage')

/** What <RequireScopes> shows when the token lacks a scope: each one explained, Request access. */
function MissingScopes({ missing }: { missing: readonly string[] }) {
  return <MissingScopesPage missing={missing} />
}

/** A route that needs these scopes, with the missing-scope page in their place. */
const guarded = (scopes: readonly string[]) => (
  <RequireScopes scopes={scopes} fallback={MissingScopes} />
)

/** Behind <RequireAuth>: the workspace shell and its pages, scopes declared per route. */
export function WorkspaceRoutes() {
  return (
    <Routes>
      <Route element={<Workspace />}>
        <Route element={guarded(ROUTE_SCOPES.home)}>
          <Route index element={<HomePage />} />
        </Route>
        <Route element={guarded(ROUTE_SCOPES.chats)}>
          <Route path="chats" element={<ChatsPage />} />
          {/* The same three-pane screen: a deep link opens the chat in it. */}
          <Route path="chats/:chatId" element={<ChatsPage />} />
          <Route path="archives" element={<ArchivesPage />} />
        </Route>
        <Route element={guarded(ROUTE_SCOPES.customer)}>
          <Route path="customers/:customerId" element={<CustomerPage />} />
        </Route>
        <Route element={guarded(ROUTE_SCOPES.team)}>
          <Route path="team" element={<TeamPage />} />
        </Route>
        <Route path="session" element={<SessionPage />} />
        <Route element={guarded(ROUTE_SCOPES.supervisor)}>
          <Route path="supervisor" element={<SupervisorPage />} />
        </Route>
        <Route
          path="flows"
          element={
            <Loading>
              <FlowsPage />
            </Loading>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
