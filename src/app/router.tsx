import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { Route, Routes } from 'react-router-dom'
import { RequireAuth } from '../auth/require-auth'
import { RequireScopes } from '../auth/require-scopes'
import { Spinner } from '../components/spinner'
import { SignInPage } from '../pages/sign-in-page'

/** A page in its own chunk: the sign-in page never downloads TanStack Query or another page. */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })))
}

const Workspace = lazyPage(() => import('./workspace'), 'Workspace')
const HomePage = lazyPage(() => import('../pages/home-page'), 'HomePage')
const ChatsPage = lazyPage(() => import('../pages/chats-page'), 'ChatsPage')
const ChatPage = lazyPage(() => import('../pages/chat-page'), 'ChatPage')
const ArchivesPage = lazyPage(() => import('../pages/archives-page'), 'ArchivesPage')
const CustomerPage = lazyPage(() => import('../pages/customer-page'), 'CustomerPage')
const TeamPage = lazyPage(() => import('../pages/team-page'), 'TeamPage')
const SessionPage = lazyPage(() => import('../pages/session-page'), 'SessionPage')
const SupervisorPage = lazyPage(() => import('../pages/supervisor-page'), 'SupervisorPage')
const NotFoundPage = lazyPage(() => import('../pages/not-found-page'), 'NotFoundPage')
const PlaceholderPage = lazy(() =>
  import('../pages/placeholder-page').then((m) => ({ default: m.PlaceholderPage })),
)

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

/** The route table: public sign-in, everything else behind <RequireAuth>, scopes declared per route. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="sign-in" element={<SignInPage />} />
      <Route element={<RequireAuth />}>
        <Route
          element={
            <Loading>
              <Workspace />
            </Loading>
          }
        >
          <Route element={<RequireScopes scopes={ROUTE_SCOPES.home} />}>
            <Route
              index
              element={
                <Loading>
                  <HomePage />
                </Loading>
              }
            />
          </Route>
          <Route element={<RequireScopes scopes={ROUTE_SCOPES.chats} />}>
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
          <Route element={<RequireScopes scopes={ROUTE_SCOPES.customer} />}>
            <Route
              path="customers/:customerId"
              element={
                <Loading>
                  <CustomerPage />
                </Loading>
              }
            />
          </Route>
          <Route element={<RequireScopes scopes={ROUTE_SCOPES.team} />}>
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
            path="flows"
            element={
              <Loading>
                <PlaceholderPage title="Flow lab" />
              </Loading>
            }
          />
          <Route element={<RequireScopes scopes={ROUTE_SCOPES.supervisor} />}>
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
