// Renders the real app (real providers, real routes) at a URL, under StrictMode, against the
// sandbox through MSW. `as` signs a persona in through the real validation path (/v2/info).
import { render } from '@testing-library/react'
import { StrictMode } from 'react'
import { MemoryRouter } from 'react-router-dom'
import { AppProviders } from '../../src/app/app-providers'
import { AppRoutes } from '../../src/app/router'
import type { RedirectOutcome } from '../../src/auth/answers/redirect-result'
import type { AppConfig } from '../../src/config/env'
import { sandboxConfig } from './app-config'
import { sandbox } from './sandbox-msw'
import { ORGANIZATION, PEOPLE } from 'livechat-sandbox'

export interface RenderAppOptions {
  route?: string
  /** Sign in as this persona (by email) with these scopes (default: the configured agent set). */
  as?: string
  scopes?: readonly string[]
  config?: AppConfig
  redirectOutcome?: Promise<RedirectOutcome>
}

export function mintToken(
  email: string,
  scopes: readonly string[],
  clientId = sandboxConfig.clientId,
) {
  const person = PEOPLE.find((p) => p.email === email)
  if (!person) throw new Error(`No sandbox person ${email}`)
  return sandbox.state.tokens.issueAccessToken({
    accountId: person.accountId,
    clientId,
    organizationId: ORGANIZATION.id,
    scopes: [...scopes],
    grant: 'implicit',
    sessionId: null,
    withRefreshToken: false,
  })
}

export function renderApp({
  route = '/',
  as,
  scopes,
  config = sandboxConfig,
  redirectOutcome,
}: RenderAppOptions = {}) {
  let outcome: Promise<RedirectOutcome> = redirectOutcome ?? Promise.resolve({ kind: 'none' })
  if (as) {
    const token = mintToken(as, scopes ?? config.scopes)
    outcome = Promise.resolve({
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
  return render(
    <StrictMode>
      <AppProviders
        config={config}
        redirectOutcome={outcome}
        restoreSilently={false}
        router={(children) => <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>}
      >
        <AppRoutes />
      </AppProviders>
    </StrictMode>,
  )
}
