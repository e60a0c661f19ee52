import type { ReactNode } from 'react'
import { BrowserRouter } from 'react-router-dom'
import { AuthProvider } from '../auth/auth-provider'
import type { RedirectOutcome } from '../auth/answers/redirect-result'
import type { AppConfig } from '../config/env'
import { ErrorBoundary } from './error-boundary'
import { speculateFirstData } from './first-data-store'

interface AppProvidersProps {
  config: AppConfig
  redirectOutcome: Promise<RedirectOutcome>
  /** Tests render at a given URL with their own router; the app uses the browser's. */
  router?: (children: ReactNode) => ReactNode
  restoreSilently?: boolean
  children: ReactNode
}

/**
 * The provider tree in data-flow order, used by the app and by tests alike. The query cache is
 * not here: it belongs to the signed-in workspace (app/workspace.tsx), loaded after sign-in.
 */
export function AppProviders({
  config,
  redirectOutcome,
  router,
  restoreSilently,
  children,
}: AppProvidersProps) {
  const withRouter = router ?? ((inner: ReactNode) => <BrowserRouter>{inner}</BrowserRouter>)
  return (
    <ErrorBoundary>
      {withRouter(
        <AuthProvider
          config={config}
          redirectOutcome={redirectOutcome}
          restoreSilently={restoreSilently}
          onToken={(credential, returnTo) => speculateFirstData(config, credential, returnTo)}
        >
          {children}
        </AuthProvider>,
      )}
    </ErrorBoundary>
  )
}
