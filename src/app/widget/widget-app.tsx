// The app as a LiveChat Agent App widget (/widget/details, /widget/fullscreen): loaded only on
// those routes, with the Agent App SDK, so the sign-in page and the workspace carry none of it.
// Placement comes from the path; widget mode (the SDK's connection) only when the page is
// framed with the Agent App's plugin_id. docs/agent-app-widgets.md has the whole picture.
import { SignedIn } from 'livechat-browser-auth/react'
import { startAgentApp } from '../../agent-app/agent-app-connection'
import type { Placement } from '../../agent-app/agent-app-sdk'
import { LayoutSlotContext } from '../../components/layout-slot'
import { DetailsWidgetPage } from '../../pages/widget/details-widget-page'
import { WidgetSignIn } from '../../pages/widget/widget-sign-in'
import { Spinner } from '../../ui/spinner'
import { lazyPage, Loading } from '../lazy-page'
import { FullscreenBadge } from './fullscreen-badge'
import { WidgetQueries } from './widget-queries'
import './widget.css'

/** Where the fullscreen widget's pages live: the app's routes, below this path (main.tsx). */
const FULLSCREEN_BASE = '/widget/fullscreen'

const placement: Placement = window.location.pathname.startsWith(FULLSCREEN_BASE)
  ? 'fullscreen'
  : 'details'

// The host retries its handshake for a few seconds after the frame loads: answer as soon as this
// code is here, before React renders.
startAgentApp(placement)
// The Agent App draws its own frame around the widget: no second brand bar (widget.css).
document.documentElement.classList.add('in-agent-app')

const WorkspaceRoutes = lazyPage(() => import('../workspace-routes'), 'WorkspaceRoutes')

const CHECKING = (
  <div className="page page--center">
    <Spinner label="Checking your LiveChat session" />
  </div>
)

/**
 * Inside the app's providers (main.tsx). Fullscreen: the app's signed-in pages (and so its own
 * navigation) under /widget/fullscreen, with the unread total on the Agent App's icon.
 * Details: the chat's customer.
 */
export function WidgetApp() {
  if (placement === 'fullscreen')
    return (
      <LayoutSlotContext value={<FullscreenBadge />}>
        <SignedIn
          fallback={<WidgetSignIn title="Sign in to your LiveChat workspace" />}
          pending={CHECKING}
        >
          <Loading>
            <WorkspaceRoutes />
          </Loading>
        </SignedIn>
      </LayoutSlotContext>
    )
  return (
    <SignedIn
      fallback={<WidgetSignIn title="Sign in to see this chat’s customer" />}
      pending={CHECKING}
    >
      <WidgetQueries>
        <DetailsWidgetPage />
      </WidgetQueries>
    </SignedIn>
  )
}
