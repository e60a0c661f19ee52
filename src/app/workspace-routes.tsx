// The signed-in part of the route table: every workspace page, the scopes each needs, and what
// shows when one is missing. Its own chunk (loaded while a token is validated, or on the first
// signed-in visit), so the sign-in page carries none of it.
import { lazy } from 'react'
import { Route, Routes } from 'react-router-dom'
import { RequireScopes } from '../auth/guards/require-scopes'
import { lazyPage, Loading } from './lazy-page'

// Each page is its own chunk.
const load = {
  workspace: () => import('./workspace'),
  home: () => import('../pages/home-page'),
  chats: () => import('../pages/chats-page'),
  chat: () => import('../pages/chat-page'),
  archives: () => import('../pages/archives-page'),
  customer: () => import('../pages/customer-page'),
  team: () => import('../pages/team-page'),
  session: () => import('../pages/session-page'),
  supervisor: () => import('../pages/supervisor-page'),
}

const Workspace = lazyPage(load.workspace, 'Workspace')
const HomePage = lazyPage(load.home, 'HomePage')
const ChatsPage = lazyPage(load.chats, 'ChatsPage')
const ChatPage = lazyPage(load.chat, 'ChatPage')
const ArchivesPage = lazyPage(load.archives, 'ArchivesPage')
const CustomerPage = lazyPage(load.customer, 'CustomerPage')
const TeamPage = lazyPage(load.team, 'TeamPage')
const SessionPage = lazyPage(load.session, 'SessionPage')
const SupervisorPage = lazyPage(load.supervisor, 'SupervisorPage')
const NotFoundPage = lazyPage(() => import('../pages/not-found-page'), 'NotFoundPage')
// The same chunk as the public /flows route's (router.tsx): the lab signed in.
const FlowsPage = lazyPage(() => import('../pages/flows-page'), 'FlowsPage')
// Rarely shown, so it loads when needed.
const MissingScopesPage = lazy(() =>
  import('../pages/missing-scopes-page').then((module) => ({ default: module.MissingScopesPage })),
)

/** Fetches every page's code ahead of need (a token is being validated: the workspace is next). */
export function preloadWorkspacePages(): void {
  for (const loader of Object.values(load)) loader().catch(() => undefined)
}

/**
 * The scopes each page needs, on its route: the table below reads as the app's permission map.
 * Optional extras (group names, the composer, closing a chat) are checked inside the pages.
 */
export const ROUTE_SCOPES = {
  home: ['accounts--my:ro', 'agents--my:ro'],
  chats: ['chats--access:ro'],
  customer: ['customers:ro'],
  team: ['agents--all:ro', 'groups--all:ro'],
  supervisor: ['chats--all:ro'],
} as const satisfies Record<string, readonly string[]>

/** What <RequireScopes> shows when the token lacks a scope: each one explained, Request access. */
function MissingScopes({ missing }: { missing: readonly string[] }) {
  return (
    <Loading>
      <MissingScopesPage missing={missing} />
    </Loading>
  )
}

/** Behind <RequireAuth>: the workspace shell and its pages, scopes declared per route. */
export function WorkspaceRoutes() {
  return (
    <Routes>
      <Route
        element={
          <Loading>
            <Workspace />
          </Loading>
        }
      >
        <Route element={<RequireScopes scopes={ROUTE_SCOPES.home} fallback={MissingScopes} />}>
          <Route
            index
            element={
              <Loading>
                <HomePage />
              </Loading>
            }
          />
        </Route>
        <Route element={<RequireScopes scopes={ROUTE_SCOPES.chats} fallback={MissingScopes} />}>
          <Route
            path="chats"
            element={
              <Loading>
                <ChatsPage />
              </Loading>
            }
          />
          <Route
            path="chats/:chatId"
            element={
              <Loading>
                <ChatPage />
              </Loading>
            }
          />
          <Route
            path="archives"
            element={
              <Loading>
                <ArchivesPage />
              </Loading>
            }
          />
        </Route>
        <Route element={<RequireScopes scopes={ROUTE_SCOPES.customer} fallback={MissingScopes} />}>
          <Route
            path="customers/:customerId"
            element={
              <Loading>
                <CustomerPage />
              </Loading>
            }
          />
        </Route>
        <Route element={<RequireScopes scopes={ROUTE_SCOPES.team} fallback={MissingScopes} />}>
          <Route
            path="team"
            element={
              <Loading>
                <TeamPage />
              </Loading>
            }
          />
        </Route>
        <Route
          path="session"
          element={
            <Loading>
              <SessionPage />
            </Loading>
          }
        />
        <Route
          element={<RequireScopes scopes={ROUTE_SCOPES.supervisor} fallback={MissingScopes} />}
        >
          <Route
            path="supervisor"
            element={
              <Loading>
                <SupervisorPage />
              </Loading>
            }
          />
        </Route>
        <Route
          path="flows"
          element={
            <Loading>
              <FlowsPage />
            </Loading>
          }
        />
        <Route
          path="*"
          element={
            <Loading>
              <NotFoundPage />
            </Loading>
          }
        />
      </Route>
    </Routes>
  )
}
