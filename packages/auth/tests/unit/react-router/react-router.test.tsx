// The React Router pieces, under StrictMode against the sandbox: RequireAuth sends the signed-out
// to the sign-in page with the path they asked for, useReturnTo reads it back (same-origin paths
// only), RequireScopes guards a route, and a redirect sign-in lands on its path.
import { render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router-dom'
import { afterEach, describe, expect, it } from 'vitest'
import type { RedirectCallbackResult } from '../../../src/callback/callback-result'
import { AuthProviderWithNavigate } from '../../../src/react-router/auth-provider-with-navigate'
import { RequireAuth } from '../../../src/react-router/require-auth'
import { RequireScopes } from '../../../src/react-router/require-scopes'
import { useReturnTo } from '../../../src/react-router/return-to'
import { destroyTestClients, signedInCallback, testClient } from '../../support/signed-in'

afterEach(destroyTestClients)

function SignInPage() {
  return <h1>Sign in, then back to {useReturnTo()}</h1>
}

function renderAt(
  entry: string | { pathname: string; state: unknown },
  callback: Promise<RedirectCallbackResult>,
) {
  const client = testClient({ redirectCallback: callback })
  render(
    <StrictMode>
      <MemoryRouter initialEntries={[entry]}>
        <AuthProviderWithNavigate client={client}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route element={<RequireAuth pending={<p role="status">Checking</p>} />}>
              <Route path="/" element={<h1>Home</h1>} />
              <Route path="/chats" element={<h1>Chats</h1>} />
              <Route
                element={
                  <RequireScopes
                    scopes={['chats--all:ro']}
                    fallback={({ missing }) => <h1>Ask for {missing.join(', ')}</h1>}
                  />
                }
              >
                <Route path="/supervisor" element={<h1>Supervisor</h1>} />
              </Route>
            </Route>
          </Routes>
        </AuthProviderWithNavigate>
      </MemoryRouter>
    </StrictMode>,
  )
}

const signedIn = (returnTo: string) => signedInCallback('nina@acme.test', { returnTo })

describe('RequireAuth and useReturnTo', () => {
  it('sends the signed-out to the sign-in page, which knows where they were going', async () => {
    renderAt('/chats?filter=mine', Promise.resolve({ kind: 'none' }))
    expect(
      await screen.findByRole('heading', { name: 'Sign in, then back to /chats?filter=mine' }),
    ).toBeInTheDocument()
  })

  it('useReturnTo refuses a path to another origin', async () => {
    renderAt(
      { pathname: '/sign-in', state: { from: '//evil.example/steal' } },
      Promise.resolve({ kind: 'none' }),
    )
    expect(
      await screen.findByRole('heading', { name: 'Sign in, then back to /' }),
    ).toBeInTheDocument()
  })

  it('a completed redirect sign-in navigates to the path it was started for', async () => {
    renderAt('/', signedIn('/chats'))
    expect(await screen.findByRole('heading', { name: 'Chats' })).toBeInTheDocument()
  })
})

describe('RequireScopes', () => {
  it('renders its fallback with the missing scope instead of the route, never the sign-in page', async () => {
    renderAt('/', signedIn('/supervisor'))
    expect(
      await screen.findByRole('heading', { name: 'Ask for chats--all:ro' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: /Sign in/ })).not.toBeInTheDocument()
  })
})
