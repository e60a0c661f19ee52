import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProviders } from './app/app-providers'
import { preloadFirstData } from './app/first-data-store'
import { AppRoutes } from './app/router'
import {
  carriesRedirectAnswer,
  consumeRedirectResult,
  loadRedirectReader,
  stripLateAnswers,
} from './auth/answers/redirect-result'
import { configResult } from './config/app-config'
import './styles.css'

// Only a misconfigured build shows it: not worth bytes in every agent's first load.
const SetupPage = lazy(() =>
  import('./pages/setup-page').then((module) => ({ default: module.SetupPage })),
)

function boot(): void {
  stripLateAnswers()
  // The redirect result (token, code or error in the URL) is read and stripped from the address
  // bar before anything renders, exactly once — StrictMode's double effects never see it.
  const redirectOutcome = configResult.ok ? consumeRedirectResult(configResult.config) : null

  const root = createRoot(document.getElementById('root') as HTMLElement)
  root.render(
    <StrictMode>
      {configResult.ok && redirectOutcome ? (
        <AppProviders config={configResult.config} redirectOutcome={redirectOutcome}>
          <AppRoutes />
        </AppProviders>
      ) : (
        <Suspense>
          <SetupPage problems={configResult.ok ? [] : configResult.problems} />
        </Suspense>
      )}
    </StrictMode>,
  )
}

// What reads a redirect result (and the SDK) loads at startup only when the URL carries one: it
// runs in the same task that strips the URL. (Not a top-level await: that would disable
// Rolldown's chunk merging and split the startup code into many small files.)
if (configResult.ok && carriesRedirectAnswer()) {
  // The answer's token will want the landing page's data at once: its code loads alongside.
  preloadFirstData()
  void loadRedirectReader().then(boot)
} else {
  boot()
}
