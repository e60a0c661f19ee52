import type { AuthClient } from 'livechat-browser-auth'
import { AuthProviderWithNavigate } from 'livechat-browser-auth/react-router'
import type { ReactNode } from 'react'
import { BrowserRouter } from 'react-router-dom'
import { ErrorBoundary } from './error-boundary'

interface AppProvidersProps {
  /** The auth client (app-auth.ts), created once per page before the first render. */
  client: AuthClient
  /** Tests render at a given URL with their own router; the app uses the browser's. */
  router?: (children: ReactNode) => ReactNode
  /** The browser router's base path (the fullscreen widget's routes live below /widget/fullscreen). */
  basename?: string
  children: ReactNode
}

/**
 * The provider tree in data-flow order, used by the app and by tests alike. The query cache is not
 * here: it belongs to the signed-in workspace (app/workspace/workspace.tsx), loaded after sign-in.
 */
export function AppProviders({ client, router, basename, children }: AppProvidersProps) {
  const withRouter =
    router ?? ((inner: ReactNode) => <BrowserRouter basename={basename}>{inner}</BrowserRouter>)
  return (
    <ErrorBoundary>
      {withRouter(<AuthProviderWithNavigate client={client}>{children}</AuthProviderWithNavigate>)}
    </ErrorBoundary>
  )
}
