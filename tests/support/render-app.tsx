// Renders the real app (real providers, real routes) at a URL, under StrictMode, against the
// sandbox through MSW. `as` signs a persona in through the real validation path (/v2/info).
import { render } from '@testing-library/react'
import type { AuthClient, RedirectCallbackResult } from 'livechat-browser-auth'
import { StrictMode } from 'react'
import { MemoryRouter } from 'react-router-dom'
import { afterEach } from 'vitest'
import { createAppAuthClient } from '../../src/app/app-auth'
import { AppProviders } from '../../src/app/app-providers'
import { AppRoutes } from '../../src/app/router'
import type { AppConfig } from '../../src/config/env'
import { sandboxConfig } from './app-config'
import { mintToken } from './sandbox-msw'

export interface RenderAppOptions {
  route?: string
  /** Sign in as this persona (by email) with these scopes (default: the configured agent set). */
  as?: string
  scopes?: readonly string[]
  /** The organization of that sign-in (default: Acme Support). */
  organizationId?: string
  config?: AppConfig
  /** What the redirect callback read from the URL (default: nothing). */
  redirectCallback?: Promise<RedirectCallbackResult>
}

// Each render's client keeps timers and a channel while signed in: stopped after every test.
const clients: AuthClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

export function renderApp({
  route = '/',
  as,
  scopes,
  organizationId,
  config = sandboxConfig,
  redirectCallback,
}: RenderAppOptions = {}) {
  let callback: Promise<RedirectCallbackResult> =
    redirectCallback ?? Promise.resolve({ kind: 'none' })
  if (as) {
    const token = mintToken(as, scopes ?? config.scopes, config.clientId, organizationId)
    callback = Promise.resolve({
      kind: 'authorized',
      flow: 'popup',
      returnTo: route,
      result: {
        kind: 'token',
        accessToken: token.token,
        expiresIn: 28800,
        scopes: null,
        state: 'test-state',
      },
    })
  }
  const client = createAppAuthClient(config, {
    redirectCallback: callback,
    restoreSilently: false,
  })
  clients.push(client)
  return render(
    <StrictMode>
      <AppProviders
        client={client}
        router={(children) => <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>}
      >
        <AppRoutes />
      </AppProviders>
    </StrictMode>,
  )
}
