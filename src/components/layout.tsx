import { useQuery } from '@tanstack/react-query'
import { use } from 'react'
import { NavLink, Outlet } from 'react-router-dom'
import { accountQueries } from '../api/accounts'
import { ApiScope } from '../api/api-scope'
import { useApiClient } from '../api/use-api-client'
import { useAuth } from 'livechat-browser-auth/react'
import { paths } from '../config/paths'
import { useHasScopes } from 'livechat-browser-auth/react'
import { AuthErrorBanner } from './auth-error-banner'
import { LayoutSlotContext } from './layout-slot'
import { Attention } from './live/attention'
import { ConnectionStatus } from './live/connection-status'
import { LiveNotice } from './live/live-notice'
import { NotificationsMenu } from './live/notifications-menu'
import { OrganizationMenu, type Landing } from './organization-menu'
import { Shell } from '../ui/shell'
import { UnreadTitle } from './live/unread-title'

const NAV = [
  { to: paths.home, label: 'Home', end: true },
  { to: paths.chats, label: 'Chats', end: false },
  { to: paths.archives, label: 'Archives', end: false },
  { to: paths.team, label: 'Team', end: false },
  { to: paths.supervisor, label: 'Supervisor', end: false },
  { to: paths.session, label: 'Session', end: false },
  { to: paths.flows, label: 'Flow lab', end: false },
]

/** The signed-in shell: navigation, who is signed in and where, and sign-out. */
export function Layout({ landingIn }: { landingIn: Landing }) {
  return (
    <ApiScope>
      <Shell
        navItems={NAV.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {item.label}
            </NavLink>
          </li>
        ))}
        end={
          <>
            <OrganizationMenu landingIn={landingIn} />
            <ConnectionStatus />
            <NotificationsMenu />
            <AccountMenu />
          </>
        }
      >
        <UnreadTitle />
        <Attention />
        <AuthErrorBanner className="alert page" />
        <LiveNotice />
        {use(LayoutSlotContext)}
        <Outlet />
      </Shell>
    </ApiScope>
  )
}

function AccountMenu() {
  const { signOut, status } = useAuth()
  const hasScopes = useHasScopes()
  const api = useApiClient()
  const me = useQuery({ ...accountQueries.me(api), enabled: hasScopes(['accounts--my:ro']) })
  return (
    <div className="account">
      <span className="account__name">{me.data?.name ?? me.data?.email ?? 'Signed in'}</span>
      {status === 'renewing' && <span className="muted">Renewing…</span>}
      <button type="button" className="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </div>
  )
}
