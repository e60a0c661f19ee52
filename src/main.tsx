import { hasAuthParams, type AuthClient } from 'livechat-browser-auth'
import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { createAppAuthClient } from './app/app-auth'
import { AppProviders } from './app/app-providers'
import { preloadPrefetch } from './app/prefetch-store'
import { AppRoutes } from './app/router'
import { configResult } from './config/app-config'
import { labRunWaiting } from './lab/run/waiting-run'
import './styles.css'

// Only a misconfigured build shows it: not worth bytes in every agent's first load.
const SetupPage = lazy(() =>
  import('./public/setup-page').then((module) => ({ default: module.SetupPage })),
)

// The Agent App widget routes (/widget/*, with their SDK): a chunk of their own. The fullscreen
// widget shows the app's own routes below its path.
const { pathname } = window.location
const inWidget = pathname.startsWith('/widget/')
const WidgetApp = lazy(() =>
  import('./app/widget/widget-app').then((module) => ({ default: module.WidgetApp })),
)

function boot(client: AuthClient | null): void {
  const root = createRoot(document.getElementById('root') as HTMLElement)
  root.render(
    <StrictMode>
      {client ? (
        <AppProviders
          client={client}
          basename={pathname.startsWith('/widget/fullscreen') ? '/widget/fullscreen' : undefined}
        >
          {inWidget ? (
            <Suspense>
              <WidgetApp />
            </Suspense>
          ) : (
            <AppRoutes />
          )}
        </AppProviders>
      ) : (
        <Suspense>
          <SetupPage problems={configResult.ok ? [] : configResult.problems} />
        </Suspense>
      )}
    </StrictMode>,
  )
}

if (configResult.ok) {
  // A flow lab run that left for a redirect sign-in wants the facts of its return.
  const client = createAppAuthClient(configResult.config, { holdFlowFacts: labRunWaiting() })
  // The answer's token will want the landing page's data at once: its code loads alongside.
  if (hasAuthParams()) preloadPrefetch()
  // The redirect callback (token, code or error in the URL) is read and stripped from the
  // address bar before anything renders, exactly once. Its reader (and the SDK) load only when
  // the URL carries one. (Not a top-level await: that would disable Rolldown's chunk merging and
  // split the startup code into many small files.)
  void client.handleRedirectCallback().then(() => boot(client))
} else {
  boot(null)
}
