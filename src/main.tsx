import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProviders } from './app/app-providers'
import { AppRoutes } from './app/router'
import { consumeRedirectResult } from './auth/redirect-result'
import { configResult } from './config/app-config'
import { SetupPage } from './pages/setup-page'
import './styles.css'

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
      <SetupPage problems={configResult.ok ? [] : configResult.problems} />
    )}
  </StrictMode>,
)
