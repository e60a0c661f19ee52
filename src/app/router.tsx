import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react'
import { Outlet, Route, Routes } from 'react-router-dom'
import { RequireAuth } from '../auth/guards/require-auth'
import { RequireScopes } from '../auth/guards/require-scopes'
import { useAuth } from '../auth/use-auth'
import { Spinner } from '../ui/spinner'
import { SignInPage } from '../pages/sign-in-page'

// Each page is its own chunk: the sign-in page never downloads TanStack Query or another page.
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

function lazyPage<K extends string>(loader: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => loader().then((module) => ({ default: module[name] })))
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
// The Flow lab is public (a demo starts there, signed out) and never in the sign-in bundle.
const FlowsPage = lazyPage(() => import('../pages/flows-page'), 'FlowsPage')
// Signed out, the lab brings its own top bar (lazy, with the lab).
const PublicFrame = lazy(() =>
  import('./public-frame').then((module) => ({ default: module.PublicFrame })),
)
// Rarely shown, so it loads when needed rather than with the sign-in page.
const MissingScopesPage = lazy(() =>
  import('../pages/missing-scopes-page').then((module) => ({ default: module.MissingScopesPage })),
)

/** What <RequireScopes> shows when the token lacks a scope: each one explained, Request access. */
function MissingScopes({ missing }: { missing: readonly string[] }) {
  return (
    <Loading>
      <MissingScopesPage missing={missing} />
    </Loading>
  )
}

/**
 * Once LiveChat has answered a sign-in, the workspace will very likely be shown: fetch its code
 * while the token is validated, so the first data is not also waiting for chunks.
 */
function usePreloadWorkspace() {
  const { status } = useAuth()
  useEffect(() => {
    if (status !== 'validating') return
    for (const loader of Object.values(load)) loader().catch(() => undefined)
  }, [status])
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

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="page">
          <Spinner />
        </div>
      }
    >
      {children}
    </Suspense>
  )
}

/**
 * A signed-in agent sees every page inside the one workspace (its query cache, navigation and
 * account menu), the public Flow lab included, so going to the lab and back keeps the cache.
 * Signed out, the routes render bare: RequireAuth sends them to sign in, the lab stays public.
 */
function SessionFrame() {
  const { session } = useAuth()
  if (!session) return <Outlet />
  return (
    <Loading>
      <Workspace />
    </Loading>
  )
}

/** The route table: public sign-in, everything else behind <RequireAuth>, scopes declared per route. */
export function AppRoutes() {
  usePreloadWorkspace()
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route element={<SessionFrame />}>
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
        <Route element={<RequireAuth />}>
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
          <Route
            element={<RequireScopes scopes={ROUTE_SCOPES.customer} fallback={MissingScopes} />}
          >
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
            path="*"
            element={
              <Loading>
                <NotFoundPage />
              </Loading>
            }
          />
        </Route>
      </Route>
    </Routes>
  )
}
