// Renders the real app (real providers, real routes) at a URL, under StrictMode, against the
// sandbox through MSW. `as` signs a persona in through the real validation path (/v2/info).
import { render } from '@testing-library/react'
import type { AuthClient, Flow, RedirectCallbackResult } from 'livechat-browser-auth'
import { StrictMode, type ReactNode } from 'react'
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
  /** Wraps the routes, inside the app's providers: e.g. a context a test gives its own value. */
  wrap?: (routes: ReactNode) => ReactNode
}

// Each render's client keeps timers and a channel while signed in: stopped after every test.
const clients: AuthClient[] = []
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

/** What the redirect callback reads when LiveChat sent back `accessToken` (8 hours' life). */
export function tokenCallback(
  accessToken: string,
  { flow = 'popup', returnTo = '/' }: { flow?: Flow; returnTo?: string } = {},
): Promise<RedirectCallbackResult> {
  return Promise.resolve({
    kind: 'authorized',
    flow,
    returnTo,
    result: { kind: 'token', accessToken, expiresIn: 28800, scopes: null, state: 'test-state' },
  })
}

export function renderApp({
  route = '/',
  as,
  scopes,
  organizationId,
  config = sandboxConfig,
  redirectCallback,
  wrap = (routes) => routes,
}: RenderAppOptions = {}) {
  let callback: Promise<RedirectCallbackResult> =
    redirectCallback ?? Promise.resolve({ kind: 'none' })
  if (as) {
    const token = mintToken(as, scopes ?? config.scopes, config.clientId, organizationId)
    callback = tokenCallback(token.token, { returnTo: route })
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
        {wrap(<AppRoutes />)}
      </AppProviders>
    </StrictMode>,
  )
}
