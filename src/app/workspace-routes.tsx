// The signed-in part of the route table: every workspace page behind the scopes it declares
// (each page module exports them, and reads the same list itself), and what shows when one is
// missing. Optional extras (group names, the composer, closing a chat) are checked inside the
// pages. Loaded while a token is validated (or on the first signed-in visit) with the workspace's
// one chunk, which holds every signed-in page (vite.config.ts): the sign-in page carries none of
// it, and going from page to page waits for no chunk.
import { Route, Routes } from 'react-router-dom'
import { RequireScopes } from 'livechat-browser-auth/react-router'
import { ArchivesPage, archivesPageScopes } from '../pages/archives-page'
import { ChatsPage, chatsPageScopes } from '../pages/chats-page'
import { CustomerPage, customerPageScopes } from '../pages/customer-page'
import { HomePage, homePageScopes } from '../pages/home-page'
import { MissingScopesPage } from '../pages/missing-scopes-page'
import { NotFoundPage } from '../pages/not-found-page'
import { SessionPage } from '../pages/session-page'
import { SupervisorPage, supervisorPageScopes } from '../pages/supervisor-page'
import { TeamPage, teamPageScopes } from '../pages/team-page'
import { lazyPage, Loading } from './lazy-page'
import { Workspace } from './workspace/workspace'

// The same chunk as the public /flows route's (router.tsx): the lab signed in.
const FlowsPage = lazyPage(() => import('../public/flows-page'), 'FlowsPage')

/** What <RequireScopes> shows when the token lacks a scope: each one explained, Request access. */
function MissingScopes({ missing }: { missing: readonly string[] }) {
  return <MissingScopesPage missing={missing} />
}

/** A route that needs these scopes, with the missing-scope page in their place. */
const guarded = (scopes: readonly string[]) => (
  <RequireScopes scopes={scopes} fallback={MissingScopes} />
)

/** Behind <RequireAuth>: the workspace shell and its pages, each behind its own scopes. */
export function WorkspaceRoutes() {
  return (
    <Routes>
      <Route element={<Workspace />}>
        <Route element={guarded(homePageScopes)}>
          <Route index element={<HomePage />} />
        </Route>
        <Route element={guarded(chatsPageScopes)}>
          <Route path="chats" element={<ChatsPage />} />
          {/* The same three-pane screen: a deep link opens the chat in it. */}
          <Route path="chats/:chatId" element={<ChatsPage />} />
        </Route>
        <Route element={guarded(archivesPageScopes)}>
          <Route path="archives" element={<ArchivesPage />} />
        </Route>
        <Route element={guarded(customerPageScopes)}>
          <Route path="customers/:customerId" element={<CustomerPage />} />
        </Route>
        <Route element={guarded(teamPageScopes)}>
          <Route path="team" element={<TeamPage />} />
        </Route>
        <Route path="session" element={<SessionPage />} />
        <Route element={guarded(supervisorPageScopes)}>
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
